// End-to-end harness: what a person sees. code-server's own CLI with this extension installed
// (from the packaged .vsix with `code-server --install-extension`, as a user would, or
// unpacked), opened in headless Chromium. Tests drive the page like a user (activity bar,
// Ctrl+P, hovers) and keep screenshots in test-output/e2e/, because those are the product.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { launchChromium } from '../../scripts/vscode/chromium.mjs';
import { ensureCodeServer, repoRoot } from '../../scripts/vscode/codeServer.mjs';
import { prepareDemoWorkspace } from '../../scripts/vscode/demoWorkspace.mjs';
import { createSandbox, QUIET_SETTINGS } from '../../scripts/vscode/sandbox.mjs';
import { freePort, startCodeServerCli, workbenchUrl } from '../../scripts/vscode/servers.mjs';
import { extensionManifest, installUnpacked } from '../../scripts/vscode/unpackedExtension.mjs';

export const screenshotDir = path.join(repoRoot, 'test-output', 'e2e');

/** The .vsix `npm run package` writes. */
export function packagedVsix(root = repoRoot) {
  const { name, version } = extensionManifest(root);
  return path.join(root, `${name}-${version}.vsix`);
}

/** The packaged .vsix; exits the process saying how to make it when it is missing. */
export function requirePackagedVsix() {
  const vsix = packagedVsix();
  if (!existsSync(vsix)) {
    console.error(`${vsix} is missing: run \`npm run package\` first (npm run test:e2e does).`);
    process.exit(1);
  }
  return vsix;
}

/** Seconds since this was called, as `12.3 s`. */
export function stopwatch() {
  const t0 = Date.now();
  return () => `${((Date.now() - t0) / 1000).toFixed(1)} s`;
}

/**
 * Named checks on an open workbench, printed as `ok` / `FAIL` lines. A failure saves
 * `<failureShot>.png` (an earlier run's is removed first, so it cannot pass for this run's);
 * with `stopAfterFailure` later checks are reported failed without running (steps that build
 * on each other). `after` runs after every check that ran. `finish()` closes the workbench,
 * keeps its sandbox only on failure, prints the screenshots and counts, and exits.
 */
export function createChecks(workbench, { failureShot = 'failure', stopAfterFailure = false, messageLines = 3, after } = {}) {
  rmSync(path.join(screenshotDir, `${failureShot}.png`), { force: true });
  const failures = [];
  const shots = [];
  let passed = 0;
  let skipping = false;
  return {
    shots,
    async check(name, body) {
      if (skipping) {
        failures.push(name);
        console.log(`  FAIL ${name} (not run: an earlier step failed)`);
        return;
      }
      try {
        await body();
        passed++;
        console.log(`  ok   ${name}`);
      } catch (error) {
        failures.push(name);
        skipping = stopAfterFailure;
        await workbench.screenshot(failureShot).catch(() => undefined);
        console.log(`  FAIL ${name}\n       ${String(error.message).split('\n').slice(0, messageLines).join('\n       ')}`);
      }
      await after?.();
    },
    /** Takes `test-output/e2e/<name>.png` and lists it at the end. */
    async shot(name) {
      shots.push(await workbench.screenshot(name));
    },
    async finish(seconds) {
      await workbench.close();
      if (failures.length === 0) workbench.sandbox.remove();
      else console.log(`kept: ${workbench.sandbox.root} (code-server.log); test-output/e2e/${failureShot}.png`);
      for (const shot of shots) console.log(`screenshot: ${shot}`);
      console.log(`${passed} passed, ${failures.length} failed (${seconds()})`);
      process.exit(failures.length ? 1 : 0);
    },
  };
}

/**
 * Opens a workspace file with Quick Open, as a person would: types `query`, waits until the
 * focused row holds `row` (the list first shows recent files), then until the editor shows
 * `firstLine`.
 */
export async function quickOpen(page, query, firstLine, row = query.split('/').pop()) {
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ timeout: 10_000 });
  await input.fill(query);
  await page.locator('.quick-input-list .monaco-list-row.focused', { hasText: row }).waitFor({ timeout: 15_000 });
  await page.keyboard.press('Enter');
  await page.locator('.monaco-editor .view-line', { hasText: firstLine }).first().waitFor({ timeout: 15_000 });
}

/** Runs a command from the palette (F1) by its title, e.g. "File: Revert File". */
export async function runPaletteCommand(page, title) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ timeout: 10_000 });
  await input.fill(`>${title}`);
  await page.locator('.quick-input-list .monaco-list-row.focused', { hasText: title.split(': ').pop() }).waitFor({ timeout: 10_000 });
  await page.keyboard.press('Enter');
}

/**
 * Points at `target` until `hover` (a locator of the hover it should open) is visible, and
 * returns it. A hover opens on the pointer entering the element; when the element moved or was
 * re-rendered under a still pointer (a tree refreshing, the explorer revealing a file), no
 * hover comes, so the pointer leaves and comes back until one does or `timeout` ms pass.
 */
export async function hoverUntilShown(page, target, hover, timeout = 20_000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    await page.mouse.move(5, 5);
    await target.hover();
    const left = deadline - Date.now();
    try {
      await hover.waitFor({ state: 'visible', timeout: Math.max(1_000, Math.min(5_000, left)) });
      return hover;
    } catch (error) {
      if (Date.now() >= deadline) throw error;
    }
  }
}

/**
 * The first frame of `page` (webviews nest their page two iframes deep) in which `test`, run
 * in the frame, returns true; undefined after `timeout` ms.
 */
export async function waitForFrame(page, test, timeout = 30_000) {
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    for (const frame of page.frames()) if (await frame.evaluate(test).catch(() => false)) return frame;
    await page.waitForTimeout(200);
  }
  return undefined;
}

/**
 * Starts code-server on a copy of the demo workspace (or `folder`) and opens it in Chromium.
 * `vsix`: install that package with code-server's --install-extension (else this checkout is
 * linked in unpacked). Resolves once the workbench is on screen. Always call close().
 * `folder` may also be a function of the run's sandbox that creates the workspace inside it
 * and returns its path (so it goes when the sandbox is removed).
 */
export async function openWorkbench({ folder, vsix, settings = {}, viewport = { width: 1400, height: 900 } } = {}) {
  const codeServer = await ensureCodeServer();
  const sandbox = createSandbox('ownership-lens-e2e-');
  process.env.TMPDIR = sandbox.env.TMPDIR; // Chromium's profile, see test/integration/run.mjs
  const workspace = typeof folder === 'function' ? folder(sandbox) : folder ?? prepareDemoWorkspace({ target: path.join(sandbox.dir('workspaces'), 'demo') }).path;
  const extensionsDir = sandbox.dir('extensions');
  const userDataDir = sandbox.userDataDir({ ...QUIET_SETTINGS, 'git.openRepositoryInParentFolders': 'never', ...settings });
  let installed;
  if (vsix) {
    const args = [codeServer.cli, '--install-extension', vsix, '--extensions-dir', extensionsDir, '--user-data-dir', userDataDir];
    installed = execFileSync(process.execPath, args, { env: sandbox.env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } else {
    installUnpacked(extensionsDir);
  }

  const port = await freePort();
  let server;
  let browser;
  const close = async () => {
    await browser?.close().catch(() => undefined);
    await server?.stop();
  };
  try {
    server = await startCodeServerCli({
      codeServer,
      port,
      extensionsDir,
      userDataDir,
      configFile: sandbox.file('config.yaml'),
      folder: workspace,
      logFile: sandbox.file('code-server.log'),
      env: sandbox.env,
    });
    browser = await launchChromium();
    const page = await browser.newPage({ viewport });
    await page.goto(workbenchUrl(port, workspace));
    await page.locator('.monaco-workbench .activitybar').waitFor({ timeout: 60_000 });
    return {
      page,
      workspace,
      sandbox,
      /** What `--install-extension` printed, when a .vsix was installed. */
      installed,
      async screenshot(name, options = {}) {
        mkdirSync(screenshotDir, { recursive: true });
        const file = path.join(screenshotDir, `${name}.png`);
        await page.screenshot({ path: file, ...options });
        return file;
      },
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
