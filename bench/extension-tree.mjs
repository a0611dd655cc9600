// The 200,000-file generated monorepo as a real folder, for the extension figures: an empty
// file per line of bench/data/large/paths.txt plus .github/CODEOWNERS. Creating it takes a
// while, so it is made once into the git-ignored bench/data/large-tree/ and reused; a marker
// written last (holding the size of the inputs) tells a finished tree from an interrupted one.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { DATA_DIR } from './lib.mjs';

export const TREE_DIR = path.join(DATA_DIR, 'large-tree');
const MARKER = '.ownership-lens-bench-tree';

export function ensureLargeTree({ log = console.log } = {}) {
  const src = path.join(DATA_DIR, 'large');
  const pathsFile = path.join(src, 'paths.txt');
  const codeownersFile = path.join(src, 'CODEOWNERS');
  const stamp = `${fs.statSync(pathsFile).size} ${fs.statSync(codeownersFile).size}\n`;
  const marker = path.join(TREE_DIR, MARKER);
  if (fs.existsSync(marker) && fs.readFileSync(marker, 'utf8') === stamp) return gitInit(TREE_DIR);

  const t0 = Date.now();
  log(`materialising ${path.relative(process.cwd(), TREE_DIR)} (200,000 empty files, once) ...`);
  fs.rmSync(TREE_DIR, { recursive: true, force: true });
  const made = new Set();
  const paths = fs.readFileSync(pathsFile, 'utf8').split('\n').filter(Boolean);
  for (const p of paths) {
    const abs = path.join(TREE_DIR, p);
    const dir = path.dirname(abs);
    if (!made.has(dir)) {
      fs.mkdirSync(dir, { recursive: true });
      made.add(dir);
    }
    fs.closeSync(fs.openSync(abs, 'w'));
  }
  fs.mkdirSync(path.join(TREE_DIR, '.github'), { recursive: true });
  fs.copyFileSync(codeownersFile, path.join(TREE_DIR, '.github', 'CODEOWNERS'));
  fs.writeFileSync(marker, stamp);
  log(`  ${paths.length.toLocaleString('en-US')} files in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  return gitInit(TREE_DIR);
}

// The tree sits inside this project's own checkout (ignored): without a repository of its own,
// the extension would rightly take this project's root as the repository and find no
// CODEOWNERS there. An empty `git init` (nothing added, so it stays cheap) makes it its own root.
function gitInit(dir) {
  if (fs.existsSync(path.join(dir, '.git'))) return dir;
  const r = spawnSync('git', ['init', '-q', dir], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`git init ${dir} failed: ${r.stderr || r.error?.message}`);
  return dir;
}

if (import.meta.url === `file://${process.argv[1]}`) ensureLargeTree();
