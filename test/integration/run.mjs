// Runs the integration suite inside a real VS Code extension host: the VS Code server that
// code-server bundles, with headless Debian Chromium as the window. @vscode/test-electron
// cannot work here (it downloads VS Code); test/integration/desktop.mjs runs the same suite
// with it where there is internet.
//
//   npm run test:integration            KEEP_TEST_DIR=1 keeps the run's temp folder
//   OWNERSHIP_LENS_IT_TIMEOUT_MS=...    overall limit (default 180000)
import { launchChromium } from '../../scripts/vscode/chromium.mjs';
import { ensureCodeServer } from '../../scripts/vscode/codeServer.mjs';
import { createSandbox } from '../../scripts/vscode/sandbox.mjs';
import { runExtensionEntry } from '../../scripts/vscode/extensionTests.mjs';
import { freePort, startVSCodeServer } from '../../scripts/vscode/servers.mjs';
import { bundleSuite, repoRoot } from './bundle.mjs';
import { createFixtureWorkspace } from './fixture.mjs';
import { reportResults } from './results.mjs';

const timeoutMs = Number(process.env.OWNERSHIP_LENS_IT_TIMEOUT_MS || 180_000);
const t0 = Date.now();
const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;

const testsEntry = await bundleSuite();
const codeServer = await ensureCodeServer();

const sandbox = createSandbox('ownership-lens-it-');
const resultsFile = sandbox.file('results.json');
const workspace = createFixtureWorkspace(sandbox.dir('workspaces'));
const env = { ...sandbox.env, OWNERSHIP_LENS_TEST_RESULTS: resultsFile };
// Playwright puts Chromium's fresh profile in os.tmpdir(): keep that inside the sandbox too.
process.env.TMPDIR = env.TMPDIR;

let server;
let browser;
let ok = false;
try {
  const port = await freePort();
  server = await startVSCodeServer({
    codeServer,
    port,
    extensionsDir: sandbox.dir('extensions'),
    serverDataDir: sandbox.dir('server-data'),
    userDataDir: sandbox.userDataDir(),
    logFile: sandbox.file('server.log'),
    env,
  });
  const serverReady = Date.now();

  browser = await launchChromium();
  const outcome = await runExtensionEntry(browser, {
    port,
    extensionPath: repoRoot,
    entry: testsEntry,
    folder: workspace,
    browserLogFile: sandbox.file('browser.log'),
    timeoutMs,
  });
  console.log(`VS Code server up after ${seconds(serverReady - t0)} (bundle, fixture, server); tests done ${seconds(Date.now() - serverReady)} later`);

  if (outcome === 'timeout') {
    console.error(`timed out after ${timeoutMs} ms waiting for the tests to finish.`);
    reportResults(resultsFile);
  } else {
    ok = reportResults(resultsFile, { exitCode: outcome });
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
} finally {
  await browser?.close().catch(() => undefined);
  await server?.stop();
}

console.log(`integration run took ${seconds(Date.now() - t0)}`);
if (ok && !process.env.KEEP_TEST_DIR) sandbox.remove();
else console.log(`run folder kept: ${sandbox.root} (server.log, browser.log, results.json)`);
process.exit(ok ? 0 : 1);
