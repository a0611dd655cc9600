// Messages between the ownership map webview and the extension. The page renders from the
// data embedded in its HTML and posts nothing today; whatever arrives is checked against
// this protocol and dropped unless it is exactly one of these. No vscode import.

export type MapMessage = { type: 'refresh' };

export function isMapMessage(value: unknown): value is MapMessage {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  return keys.length === 1 && (value as { type?: unknown }).type === 'refresh';
}
