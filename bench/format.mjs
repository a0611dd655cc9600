// Number formatting shared by the bench tables (run.mjs) and the README table (markdown.mjs).

export const n = (x) => x.toLocaleString('en-US');
// Three significant digits at any scale: a table mixing 0.2 ms floors and 40-minute
// extrapolations stays readable.
export function ms(x) {
  if (x === undefined || Number.isNaN(x)) return '—';
  if (x >= 10000) return `${n(Math.round(x / 1000))} s`;
  if (x >= 1000) return `${(x / 1000).toFixed(2)} s`;
  if (x >= 100) return `${x.toFixed(0)} ms`;
  if (x >= 10) return `${x.toFixed(1)} ms`;
  return `${x.toFixed(2)} ms`;
}
export function us(x) {
  if (x === undefined || Number.isNaN(x)) return '—';
  if (x >= 1000) return ms(x / 1000);
  return x >= 10 ? `${x.toFixed(0)} µs` : `${x.toFixed(2)} µs`;
}
export function mb(h) {
  if (!h) return '—';
  if (h.error) return `error: ${h.error.slice(0, 40)}`;
  if (h.heapBytes < 2 ** 20) return `${Math.round(h.heapBytes / 1024)} KB`;
  return `${(h.heapBytes / 2 ** 20).toFixed(1)} MB`;
}
export const ratio = (a, b) => (a && b ? `${(a / b).toFixed(2)}×` : '—');
