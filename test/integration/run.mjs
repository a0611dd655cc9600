// Runs the integration suite inside a real VS Code extension host: the VS Code server that
// code-server bundles, with headless Debian Chromium as the window. @vscode/test-electron
// cannot work here (it downloads VS Code); test/integration/desktop.mjs runs the same suite
// with it where there is internet.
//
//   npm run test:integration            KEEP_TEST_DIR=1 keeps the run's temp folder
//   OWNERSHIP_LENS_IT_TIMEOUT_MS=...    overall limit (default 180000)
import { createWriteStream } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { launchChromium } from '../../scripts/vscode/chromium.mjs';
import { ensureCodeServer } from '../../scripts/vscode/codeServer.mjs';
import { createSandbox } from '../../scripts/vscode/sandbox.mjs';
import { freePort, HOST, startVSCodeServer, workbenchUrl } from '../../scripts/vscode/servers.mjs';
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

  // The workbench takes the extension under development and the test entry from `payload`,
  // as vscode-remote URIs on this server.
  const remote = (p) => `vscode-remote://${HOST}:${port}${pathToFileURL(p).pathname}`;
  const payload = JSON.stringify([
    ['extensionDevelopmentPath', remote(repoRoot)],
    ['extensionTestsPath', remote(testsEntry)],
  ]);

  browser = await launchChromium();
  const page = await browser.newPage();
  const browserLog = createWriteStream(sandbox.file('browser.log'));
  page.on('console', (message) => browserLog.write(`[${message.type()}] ${message.text()}\n`));
  page.on('pageerror', (error) => browserLog.write(`[pageerror] ${error.stack ?? error}\n`));

  // Called by the workbench (thanks to --enable-smoke-test-driver) once run() settles;
  // it must exist before the page loads.
  let exited;
  const exitCode = new Promise((resolve) => (exited = resolve));
  await page.exposeFunction('codeAutomationExit', (code) => exited(code));
  let timer;
  const timedOut = new Promise((resolve) => {
    timer = setTimeout(() => resolve('timeout'), timeoutMs);
  });
  await page.goto(workbenchUrl(port, workspace, { payload }));
  const outcome = await Promise.race([exitCode, timedOut]);
  clearTimeout(timer);
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
