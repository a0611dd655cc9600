// Figures for the CODEOWNERS analysis (issue 6) on the generated monorepo (200,000 files,
// 5,000 rules): full diagnostics, re-diagnosing after a one-line edit, the report, and the
// `check` / `report` commands end to end on a real git index of that size. Run by `npm run
// bench` (bench/run.mjs) or alone: node bench/analysis.mjs [--quick]. It only prints.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { ms, n } from './format.mjs';
import { BENCH_DIR, DATA_DIR, ROOT, datasetFiles, listDatasets, median, msSince, now, readPaths, rng } from './lib.mjs';

const require = createRequire(import.meta.url);
const TARGETS = { fullMs: 1000, editMs: 100, reportMs: 2000 };
const DATASET = 'large';
const ENGINE = path.join(DATA_DIR, 'analysis-engine.cjs');

/**
 * dist/engine.js exports the matcher only, so the analysis is bundled here from the sources,
 * with the same esbuild options the build uses.
 */
async function buildEngine() {
  const esbuild = await import('esbuild');
  await esbuild.build({
    stdin: {
      contents: "export * from './src/core/index.ts';\nexport * from './src/core/analysis/index.ts';\n",
      resolveDir: ROOT,
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    outfile: ENGINE,
    logLevel: 'warning',
  });
  return require(ENGINE);
}

/** The paths as `git ls-files` prints them: sorted, one string split from one output. */
function gitOrder(paths) {
  return paths.slice().sort().join('\n').split('\n');
}

/** Every team the file names, as ownership.yml would list them: the owner check has work to do. */
function teamsConfig(engine, parsed) {
  const teams = new Map();
  for (const r of parsed.rules) for (const o of r.owners) if (o.kind === 'team') teams.set(o.text.toLowerCase(), { handle: o.text, members: [], links: {}, practices: [] });
  return { file: '.github/ownership.yml', teams, people: [], components: [], etiquette: [] };
}

/** Everything `check` computes beyond reading: tree, parse, analysis, owner check. */
function fullDiagnostics(engine, paths, text, config) {
  const tree = engine.FileTree.from(paths);
  const parsed = engine.parseCodeowners(text, { flavor: 'github' });
  const analyzer = new engine.OwnershipAnalyzer(tree);
  const analysis = analyzer.analyze(parsed);
  const count = analysis.diagnostics.length + engine.unknownOwnerDiagnostics(parsed, text, config).length;
  return { analyzer, analysis, count };
}

function report(engine, paths, text) {
  const analysis = new engine.OwnershipAnalyzer(engine.FileTree.from(paths)).analyze(engine.parseCodeowners(text, { flavor: 'github' }));
  const { report: r, map } = engine.buildReport(analysis, '.github/CODEOWNERS');
  return engine.renderReportHtml(r, map).length + JSON.stringify(r).length;
}

/**
 * One-line edits spread over the file, seeded: a pattern changed (a new pattern: one walk of
 * the tree), owners changed (no walk), a line deleted, a rule inserted.
 */
function edits(lines, count) {
  const rand = rng(606);
  const out = [];
  for (let k = 0; k < count; k++) {
    const at = 1 + Math.floor(rand() * (lines.length - 2));
    const [pattern, ...owners] = lines[at].split(' ');
    const kind = ['pattern', 'owners', 'delete', 'insert'][k % 4];
    const next = lines.slice();
    if (kind === 'pattern') next[at] = [`${pattern.replace(/\/$/, '')}x${pattern.endsWith('/') ? '/' : ''}`, ...owners].join(' ');
    else if (kind === 'owners') next[at] = [pattern, '@acme/new-owners'].join(' ');
    else if (kind === 'delete') next.splice(at, 1);
    else next.splice(at, 0, `${lines[1 + Math.floor(rand() * (lines.length - 2))].split(' ')[0]} @acme/inserted`);
    out.push({ kind, text: next.join('\n') });
  }
  return out;
}

/** The median of a few timed runs after one untimed warm-up. */
function timed(runs, f) {
  f();
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t0 = now();
    f();
    times.push(msSince(t0));
  }
  return median(times);
}

/** The same work as the first thing a fresh process does: what a one-shot CLI run pays. */
function freshProcess(what) {
  const r = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--child', what], { encoding: 'utf8' });
  if (r.status !== 0) return { error: (r.stderr || `exit ${r.status}`).trim().split('\n').slice(-1)[0] };
  return JSON.parse(r.stdout.trim().split('\n').pop());
}

async function child(what) {
  const engine = require(ENGINE);
  const files = datasetFiles(listDatasets().find((d) => d.id === DATASET));
  const paths = gitOrder(readPaths(files.paths));
  const text = fs.readFileSync(files.codeowners, 'utf8');
  const t0 = now();
  if (what === 'full') fullDiagnostics(engine, paths, text, teamsConfig(engine, engine.parseCodeowners(text, { flavor: 'github' })));
  else report(engine, paths, text);
  console.log(JSON.stringify({ ms: msSince(t0) }));
}

/**
 * A git repository whose index holds every path (all the same empty blob), with the
 * CODEOWNERS on disk: `git ls-files` then lists 200,000 files without writing them.
 */
function gitRepository(paths, codeowners) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ownership-lens-analysis-'));
  const env = { PATH: process.env.PATH, HOME: dir, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: path.join(dir, 'gitconfig') };
  fs.writeFileSync(env.GIT_CONFIG_GLOBAL, '');
  const git = (args, input) => {
    const r = spawnSync('git', args, { cwd: path.join(dir, 'repo'), env, input, encoding: 'utf8', maxBuffer: 1 << 28 });
    if (r.status !== 0) throw new Error(`git ${args[0]}: ${r.stderr.trim()}`);
    return r.stdout;
  };
  fs.mkdirSync(path.join(dir, 'repo', '.github'), { recursive: true });
  fs.copyFileSync(codeowners, path.join(dir, 'repo', '.github', 'CODEOWNERS'));
  git(['init', '-q']);
  const blob = git(['hash-object', '-w', '--stdin'], '').trim();
  git(['update-index', '--add', '--index-info'], paths.map((p) => `100644 ${blob}\t${p}\n`).join(''));
  return { root: path.join(dir, 'repo'), env, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

function cliRuns(runs, repo, args) {
  const cli = path.join(ROOT, 'dist', 'cli.js');
  const times = [];
  let last = null;
  for (let i = 0; i < runs; i++) {
    const t0 = now();
    last = spawnSync(process.execPath, [cli, ...args, '--root', repo.root], { env: repo.env, encoding: 'utf8', maxBuffer: 1 << 28 });
    times.push(msSince(t0));
  }
  return { ms: median(times), status: last.status, stdout: last.stdout, stderr: last.stderr };
}

export async function benchAnalysis({ quick = false, only } = {}) {
  if (only && !only.split(',').some((w) => w.trim().toLowerCase() === DATASET)) return null;
  const ds = listDatasets().find((d) => d.id === DATASET);
  const files = datasetFiles(ds);
  if (!fs.existsSync(files.paths)) {
    const r = spawnSync(process.execPath, [path.join(BENCH_DIR, 'gen-monorepo.mjs'), '--out', DATA_DIR], { stdio: 'inherit' });
    if (r.status !== 0) return null;
  }
  const engine = await buildEngine();
  const paths = gitOrder(readPaths(files.paths));
  const text = fs.readFileSync(files.codeowners, 'utf8');
  const config = teamsConfig(engine, engine.parseCodeowners(text, { flavor: 'github' }));
  const runs = quick ? 3 : 7;
  const out = { files: paths.length };

  let result = fullDiagnostics(engine, paths, text, config);
  out.diagnostics = result.count;
  out.fullMs = timed(runs, () => (result = fullDiagnostics(engine, paths, text, config)));
  out.fullFresh = freshProcess('full');

  // Edits on one warm analyzer, each timed from the edited text to its diagnostics.
  const lines = text.split('\n');
  const editTimes = [];
  const byKind = {};
  const planned = edits(lines, quick ? 12 : 40);
  out.edits = planned.length;
  for (const e of planned) {
    const t0 = now();
    const parsed = engine.parseCodeowners(e.text, { flavor: 'github' });
    const a = result.analyzer.analyze(parsed);
    const count = a.diagnostics.length + engine.unknownOwnerDiagnostics(parsed, e.text, config).length;
    const t = msSince(t0);
    editTimes.push(t);
    (byKind[e.kind] ??= []).push(t);
    out.lastEdit = { text: e.text, stats: a.stats, count };
  }
  out.editMs = median(editTimes);
  out.editMaxMs = Math.max(...editTimes);
  out.editByKind = Object.fromEntries(Object.entries(byKind).map(([k, v]) => [k, median(v)]));
  // A fast answer must be the right one: the last incremental result against a fresh analysis.
  const fresh = new engine.OwnershipAnalyzer(engine.FileTree.from(paths)).analyze(engine.parseCodeowners(out.lastEdit.text, { flavor: 'github' }));
  out.editAgrees = JSON.stringify(fresh.stats) === JSON.stringify(out.lastEdit.stats);
  delete out.lastEdit;

  out.reportMs = timed(quick ? 2 : 5, () => report(engine, paths, text));
  out.reportFresh = freshProcess('report');

  const cli = path.join(ROOT, 'dist', 'cli.js');
  if (fs.existsSync(cli)) {
    const repo = gitRepository(paths, files.codeowners);
    try {
      const cliN = quick ? 1 : 3;
      out.lsFilesMs = median(Array.from({ length: cliN }, () => {
        const t0 = now();
        spawnSync('git', ['ls-files', '-z', '--cached'], { cwd: repo.root, env: repo.env, maxBuffer: 1 << 28 });
        return msSince(t0);
      }));
      const check = cliRuns(cliN, repo, ['check', '--json']);
      out.cliCheck = { ms: check.ms, status: check.status, lines: check.stdout.trim().split('\n').filter(Boolean).length };
      const html = path.join(repo.root, '..', 'report.html');
      const rep = cliRuns(cliN, repo, ['report', '--json', '--html', html]);
      out.cliReport = { ms: rep.ms, status: rep.status, owned: rep.status === 0 ? JSON.parse(rep.stdout).files.owned : null, htmlBytes: fs.existsSync(html) ? fs.statSync(html).size : 0 };
    } finally {
      repo.remove();
    }
  }
  print(out);
  return out;
}

const mark = (ok) => (ok ? 'PASS' : 'MISS');
const fresh = (f) => (f.error ? `error: ${f.error}` : ms(f.ms));

function print(o) {
  console.log(`\n== analysis (issue 6): ${n(o.files)} tracked files, CODEOWNERS of the large set — ${n(o.diagnostics)} diagnostics`);
  const rows = [
    ['full diagnostics (tree, parse, analysis, owners)', ms(o.fullMs), fresh(o.fullFresh), `< ${ms(TARGETS.fullMs)}  ${mark(o.fullMs < TARGETS.fullMs)} / fresh ${mark(o.fullFresh.ms < TARGETS.fullMs)}`, ''],
    ['re-diagnose after a one-line edit', ms(o.editMs), '—', `< ${ms(TARGETS.editMs)}  ${mark(o.editMs < TARGETS.editMs)} / max ${mark(o.editMaxMs < TARGETS.editMs)}`, `max ${ms(o.editMaxMs)} of ${o.edits} edits${o.editAgrees ? '' : '; INVALID: differs from a fresh analysis'}`],
    ['', '', '', '', `by kind: ${['pattern', 'owners', 'delete', 'insert'].map((k) => `${k} ${ms(o.editByKind[k])}`).join(', ')}`],
    ['report (analysis, coverage, map, HTML)', ms(o.reportMs), fresh(o.reportFresh), `< ${ms(TARGETS.reportMs)}  ${mark(o.reportMs < TARGETS.reportMs)} / fresh ${mark(o.reportFresh.ms < TARGETS.reportMs)}`, ''],
  ];
  if (o.cliCheck) {
    rows.push(['git ls-files -z (200k-entry index)', ms(o.lsFilesMs), '', '', '']);
    rows.push(['CLI check --json, end to end', ms(o.cliCheck.ms), '', '', `exit ${o.cliCheck.status}, ${n(o.cliCheck.lines)} diagnostics`]);
    rows.push(['CLI report --json --html, end to end', ms(o.cliReport.ms), '', `< ${ms(TARGETS.reportMs)}  ${mark(o.cliReport.status === 0 && o.cliReport.ms < TARGETS.reportMs)}`, `exit ${o.cliReport.status}, ${n(o.cliReport.owned ?? 0)} owned, ${n(o.cliReport.htmlBytes)} B page`]);
  }
  const head = ['', 'median (warm)', 'fresh process', 'target', ''];
  const all = [head, ...rows];
  const widths = head.map((_, c) => Math.max(...all.map((r) => String(r[c]).length)));
  const line = (r) => r.map((c, i) => String(c).padEnd(widths[i])).join('  ').trimEnd();
  console.log([line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n'));
  console.log(`Input as git prints it (sorted). "full diagnostics" starts from the path list and the CODEOWNERS
text: file tree, parse, shadowed/no-match analysis, unknown owners against a team list. Edits are
applied to one warm analyzer (as the editor keeps it) and timed from the edited text to its
diagnostics; the last result is checked against a fresh analysis. The CLI rows run dist/cli.js on a
git repository whose index holds all ${n(o.files)} paths (git included, process start included).
`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const argv = process.argv.slice(2);
  if (argv[0] === '--child') await child(argv[1]);
  else await benchAnalysis({ quick: argv.includes('--quick') });
}
