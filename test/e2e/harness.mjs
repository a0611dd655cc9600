// End-to-end harness: what a person sees. code-server's own CLI with this extension installed
// (from the packaged .vsix with `code-server --install-extension`, as a user would, or
// unpacked), opened in headless Chromium. Tests drive the page like a user (activity bar,
// Ctrl+P, hovers) and keep screenshots in test-output/e2e/, because those are the product.
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
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

/**
 * Starts code-server on a copy of the demo workspace (or `folder`) and opens it in Chromium.
 * `vsix`: install that package with code-server's --install-extension (else this checkout is
 * linked in unpacked). Resolves once the workbench is on screen. Always call close().
 */
export async function openWorkbench({ folder, vsix, settings = {}, viewport = { width: 1400, height: 900 } } = {}) {
  const codeServer = await ensureCodeServer();
  const sandbox = createSandbox('ownership-lens-e2e-');
  process.env.TMPDIR = sandbox.env.TMPDIR; // Chromium's profile, see test/integration/run.mjs
  const workspace = folder ?? prepareDemoWorkspace({ target: path.join(sandbox.dir('workspaces'), 'demo') }).path;
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
