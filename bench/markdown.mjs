// Prints the README's benchmark table from a results file written by `run.mjs --json`, so the
// figures pasted into README.md are exactly the ones a run measured.
// Usage: node bench/markdown.mjs [bench/data/results.json]
import fs from 'node:fs';
import path from 'node:path';
import { DATA_DIR } from './lib.mjs';
import { mb, ms, n, ratio, us } from './format.mjs';

const file = process.argv[2] ?? path.join(DATA_DIR, 'results.json');
const doc = JSON.parse(fs.readFileSync(file, 'utf8'));
const m = doc.machine;

const rows = [
  ['dataset', 'paths × rules', 'parse + compile: ours / peer', 'whole batch: ours / peer / floor', 'ours ÷ floor', 'ours ÷ readline', 'lookup p50 / p99 (cold)', 'heap: ours / floor', 'CLI / echo baseline'],
  ['---', '--:', '--:', '--:', '--:', '--:', '--:', '--:', '--:'],
];
for (const r of Object.values(doc.results)) {
  const o = r.ours;
  const p = r.peer;
  // The peer is GitHub-only; an extrapolated batch is marked so nobody mistakes it for a run.
  const peerCompile = p ? ms(p.compileMs) : 'n/a';
  const peerBatch = p ? `${p.extrapolated ? '~' : ''}${ms(p.batchMs)}` : 'n/a';
  const cli = r.cli && !r.cli.error ? `${ms(r.cli.cliMs)} / ${ms(r.cli.baselineMs)} (${ratio(r.cli.cliMs, r.cli.baselineMs)})` : '—';
  rows.push([
    `${r.id} (${r.flavor})`,
    `${n(r.paths)} × ${n(o?.rules ?? r.rulesApprox)}`,
    `${ms(o?.compileMs)} / ${peerCompile}`,
    `${ms(o?.batchMs)} / ${peerBatch} / ${ms(r.floor.batchMs)}`,
    ratio(o?.batchMs, r.floor.batchMs),
    r.lineReader ? `${ratio(o?.batchMs, r.lineReader.batchMs)} (${ms(r.lineReader.batchMs)})` : '—',
    o ? `${us(o.lookupCold.p50Us)} / ${us(o.lookupCold.p99Us)}` : '—',
    `${mb(o?.fresh)} / ${mb(r.floor.fresh)}`,
    cli,
  ]);
}
console.log(`Measured ${doc.date.slice(0, 10)} on ${m.cpus} × ${m.cpuModel}, ${m.memGiB} GiB, Node ${m.node}, load average ${m.loadAvg1m} at the start${doc.quick ? ', quick mode' : ''}; peer ${doc.peer}; \`node -e ''\` starts in ${ms(doc.nodeStartMs)}.`);
console.log('');
for (const r of rows) console.log(`| ${r.join(' | ')} |`);
