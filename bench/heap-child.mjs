// Heap after the batch, measured in a fresh process started with --expose-gc, so that nothing
// the main bench allocated (other datasets, other contestants, timing arrays) is counted.
// Usage: node --expose-gc bench/heap-child.mjs <ours|peer|floor> <dataset-id> [peer-path-limit]
// Prints one JSON line: { heapBytes, paths } where heapBytes is heapUsed after a full GC with
// the path list, and the matcher (for ours/peer) still alive, minus heapUsed before reading.
import fs from 'node:fs';
import { compileOurs, datasetFiles, listDatasets, loadEngine, loadPeer, peerRepo, readPaths, shuffled } from './lib.mjs';
import { PEER_SAMPLE_SEED } from './constants.mjs';

const [impl, id, limitArg] = process.argv.slice(2);
const ds = listDatasets().find((d) => d.id === id);
if (!ds || typeof globalThis.gc !== 'function') {
  console.error('usage: node --expose-gc bench/heap-child.mjs <ours|peer|floor> <dataset-id> [limit]');
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
  return process.memoryUsage().heapUsed;
};
const base = heap();
const paths = readPaths(files.paths);
let keep = null;
let n = paths.length;
let sink = 0;
if (impl === 'ours') {
  keep = compileOurs(engine, fs.readFileSync(files.codeowners, 'utf8'), ds.flavor);
  for (const p of paths) sink += keep.match(p).owners.length;
} else if (impl === 'peer') {
  // The peer caches every path it has seen in every rule, so its heap grows with the batch;
  // it is measured after the same seeded sample the timed run used (the whole batch would
  // take too long), and the report says so.
  keep = new Peer(peerDir);
  const sample = shuffled(paths, PEER_SAMPLE_SEED, Number(limitArg) || paths.length);
  n = sample.length;
  for (const p of sample) sink += keep.getOwner(p).length;
}
const after = heap();
// Touch what must stay alive until after the measurement.
if (keep === undefined || paths.length < 0) console.log(sink);
if (peerDir) fs.rmSync(peerDir, { recursive: true, force: true });
process.stdout.write(JSON.stringify({ heapBytes: after - base, paths: n }) + '\n');
