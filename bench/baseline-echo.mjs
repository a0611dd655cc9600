// The CLI's baseline: a process that merely reads paths from stdin, one per line, and writes
// one small JSON record per path, the shape `who --stdin --json` writes but with no owners
// looked up. `ownership-lens who --stdin --json` is held to within 3x of this, end to end.
// Output is batched into large writes (one write per path would measure syscalls, not work),
// with backpressure respected when stdout is a pipe.
const FLUSH_BYTES = 1 << 16;

let pending = [];
let pendingBytes = 0;
let carry = '';

function flush() {
  if (pending.length === 0) return Promise.resolve();
  const chunk = pending.join('');
  pending = [];
  pendingBytes = 0;
  if (process.stdout.write(chunk)) return Promise.resolve();
  return new Promise((resolve) => process.stdout.once('drain', resolve));
}

function emit(line) {
  // Tolerate CRLF input, as the CLI must.
  const p = line.endsWith('\r') ? line.slice(0, -1) : line;
  if (p === '') return;
  const rec = JSON.stringify({ path: p, owners: [], rule: null }) + '\n';
  pending.push(rec);
  pendingBytes += rec.length;
}

process.stdin.setEncoding('utf8');
for await (const chunk of process.stdin) {
  const lines = (carry + chunk).split('\n');
  carry = lines.pop();
  for (const line of lines) emit(line);
  if (pendingBytes >= FLUSH_BYTES) await flush();
}
emit(carry);
await flush();
