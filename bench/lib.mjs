// Shared pieces of the benchmark: the datasets, the three contestants (our engine, the
// `codeowners` npm package, the floor), statistics. Used by run.mjs and its heap child.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

export const BENCH_DIR = path.dirname(fileURLToPath(import.meta.url));
export const ROOT = path.resolve(BENCH_DIR, '..');
export const DATA_DIR = path.join(BENCH_DIR, 'data');
const REALWORLD_DIR = path.join(ROOT, 'test', 'fixtures', 'realworld');
const require = createRequire(import.meta.url);

/**
 * Every dataset the bench knows. `id` is what `--only` accepts. The generated ones are
 * produced by gen-monorepo.mjs on first use (bench/data/ is git-ignored); the real-world
 * ones are committed fixtures with a meta.json naming their flavor and file location.
 */
export function listDatasets() {
  const sets = [
    { id: 'large', title: 'generated monorepo (large)', dir: path.join(DATA_DIR, 'large'), flavor: 'github', codeownersPath: '.github/CODEOWNERS', generated: true },
    { id: 'small', title: 'generated monorepo (small)', dir: path.join(DATA_DIR, 'small'), flavor: 'github', codeownersPath: '.github/CODEOWNERS', generated: true },
  ];
  for (const name of fs.readdirSync(REALWORLD_DIR).sort()) {
    const metaFile = path.join(REALWORLD_DIR, name, 'meta.json');
    if (!fs.existsSync(metaFile)) continue;
    const meta = JSON.parse(fs.readFileSync(metaFile, 'utf8'));
    // Short ids: the repository name ("apache__nuttx" -> "nuttx") is what people type.
    const id = name.split('__')[1].toLowerCase();
    sets.push({ id, title: `${meta.repo}@${meta.commit.slice(0, 10)}`, dir: path.join(REALWORLD_DIR, name), flavor: meta.flavor, codeownersPath: meta.codeowners_path, generated: false });
  }
  return sets;
}

export function datasetFiles(ds) {
  return { paths: path.join(ds.dir, 'paths.txt'), codeowners: path.join(ds.dir, 'CODEOWNERS') };
}

/**
 * The floor: what any tool must do before it can answer anything: read the path list and
 * split it into lines. The trailing newline's empty entry is dropped, as every contestant
 * must do, so the floor does it too.
 */
export function readPaths(file) {
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** Our engine, from the esbuild bundle; null (with the reason) when it is not built yet. */
export function loadEngine() {
  const file = path.join(ROOT, 'dist', 'engine.js');
  if (!fs.existsSync(file)) return { engine: null, reason: 'dist/engine.js not found (run `npm run build`)' };
  try {
    const engine = require(file);
    if (typeof engine.parseCodeowners !== 'function' || typeof engine.compileMatcher !== 'function') {
      return { engine: null, reason: 'dist/engine.js does not export parseCodeowners/compileMatcher yet' };
    }
    return { engine, reason: '' };
  } catch (err) {
    return { engine: null, reason: `dist/engine.js failed to load: ${err.message}` };
  }
}

/** Parse + compile with our engine: the unit the "compile" figure measures. */
export function compileOurs(engine, text, flavor) {
  return engine.compileMatcher(engine.parseCodeowners(text, { flavor }));
}

/**
 * The peer, the `codeowners` npm package. It only reads a CODEOWNERS by searching upwards
 * from a directory, so each dataset's file is copied into a temporary repository layout.
 */
export function peerRepo(ds) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `ownership-lens-bench-${ds.id}-`));
  fs.mkdirSync(path.join(dir, '.github'));
  fs.copyFileSync(datasetFiles(ds).codeowners, path.join(dir, '.github', 'CODEOWNERS'));
  return dir;
}

export function loadPeer() {
  return require('codeowners');
}

/**
 * The peer's answer and the pattern that decided it. Its public API only returns owners;
 * the deciding pattern comes from walking its (documented-in-source) reversed entry list
 * exactly as getOwner does, so the disagreement report can show both sides' rules.
 */
export function peerMatch(peer, p) {
  for (const entry of peer.ownerEntries) {
    if (entry.match(p)) return { owners: entry.usernames, pattern: entry.path };
  }
  return { owners: [], pattern: null };
}

/** Seeded PRNG (mulberry32, as in the generator) so samples are the same on every run. */
export function rng(seed) {
  let a = seed | 0;
  return function next() {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A seeded shuffled copy (Fisher-Yates), optionally cut to `limit` items. */
export function shuffled(items, seed, limit = items.length) {
  const out = items.slice();
  const rand = rng(seed);
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    const t = out[i];
    out[i] = out[j];
    out[j] = t;
  }
  return limit < out.length ? out.slice(0, limit) : out;
}

export const now = () => process.hrtime.bigint();
export const msSince = (t0) => Number(process.hrtime.bigint() - t0) / 1e6;

export function median(xs) {
  if (xs.length === 0) return NaN;
  const s = xs.slice().sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Nearest-rank percentile of an already sorted array. */
export function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

/**
 * Runs `fn` repeatedly and returns the wall times in ms: untimed warm-up runs first (at least
 * one, up to `warmupRuns` while within `warmupMs`: V8 needs several calls before the parser
 * and compiler run optimised, and a first-call figure is reported separately, from a fresh
 * process), then at least `minRuns`, at most `maxRuns`, stopping early once `budgetMs` of
 * timed work is spent. Medians of these are what the tables print.
 */
export function timeRuns(fn, { minRuns = 3, maxRuns = 9, budgetMs = 3000, warmupRuns = 1, warmupMs = 0 } = {}) {
  const w0 = now();
  for (let i = 0; i < warmupRuns && (i === 0 || msSince(w0) < warmupMs); i++) fn();
  const times = [];
  let spent = 0;
  while (times.length < maxRuns && (times.length < minRuns || spent < budgetMs)) {
    gcIfExposed();
    const t0 = now();
    fn();
    const ms = msSince(t0);
    times.push(ms);
    spent += ms;
  }
  return times;
}

/** A collection between timed runs keeps one run's garbage from being billed to the next. */
export function gcIfExposed() {
  if (typeof globalThis.gc === 'function') globalThis.gc();
}

/** Owners as a comparable key: de-duplicated and sorted, since order is not ownership. */
export function ownersKey(owners) {
  return [...new Set(owners)].sort().join(' ');
}
