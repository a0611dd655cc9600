// The extension figures, measured inside a real VS Code extension host (see bench/extension.mjs,
// which opens the 200,000-file generated monorepo and loads this file as the extension-test
// entry). VS Code awaits run(); it writes every figure to the JSON file named by
// OWNERSHIP_LENS_BENCH_RESULTS. Nothing here sleeps a fixed time: it waits on the extension's
// own events (the This File tree's change event) and on the promises VS Code returns.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import * as vscode from 'vscode';
import type { OwnershipLensApi } from '../../src/extension/extension';

interface BenchInput {
  extensionId: string;
  /** Workspace-relative files to switch between (distinct directories, seeded sample). */
  switchFiles: string[];
  /** Workspace-relative YAML file whose lines are `- "path"`, one per hover target. */
  hoverFile: string;
  /** Workspace-relative files for model.guidance() alone, in directories neither list above uses. */
  modelFiles: string[];
  hoverLines: number;
  hoverRounds: number;
  /** CODEOWNERS is kept under this name until the bench triggers activation itself. */
  codeownersParked?: { from: string; to: string };
}

type Mem = ReturnType<typeof process.memoryUsage>;

// A full GC before each memory reading, so the figures are what is held, not garbage.
v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;
function memory(): Mem {
  gc();
  gc();
  return process.memoryUsage();
}

function stats(ms: number[]) {
  const s = [...ms].sort((a, b) => a - b);
  const at = (p: number) => s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
  return { n: s.length, p50Ms: at(50), p99Ms: at(99), maxMs: s[s.length - 1], minMs: s[0] };
}

function withTimeout<T>(what: string, promise: Promise<T>, ms = 30_000): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export async function run(): Promise<void> {
  const input = JSON.parse(fs.readFileSync(process.env.OWNERSHIP_LENS_BENCH_INPUT ?? '', 'utf8')) as BenchInput;
  const out: Record<string, unknown> = { vscodeVersion: vscode.version, uiKind: vscode.env.uiKind === vscode.UIKind.Web ? 'web' : 'desktop' };
  const write = () => fs.writeFileSync(process.env.OWNERSHIP_LENS_BENCH_RESULTS ?? '', JSON.stringify(out, null, 2));
  try {
    await measure(input, out);
  } catch (error) {
    out.error = error instanceof Error ? (error.stack ?? error.message) : String(error);
  }
  write();
  console.log(out.error ? `bench failed: ${String(out.error)}` : 'bench done');
}

async function measure(input: BenchInput, out: Record<string, unknown>): Promise<void> {
  const root = vscode.workspace.workspaceFolders?.[0]?.uri;
  if (!root) throw new Error('the bench window has no workspace folder');
  const extension = vscode.extensions.getExtension<OwnershipLensApi>(input.extensionId);
  if (!extension) throw new Error(`${input.extensionId} is not loaded`);

  // --- Activation: VS Code has not activated us (CODEOWNERS was parked under another name when
  // the window opened, so `workspaceContains` did not match); the bench puts it back, then calls
  // activate(). The figure includes loading dist/extension.js.
  out.activeBeforeBench = extension.isActive;
  if (input.codeownersParked) fs.renameSync(input.codeownersParked.from, input.codeownersParked.to);
  const memBefore = memory();
  let t0 = performance.now();
  const api = await extension.activate();
  const activationMs = performance.now() - t0;
  t0 = performance.now();
  await extension.activate();
  out.activation = { ms: activationMs, secondCallMs: performance.now() - t0, ownReportedMs: null };
  const memActivated = memory();

  // The view must be showing for VS Code to ask for its tree, as it is for a user with the
  // sidebar open.
  await vscode.commands.executeCommand('ownershipLens.thisFile.focus');

  const thisFile = api.views.thisFile;
  /**
   * Opens `rel` and resolves when This File's tree has been rebuilt for it: timed from the
   * showTextDocument call (editor open included) and from the tree's change event (the
   * extension noticing the switch) to the rebuilt tree.
   */
  // VS Code's own requests for the tree's root (the view is shown), timed where they resolve:
  // the bench does not build the tree a second time beside VS Code. Only if the view is hidden
  // does the bench ask for the tree itself.
  const tree = thisFile.provider;
  const build = tree.getChildren.bind(tree);
  let rootBuilt: ((nodes: readonly unknown[]) => void) | undefined;
  const builds = { byVSCode: 0, byBench: 0 };
  let benchAsking = false;
  tree.getChildren = async (element?: Parameters<typeof build>[0]) => {
    const byBench = benchAsking;
    benchAsking = false;
    const nodes = await build(element);
    if (!element) {
      builds[byBench ? 'byBench' : 'byVSCode']++;
      rootBuilt?.(nodes);
    }
    return nodes;
  };

  const switchTo = async (rel: string) => {
    const uri = vscode.Uri.joinPath(root, ...rel.split('/'));
    let changedAt: number | undefined;
    let events = 0;
    let lastSeen: unknown;
    let settle!: (value: { doneAt: number; items: number }) => void;
    const done = new Promise<{ doneAt: number; items: number }>((resolve) => (settle = resolve));
    rootBuilt = (nodes) => {
      lastSeen = { description: thisFile.view.description, items: nodes.length, state: thisFile.state, active: api.active.uri?.fsPath, visible: thisFile.view.visible };
      if (thisFile.view.description === rel && nodes.length > 0) settle({ doneAt: performance.now(), items: nodes.length });
    };
    const sub = tree.onDidChangeTreeData(() => {
      changedAt ??= performance.now();
      events++;
      if (!thisFile.view.visible) {
        benchAsking = true;
        void tree.getChildren();
      }
    });
    try {
      const start = performance.now();
      await vscode.window.showTextDocument(uri, { preview: true, preserveFocus: false });
      const { doneAt, items } = await withTimeout(`This File to show ${rel}`, done).catch(async (error: Error) => {
        const fg = await api.model.guidance(uri).catch((e: Error) => e.message);
        throw new Error(`${error.message}; ${events} tree events, last build ${JSON.stringify(lastSeen)}; guidance: ${JSON.stringify(fg)?.slice(0, 400)}`);
      });
      return { fromSwitchMs: doneAt - start, refreshMs: doneAt - (changedAt ?? start), items };
    } finally {
      sub.dispose();
      rootBuilt = undefined;
    }
  };

  // --- The first file reads and compiles the 200k-file repository's CODEOWNERS (cold).
  const [first, ...rest] = input.switchFiles;
  const cold = await switchTo(first);
  const memLoaded = memory();

  // --- Switching editors, warm: each file in a directory not seen before.
  const refresh: number[] = [];
  const fromSwitch: number[] = [];
  for (const rel of rest) {
    const r = await switchTo(rel);
    refresh.push(r.refreshMs);
    fromSwitch.push(r.fromSwitchMs);
  }
  // The model's part of a refresh alone (no tree, no editor): guidance for files in
  // directories not looked up before.
  const modelOnly: number[] = [];
  for (const rel of input.modelFiles) {
    const t = performance.now();
    await api.model.guidance(vscode.Uri.joinPath(root, ...rel.split('/')));
    modelOnly.push(performance.now() - t);
  }
  out.refresh = { coldFirstFile: cold, extension: stats(refresh), fromShowTextDocument: stats(fromSwitch), modelGuidance: stats(modelOnly), builds };
  tree.getChildren = build;

  // --- Hovers over path literals in a YAML file (no other hover provider there), both as VS
  // Code asks (vscode.executeHoverProvider: a round trip through the workbench) and the
  // provider alone. The first round over the lines is "cold" (those directories not yet looked up).
  const hoverUri = vscode.Uri.joinPath(root, ...input.hoverFile.split('/'));
  const doc = await vscode.workspace.openTextDocument(hoverUri);
  const positions = Array.from({ length: input.hoverLines }, (_, line) => new vscode.Position(line, 6));
  const viaVSCode: number[] = [];
  const viaVSCodeCold: number[] = [];
  let empty = 0;
  for (let round = 0; round < input.hoverRounds; round++) {
    for (const position of positions) {
      const t = performance.now();
      const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', hoverUri, position)) ?? [];
      const ms = performance.now() - t;
      (round === 0 ? viaVSCodeCold : viaVSCode).push(ms);
      if (hovers.length === 0) empty++;
    }
  }
  const provider: number[] = [];
  const token = new vscode.CancellationTokenSource().token;
  for (let round = 0; round < input.hoverRounds; round++) {
    for (const position of positions) {
      const t = performance.now();
      const hover = await api.hover.provideHover(doc, position, token);
      provider.push(performance.now() - t);
      if (!hover) empty++;
    }
  }
  out.hover = {
    executeHoverProvider: stats(viaVSCode),
    executeHoverProviderCold: stats(viaVSCodeCold),
    provider: stats(provider),
    withoutAnswer: empty,
    sample: hoverText((await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', hoverUri, positions[0])) ?? []),
  };

  const memEnd = memory();
  const held = (m: Mem) => m.heapUsed + m.external + m.arrayBuffers;
  out.memory = {
    beforeActivation: memBefore,
    afterActivation: memActivated,
    afterLoadingRepository: memLoaded,
    afterHovers: memEnd,
    // What the extension holds for the 200k-file repository: heap + external after full GCs.
    repositoryMB: (held(memLoaded) - held(memActivated)) / 2 ** 20,
    activationMB: (held(memActivated) - held(memBefore)) / 2 ** 20,
    totalSinceActivationMB: (held(memEnd) - held(memBefore)) / 2 ** 20,
    extensionHostRssMB: memEnd.rss / 2 ** 20,
  };
  out.workspace = { root: root.fsPath, files: path.basename(root.fsPath) };
}

function hoverText(hovers: vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : c.value))
    .join('\n')
    .slice(0, 300);
}
