// A large repository for the integration suite, made in a separate process (the suite's
// test runs it with `node`, so the extension host it measures is not busy making it):
//
//   node test/integration/largeRepository.mjs DIR [PATHS] [RULES] [OPEN]
//
// The generated monorepo of the benchmarks (bench/gen-monorepo.mjs: PATHS paths, RULES rules)
// as a git repository at DIR/repo whose index holds every path, committed, with the
// skip-worktree bit: git lists them all (`git ls-files`) and reports nothing to commit or
// restore, so only OPEN files (spread over the list, none of a language VS Code's built-in
// extensions serve) and .github/CODEOWNERS need to exist
// on disk. Seconds for 200,000 paths, where creating 200,000 files would take much longer.
// Prints one JSON line: { root, paths, rules, open: [repository-relative paths on disk] }.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUILTIN_LANGUAGE_FEATURES } from '../../bench/constants.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const [dir, paths = '200000', rules = '5000', open = '24'] = process.argv.slice(2);
if (!dir) throw new Error('usage: node test/integration/largeRepository.mjs DIR [PATHS] [RULES] [OPEN]');

const gen = spawnSync(process.execPath, [path.join(here, '..', '..', 'bench', 'gen-monorepo.mjs'), '--paths', paths, '--rules', rules, '--name', 'large', '--out', dir], { encoding: 'utf8' });
if (gen.status !== 0) throw new Error(`gen-monorepo failed: ${gen.stderr}`);
const list = fs.readFileSync(path.join(dir, 'large', 'paths.txt'), 'utf8').split('\n').filter(Boolean);

const root = path.join(dir, 'repo');
const git = (args, input) => execFileSync('git', args, { cwd: root, input, encoding: 'utf8', maxBuffer: 1 << 30, env: { ...process.env, GIT_AUTHOR_NAME: 'Large', GIT_AUTHOR_EMAIL: 'large@example.com', GIT_COMMITTER_NAME: 'Large', GIT_COMMITTER_EMAIL: 'large@example.com' } });
fs.mkdirSync(root, { recursive: true });
git(['init', '-q']);
git(['config', 'user.email', 'tester@example.com']);
const empty = git(['hash-object', '-w', '--stdin'], '').trim();
git(['update-index', '--index-info'], list.map((p) => `100644 ${empty}\t${p}`).join('\n') + '\n');
git(['update-index', '--skip-worktree', '--stdin'], list.join('\n') + '\n');
const tree = git(['write-tree']).trim();
const commit = git(['commit-tree', tree, '-m', 'large'], '').trim();
git(['update-ref', 'HEAD', commit]);

fs.mkdirSync(path.join(root, '.github'), { recursive: true });
fs.copyFileSync(path.join(dir, 'large', 'CODEOWNERS'), path.join(root, '.github', 'CODEOWNERS'));
// Files VS Code's built-in language features do not serve (they would run their own long
// first tasks in the extension host the test measures).
const openable = list.filter((p) => !BUILTIN_LANGUAGE_FEATURES.test(p));
const step = Math.max(1, Math.floor(openable.length / Number(open)));
const onDisk = [];
for (let i = 0; i < openable.length && onDisk.length < Number(open); i += step) {
  const file = path.join(root, openable[i]);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, '');
  onDisk.push(openable[i]);
}
console.log(JSON.stringify({ root, paths: list.length, rules: Number(rules), open: onDisk }));
