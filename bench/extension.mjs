// The extension figures: activation, This File refresh after switching editors, hover latency
// and memory, measured inside a real VS Code extension host (the VS Code server bundled with
// code-server, headless Chromium as the window; the same harness as test/integration/) on the
// 200,000-file generated monorepo as a real folder (bench/extension-tree.mjs).
//
//   node bench/extension.mjs [--quick] [--any-language] [--dev-build] [--json [file]]     (or through bench/run.mjs)
//
// The measuring happens in bench/extension-host/measure.ts, bundled to out/bench/; this file
// prepares the workspace, runs the window, and prints the figures against the issue's targets.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import { launchChromium } from '../scripts/vscode/chromium.mjs';
import { ensureCodeServer } from '../scripts/vscode/codeServer.mjs';
import { createSandbox, QUIET_SETTINGS } from '../scripts/vscode/sandbox.mjs';
import { runExtensionEntry } from '../scripts/vscode/extensionTests.mjs';
import { freePort, startVSCodeServer } from '../scripts/vscode/servers.mjs';
import { BUILTIN_LANGUAGE_FEATURES, LOOKUP_SAMPLE_SEED } from './constants.mjs';
import { ensureLargeTree } from './extension-tree.mjs';
import { ms } from './format.mjs';
import { BENCH_DIR, DATA_DIR, ROOT, readPaths, shuffled } from './lib.mjs';

/** The issue's targets for the extension on the 200k-file repository. */
export const EXTENSION_TARGETS = { activationMs: 50, refreshP99Ms: 5, hoverP99Ms: 5, memoryMB: 50, longestTaskMs: 50 };

const OUT_DIR = path.join(ROOT, 'out', 'bench');

const HOVER_FILE = 'ownership-lens-bench-hover.yml';
const TIMEOUT_MS = Number(process.env.OWNERSHIP_LENS_BENCH_TIMEOUT_MS || 600_000);

async function bundleMeasure() {
  const outfile = path.join(OUT_DIR, 'measure.js');
  await esbuild.build({
    entryPoints: [path.join(BENCH_DIR, 'extension-host', 'measure.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external: ['vscode'],
    logLevel: 'warning',
  });
  return outfile;
}

/** Files in distinct directories (seeded), so no switch is answered by an earlier one's memo. */
function pickSwitchFiles(paths, count, seen = new Set()) {
  const out = [];
  for (const p of shuffled(paths, LOOKUP_SAMPLE_SEED)) {
    const dir = path.posix.dirname(p);
    if (seen.has(dir)) continue;
    seen.add(dir);
    out.push(p);
    if (out.length === count) break;
  }
  return out;
}

/**
 * The extension as it is packaged: the production (minified) bundles, built into a folder of
 * the bench's own with the manifest and what the bundles read beside them (rubrics, media...),
 * so that dist/ (the development build the tests use) stays as it is.
 */
function stageProductionExtension() {
  const dir = path.join(OUT_DIR, 'extension');
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const built = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'build.mjs'), '--production', '--outdir', path.join(dir, 'dist')], { cwd: ROOT, encoding: 'utf8' });
  if (built.status !== 0) throw new Error(`the production build failed: ${built.stderr}`);
  fs.copyFileSync(path.join(ROOT, 'package.json'), path.join(dir, 'package.json'));
  for (const name of ['rubrics', 'media', 'syntaxes', 'language-configuration.json']) fs.symlinkSync(path.join(ROOT, name), path.join(dir, name));
  return dir;
}

/**
 * The activation's peer: extensions that do nothing (an `activate` that returns at once), one
 * activated just before ours and one just after, so the figure for ours stands beside what VS
 * Code takes to activate any extension in the same window at the same moment.
 */
export const EMPTY_EXTENSIONS = ['empty-before', 'empty-after'];
function stageEmptyExtensions(extensionsDir) {
  // Installed the way VS Code finds extensions on its own: a folder per extension in the
  // server's extensions folder (the web workbench takes one extension under development).
  return EMPTY_EXTENSIONS.map((name) => {
    const dir = path.join(extensionsDir, `ownership-lens-bench.${name}-0.0.1`);
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir, { recursive: true });
    const manifest = { name, publisher: 'ownership-lens-bench', version: '0.0.1', engines: { vscode: '^1.75.0' }, main: './extension.js', activationEvents: [] };
    fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify(manifest, null, 2));
    fs.writeFileSync(path.join(dir, 'extension.js'), 'exports.activate = () => ({ activatedAt: performance.now() });\n');
    return dir;
  });
}

/** Runs the window and returns the figures (or `{ error }`); never throws. */
export async function benchExtension({ quick = false, anyLanguage = false, devBuild = false, log = console.log } = {}) {
  const t0 = Date.now();
  const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  if (devBuild && !fs.existsSync(path.join(ROOT, manifest.main))) return { error: `${manifest.main} is missing: run npm run build first` };

  const tree = ensureLargeTree({ log });
  const all = readPaths(path.join(DATA_DIR, 'large', 'paths.txt'));
  // Switches and hovers on files no built-in language feature serves, unless --any-language.
  const paths = anyLanguage ? all : all.filter((p) => !BUILTIN_LANGUAGE_FEATURES.test(p));
  // Every other switch is instrumented (see measure.ts): 120 (20 quick) of each kind.
  const switchFiles = pickSwitchFiles(paths, quick ? 41 : 241);
  const hoverLines = quick ? 100 : 200;
  const hoverRounds = quick ? 3 : 5;
  // A YAML file of quoted paths at the root: the hover targets (YAML has no other hover provider).
  const hoverTargets = pickSwitchFiles(shuffled(paths, LOOKUP_SAMPLE_SEED + 1), hoverLines);
  const used = new Set([...switchFiles, ...hoverTargets].map((p) => path.posix.dirname(p)));
  const modelFiles = pickSwitchFiles(shuffled(paths, LOOKUP_SAMPLE_SEED + 2), 100, used);
  fs.writeFileSync(path.join(tree, HOVER_FILE), hoverTargets.map((p) => `- "${p}"`).join('\n') + '\n');

  // Activation must be the bench's doing: with CODEOWNERS parked under another name while the
  // window opens, `workspaceContains` does not fire; measure.ts puts it back, then activates.
  const codeowners = path.join(tree, '.github', 'CODEOWNERS');
  const parked = `${codeowners}.parked-by-bench`;
  if (fs.existsSync(parked) && !fs.existsSync(codeowners)) fs.renameSync(parked, codeowners);
  fs.renameSync(codeowners, parked);

  const sandbox = createSandbox('ownership-lens-bench-ext-');
  const resultsFile = sandbox.file('results.json');
  const inputFile = sandbox.file('input.json');
  fs.writeFileSync(inputFile, JSON.stringify({
    extensionId: `${manifest.publisher}.${manifest.name}`,
    emptyExtensionIds: EMPTY_EXTENSIONS.map((name) => `ownership-lens-bench.${name}`),
    switchFiles,
    hoverFile: HOVER_FILE,
    modelFiles,
    hoverLines,
    hoverRounds,
    codeownersParked: { from: parked, to: codeowners },
  }));
  const env = { ...sandbox.env, OWNERSHIP_LENS_BENCH_RESULTS: resultsFile, OWNERSHIP_LENS_BENCH_INPUT: inputFile };
  // A CPU profile of the extension host over the scenario (see measure.ts), when asked for.
  if (process.env.OWNERSHIP_LENS_BENCH_CPU_PROFILE) env.OWNERSHIP_LENS_BENCH_CPU_PROFILE = path.resolve(process.env.OWNERSHIP_LENS_BENCH_CPU_PROFILE);
  const savedTmp = process.env.TMPDIR;
  process.env.TMPDIR = env.TMPDIR; // Chromium's fresh profile goes into the sandbox too

  let server;
  let browser;
  let result;
  try {
    const entry = await bundleMeasure();
    const extensionPath = devBuild ? ROOT : stageProductionExtension();
    stageEmptyExtensions(sandbox.dir('extensions'));
    const codeServer = await ensureCodeServer();
    const port = await freePort();
    server = await startVSCodeServer({
      codeServer,
      port,
      extensionsDir: sandbox.dir('extensions'),
      serverDataDir: sandbox.dir('server-data'),
      userDataDir: sandbox.userDataDir({ ...QUIET_SETTINGS, 'git.enabled': false, 'git.autoRepositoryDetection': false }),
      logFile: sandbox.file('server.log'),
      env,
    });
    browser = await launchChromium();
    const outcome = await runExtensionEntry(browser, {
      port,
      extensionPath,
      entry,
      folder: tree,
      browserLogFile: sandbox.file('browser.log'),
      timeoutMs: TIMEOUT_MS,
    });
    // The server's processes (server, extension host, file watcher) while the window is still open.
    const serverRssMB = processGroupRssMB(server.pid ?? server.child?.pid);
    if (outcome === 'timeout') result = { error: `timed out after ${TIMEOUT_MS} ms` };
    else if (!fs.existsSync(resultsFile)) result = { error: `no results (exit code ${outcome}); see ${sandbox.root}` };
    else result = JSON.parse(fs.readFileSync(resultsFile, 'utf8'));
    result.serverProcessesRssMB = serverRssMB;
  } catch (error) {
    result = { error: error instanceof Error ? error.message : String(error) };
  } finally {
    await browser?.close().catch(() => undefined);
    await server?.stop();
    if (savedTmp === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = savedTmp;
    if (fs.existsSync(parked) && !fs.existsSync(codeowners)) fs.renameSync(parked, codeowners);
  }
  result.anyLanguage = anyLanguage;
  result.build = devBuild ? 'development (dist/)' : 'production (minified, as packaged)';
  result.files = all.length;
  result.switches = switchFiles.length - 1;
  result.hovers = { lines: hoverLines, rounds: hoverRounds };
  result.watchers = watcherReport();
  result.wallMs = Date.now() - t0;
  if (result.error || process.env.KEEP_TEST_DIR) result.runFolder = sandbox.root;
  else sandbox.remove();
  return result;
}

/** Resident memory of every process in a process group, from /proc (Linux only). */
function processGroupRssMB(pgid) {
  if (!pgid || process.platform !== 'linux') return null;
  let kb = 0;
  let count = 0;
  for (const pid of fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[2]) !== pgid) continue; // field 5 of stat: the process group
      const rss = /VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
      if (rss) {
        kb += Number(rss[1]);
        count++;
      }
    } catch {
      // the process ended meanwhile
    }
  }
  return { mb: kb / 1024, processes: count };
}

/**
 * Which file watchers the extension asks VS Code for, read from its source: a watcher whose
 * glob is not limited to the model's file names makes VS Code report every file event in the
 * workspace to the extension host.
 */
function watcherReport() {
  const found = [];
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(p);
      else if (entry.name.endsWith('.ts')) {
        const lines = fs.readFileSync(p, 'utf8').split('\n');
        lines.forEach((line, i) => {
          const m = /createFileSystemWatcher\((.*)\)/.exec(line);
          if (m) found.push({ file: path.relative(ROOT, p), line: i + 1, pattern: m[1].trim() });
        });
      }
    }
  };
  walk(path.join(ROOT, 'src', 'extension'));
  for (const w of found) w.broad = /['"`]\*\*\/\*['"`]/.test(w.pattern);
  return found;
}

const mark = (ok) => (ok ? 'PASS' : 'MISS');

/** The figures against the targets, as lines; `checks` also goes into the summary of run.mjs. */
export function extensionChecks(r) {
  if (!r || r.error) return [];
  const T = EXTENSION_TARGETS;
  return [
    [`activation < ${T.activationMs} ms`, r.activation.ms < T.activationMs, ms(r.activation.ms)],
    [`This File refresh p99 < ${T.refreshP99Ms} ms`, r.refresh.extension.p99Ms < T.refreshP99Ms, ms(r.refresh.extension.p99Ms)],
    [`hover p99 < ${T.hoverP99Ms} ms (provider)`, r.hover.provider.p99Ms < T.hoverP99Ms, ms(r.hover.provider.p99Ms)],
    [`memory for 200k files < ${T.memoryMB} MB`, r.memory.repositoryMB < T.memoryMB, `${r.memory.repositoryMB.toFixed(1)} MB`],
    [`longest extension-host task <= ${T.longestTaskMs} ms`, r.longestTask.overallMs <= T.longestTaskMs, ms(r.longestTask.overallMs)],
    [`  by CPU, the thread running <= ${T.longestTaskMs} ms`, (r.longestTask.busiest?.cpuMs ?? 0) <= T.longestTaskMs, ms(r.longestTask.busiest?.cpuMs ?? 0)],
  ];
}

export function printExtension(r, log = console.log) {
  log(`== extension: VS Code ${r.vscodeVersion ?? '?'} extension host (code-server, ${r.uiKind ?? '?'} UI), ${(r.files ?? 0).toLocaleString('en-US')}-file generated monorepo, ${r.build ?? '?'} build`);
  if (r.error) {
    log(`NOT MEASURED — ${r.error.split('\n').slice(0, 4).join(' | ')}${r.runFolder ? `\n  run folder kept: ${r.runFolder}` : ''}`);
    printWatchers(r, log);
    log('');
    return;
  }
  const T = EXTENSION_TARGETS;
  const s = (x) => `${ms(x.p50Ms)} / ${ms(x.p99Ms)} / ${ms(x.maxMs)}`;
  const rows = [
    ['', 'figure', 'target'],
    ['activation (activate() call → resolved)', ms(r.activation.ms), `< ${T.activationMs} ms  ${mark(r.activation.ms < T.activationMs)}`],
    ['  of it: VS Code before our bundle runs', ms(r.activation.beforeBundleMs ?? undefined), ''],
    ['  our bundle runs → activate() returns', ms(r.activation.bundleToReturnMs ?? undefined), ''],
    ['    the bundle\'s module code', ms(r.activation.bundleCodeMs ?? undefined), ''],
    ['  activate() itself', ms(r.activation.activateCallMs), ''],
    ['  peer: an extension that does nothing, just before / just after ours', `${ms(r.activation.emptyBeforeMs ?? undefined)} / ${ms(r.activation.emptyAfterMs ?? undefined)}`, ''],
    ['first This File, cold (reads + compiles CODEOWNERS)', ms(r.refresh.coldFirstFile.roundTripMs ?? r.refresh.coldFirstFile.refreshMs), ''],
    [`This File refresh p50 / p99 / max (${r.refresh.extension.n} switches)`, s(r.refresh.extension), `p99 < ${T.refreshP99Ms} ms  ${mark(r.refresh.extension.p99Ms < T.refreshP99Ms)}`],
    [`  … the event reaching the extension's listener (${r.refresh.waitForListener?.n ?? 0})`, r.refresh.waitForListener ? s(r.refresh.waitForListener) : '—', ''],
    ['  … the listener\'s rebuild of the tree (the extension\'s work)', r.refresh.listenerRebuild ? s(r.refresh.listenerRebuild) : '—', ''],
    [`  the same on the switches timed by CPU too (${r.refresh.extensionInstrumented?.n ?? 0}): refresh`, r.refresh.extensionInstrumented ? s(r.refresh.extensionInstrumented) : '—', ''],
    ['    … the listener\'s rebuild', r.refresh.listenerRebuildInstrumented ? s(r.refresh.listenerRebuildInstrumented) : '—', ''],
    ['    … the process\'s CPU time in that rebuild', r.refresh.listenerRebuildCpu ? s(r.refresh.listenerRebuildCpu) : '—', ''],
    ['    … in its disk probes (fs.statSync, wall clock)', r.refresh.listenerRebuildStat ? s(r.refresh.listenerRebuildStat) : '—', ''],
    [`  … with no collector pause in them (${r.refresh.withoutGc?.n ?? 0})`, r.refresh.withoutGc ? s(r.refresh.withoutGc) : '—', ''],
    [`  … with one (${r.refresh.withGc?.n ?? 0}: the host's collector, any extension's garbage)`, r.refresh.withGc ? s(r.refresh.withGc) : '—', ''],
    ['  + VS Code\'s request for it answered (workbench round trip)', s(r.refresh.roundTrip), ''],
    ['  from showTextDocument (editor open included)', s(r.refresh.fromShowTextDocument), ''],
    [`  model.guidance() alone, new directory (${r.refresh.modelGuidance.n})`, s(r.refresh.modelGuidance), ''],
    [`hover p50 / p99 / max, provider (${r.hover.provider.n})`, s(r.hover.provider), `p99 < ${T.hoverP99Ms} ms  ${mark(r.hover.provider.p99Ms < T.hoverP99Ms)}`],
    ['  via executeHoverProvider, warm', s(r.hover.executeHoverProvider), ''],
    ['  via executeHoverProvider, first round', s(r.hover.executeHoverProviderCold), ''],
    ['memory held for the repository (heap + external)', `${r.memory.repositoryMB.toFixed(1)} MB`, `< ${T.memoryMB} MB  ${mark(r.memory.repositoryMB < T.memoryMB)}`],
    ['  activation / everything after the hovers', `${r.memory.activationMB.toFixed(1)} MB / ${r.memory.totalSinceActivationMB.toFixed(1)} MB`, ''],
    ['  extension host RSS (all of it: VS Code, built-ins)', `${r.memory.extensionHostRssMB.toFixed(0)} MB`, ''],
  ];
  const lt = r.longestTask;
  rows.push([`longest extension-host task, whole scenario`, ms(lt.overallMs), `<= ${T.longestTaskMs} ms  ${mark(lt.overallMs <= T.longestTaskMs)}`]);
  for (const p of lt.phases) rows.push([`  ${p.phase} (${(p.ms / 1000).toFixed(1)} s)`, `${ms(p.longestMs)} (CPU ${ms(p.busiestCpuMs)})`, `<= ${T.longestTaskMs} ms  ${mark(p.longestMs <= T.longestTaskMs)}`]);
  const cpu = lt.busiest?.cpuMs ?? 0;
  const busiest = lt.busiest;
  rows.push([`  the thread running: most CPU time in one gap`, busiest ? `${ms(cpu)} (${busiest.phase}${busiest.step ? `, ${busiest.step}` : ''}, a ${ms(busiest.ms)} gap${busiest.gcMs ? `, collector pauses ${ms(busiest.gcMs)}` : ''})` : 'no gap of 20 ms', `<= ${T.longestTaskMs} ms  ${mark(cpu <= T.longestTaskMs)}`]);
  const ce = r.codeownersEditor;
  if (ce) {
    rows.push(['CODEOWNERS opened → analysis of 200k files ready', ms(ce.openToAnalysisMs), '']);
    rows.push([`  typed a rule (${ce.typedChars} edits) → re-analysed / model follows`, `${ms(ce.lastKeystrokeToAnalysisMs)} / ${ms(ce.modelFollowedMs)}`, '']);
    rows.push(['  memory held after the CODEOWNERS editor closed', `${r.memory.afterCodeownersEditorMB.toFixed(1)} MB`, '']);
  }
  if (r.serverProcessesRssMB) rows.push(['  VS Code server processes RSS (incl. file watcher)', `${r.serverProcessesRssMB.mb.toFixed(0)} MB in ${r.serverProcessesRssMB.processes}`, '']);
  const widths = rows[0].map((_, c) => Math.max(...rows.map((row) => String(row[c]).length)));
  rows.forEach((row, i) => {
    log(row.map((cell, c) => String(cell).padEnd(widths[c])).join('  ').trimEnd());
    if (i === 0) log(widths.map((w) => '-'.repeat(w)).join('  '));
  });
  log(`extensions active in the host at the end: ${(r.activeExtensions ?? []).join(', ')}${!r.anyLanguage ? ' (switches and hovers on files no built-in language feature handles: --any-language for any file)' : ''}`);
  const gapText = (g) => `${ms(g.ms)} (CPU ${ms(g.cpuMs)}${g.gcMs ? `, collector pauses ${ms(g.gcMs)}` : ''}) in ${g.phase}${g.step ? ` (${g.step})` : ''}`;
  if (lt.gaps.length) log(`longest gaps of a 2 ms JS timer, with the process's CPU time in them and what ran: ${lt.gaps.slice(0, 6).map(gapText).join('; ')}`);
  if (ce && !ce.typedRuleFlaggedNoMatch) log('note: the typed rule was not reported as matching no file: the analysis of the edit may be wrong.');
  if (r.activeBeforeBench) log('note: the extension was already active when the bench started: activation was not the bench\'s doing.');
  if (r.hover.withoutAnswer) log(`note: ${r.hover.withoutAnswer} hovers returned nothing (every target is a real file: each should answer).`);
  printWatchers(r, log);
  const b = r.refresh.builds;
  if (r.refresh.slowest?.length) {
    const part = (v) => (v === undefined ? '—' : ms(v));
    log(`slowest refreshes (whole / the wait for our listener / its rebuild / of that CPU, disk probes when timed): ${r.refresh.slowest.map((s) => `${ms(s.ms)} / ${part(s.waitMs)} / ${part(s.ownMs)} / ${part(s.ownCpuMs)}, ${part(s.ownStatMs)} (${s.file})`).join('; ')}`);
  }
  if (r.refresh.notBuiltAhead) log(`note: for ${r.refresh.notBuiltAhead} switches the tree was not built ahead (the view hidden?): they are not in the refresh figure.`);
  if (b?.byBench) log(`note: the view was hidden for ${b.byBench} builds: the bench asked for the tree itself (VS Code asked ${b.byVSCode} times).`);
  log(`Refresh = the first of VS Code's events for the switch (the active tab's or the active editor's, telling
extensions) to the This File tree for the new file built and ready to hand out (the view builds it ahead while shown); beside it, to VS Code's own request for the tree resolving
(the round trip through the workbench, which is opening the editor at the same moment). Each file in a directory not
looked up before; hover = provideHover on a quoted path in a YAML file, ${r.hovers.lines} paths × ${r.hovers.rounds}
rounds (executeHoverProvider adds VS Code's round trip through the workbench); memory = heap + external after full GCs,
after the first file minus after activation. Window run took ${(r.wallMs / 1000).toFixed(1)} s.`);
  log('');
}

function printWatchers(r, log) {
  const broad = (r.watchers ?? []).filter((w) => w.broad);
  log(`file watchers the extension registers: ${(r.watchers ?? []).map((w) => `${w.pattern} (${w.file}:${w.line})`).join('; ')}`);
  if (broad.length) log(`  ${broad.length} of them watch every file (**/*): VS Code then reports each file event in the 200k tree to the extension host.`);
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const argv = process.argv.slice(2);
  const quick = argv.includes('--quick');
  const anyLanguage = argv.includes('--any-language');
  const devBuild = argv.includes('--dev-build');
  console.log(`Ownership Lens extension bench — ${os.cpus().length} × ${os.cpus()[0]?.model?.trim()}, load ${os.loadavg()[0].toFixed(2)}${quick ? ', quick mode' : ''}`);
  const r = await benchExtension({ quick, anyLanguage, devBuild });
  printExtension(r);
  for (const [label, ok, fig] of extensionChecks(r)) console.log(`  ${mark(ok)}  ${label.padEnd(36)} ${fig}`);
  const i = argv.indexOf('--json');
  if (i >= 0) {
    const file = path.resolve(argv[i + 1] && !argv[i + 1].startsWith('--') ? argv[i + 1] : path.join(DATA_DIR, 'extension-results.json'));
    fs.writeFileSync(file, JSON.stringify({ date: new Date().toISOString(), loadAvg1m: os.loadavg()[0], quick, targets: EXTENSION_TARGETS, extension: r }, null, 2) + '\n');
    console.log(`figures written to ${path.relative(process.cwd(), file)}`);
  }
  process.exit(r.error ? 1 : 0);
}
