// End-to-end harness: what a person sees. code-server's own CLI with this extension installed
// unpacked, opened in headless Chromium. Tests drive the page like a user (activity bar,
// Ctrl+P, hovers) and keep screenshots in test-output/e2e/, because those are the product.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { launchChromium } from '../../scripts/vscode/chromium.mjs';
import { ensureCodeServer, repoRoot } from '../../scripts/vscode/codeServer.mjs';
import { prepareDemoWorkspace } from '../../scripts/vscode/demoWorkspace.mjs';
import { createSandbox, QUIET_SETTINGS } from '../../scripts/vscode/sandbox.mjs';
import { freePort, startCodeServerCli, workbenchUrl } from '../../scripts/vscode/servers.mjs';
import { installUnpacked } from '../../scripts/vscode/unpackedExtension.mjs';

export const screenshotDir = path.join(repoRoot, 'test-output', 'e2e');

/**
 * Starts code-server on a copy of the demo workspace (or `folder`) and opens it in Chromium.
 * Resolves once the workbench is on screen. Always call close().
 */
export async function openWorkbench({ folder, viewport = { width: 1400, height: 900 } } = {}) {
  const codeServer = await ensureCodeServer();
  const sandbox = createSandbox('ownership-lens-e2e-');
  process.env.TMPDIR = sandbox.env.TMPDIR; // Chromium's profile, see test/integration/run.mjs
  const workspace = folder ?? prepareDemoWorkspace({ target: path.join(sandbox.dir('workspaces'), 'demo') }).path;
  const extensionsDir = sandbox.dir('extensions');
  installUnpacked(extensionsDir);

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
      userDataDir: sandbox.userDataDir({ ...QUIET_SETTINGS, 'git.openRepositoryInParentFolders': 'never' }),
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
      async screenshot(name) {
        mkdirSync(screenshotDir, { recursive: true });
        const file = path.join(screenshotDir, `${name}.png`);
        await page.screenshot({ path: file });
        return file;
      },
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
