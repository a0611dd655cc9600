// What a one-shot caller (the CLI, a git hook) pays: the first parse + compile and the first
// batch in a fresh process, before V8 has optimised anything, and the heap after the batch.
// A fresh process (with --expose-gc) also keeps the heap figure free of whatever the main
// bench allocated (other datasets, other contestants, timing arrays).
// Usage: node --expose-gc bench/fresh-process.mjs <ours|peer|floor> <dataset-id> [peer-path-limit]
// Prints one JSON line: { heapBytes, paths, firstCompileMs?, firstBatchMs? }. heapBytes is
// heapUsed + external (a Buffer's bytes are outside the heap) after a full GC with the path
// list and the matcher (ours/peer) still alive, minus the same before reading anything.
import fs from 'node:fs';
import { compileOurs, datasetFiles, listDatasets, loadEngine, loadPeer, msSince, now, peerRepo, readPaths, shuffled } from './lib.mjs';
import { PEER_SAMPLE_SEED } from './constants.mjs';

const [impl, id, limitArg] = process.argv.slice(2);
const ds = listDatasets().find((d) => d.id === id);
if (!ds || !['ours', 'peer', 'floor'].includes(impl) || typeof globalThis.gc !== 'function') {
  console.error('usage: node --expose-gc bench/fresh-process.mjs <ours|peer|floor> <dataset-id> [limit]');
  process.exit(2);
}
const files = datasetFiles(ds);

// Load the code before the baseline: we measure data, not the size of the module.
const engine = impl === 'ours' ? loadEngine().engine : null;
const Peer = impl === 'peer' ? loadPeer() : null;
const peerDir = impl === 'peer' ? peerRepo(ds) : null;
if (impl === 'ours' && !engine) process.exit(3);

const heap = () => {
  globalThis.gc();
  globalThis.gc();
  const m = process.memoryUsage();
  return m.heapUsed + m.external;
};
const out = {};
const base = heap();
const t0 = now();
// Ours reads the list as bytes for matchLines (as run.mjs's batch does); the others as lines.
const paths = impl === 'ours' ? fs.readFileSync(files.paths) : readPaths(files.paths);
let keep = null;
let sink = 0;
// A count of lines: ours counts them as matchLines hands them out (its list is bytes).
if (impl !== 'ours') out.paths = paths.length;
if (impl === 'ours') {
  const tc = now();
  keep = compileOurs(engine, fs.readFileSync(files.codeowners, 'utf8'), ds.flavor);
  out.firstCompileMs = msSince(tc);
  let n = 0;
  keep.matchLines(paths, (start, end, r) => {
    n++;
    sink += r.owners.length;
  });
  out.paths = n;
  out.firstBatchMs = msSince(t0);
} else if (impl === 'peer') {
  // The peer caches every path it has seen in every rule, so its heap grows with the batch;
  // it is measured after the same seeded sample the timed run used (the whole batch would
  // take too long), and the report says so.
  const tc = now();
  keep = new Peer(peerDir);
  out.firstCompileMs = msSince(tc);
  const sample = shuffled(paths, PEER_SAMPLE_SEED, Number(limitArg) || paths.length);
  out.paths = sample.length;
  for (const p of sample) sink += keep.getOwner(p).length;
} else {
  out.firstBatchMs = msSince(t0);
}
out.heapBytes = heap() - base;
// Touch what must stay alive until after the measurement.
if (keep === undefined || paths.length < 0) console.log(sink);
if (peerDir) fs.rmSync(peerDir, { recursive: true, force: true });
process.stdout.write(JSON.stringify(out) + '\n');
