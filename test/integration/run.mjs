// Runs the integration suites inside a real VS Code extension host: the VS Code server that
// code-server bundles, with headless Debian Chromium as the window. @vscode/test-electron
// cannot work here (it downloads VS Code); test/integration/desktop.mjs runs the main suite
// with it where there is internet. Two windows, one after the other, each with its own server:
//   - the main suite (suite/) on the fixture workspace, Workspace Trust off;
//   - the Restricted Mode suite (restricted/) on a workspace that was never trusted, Workspace
//     Trust on, whose repositories would run a program if git ran there (restrictedFixture.mjs).
//
//   npm run test:integration            KEEP_TEST_DIR=1 keeps the run's temp folder
//   OWNERSHIP_LENS_IT_TIMEOUT_MS=...    overall limit, both windows (default 240000)
//   OWNERSHIP_LENS_IT_GREP=...          only the tests whose full title matches, in both windows
import { launchChromium } from '../../scripts/vscode/chromium.mjs';
import { ensureCodeServer } from '../../scripts/vscode/codeServer.mjs';
import { createSandbox, QUIET_SETTINGS } from '../../scripts/vscode/sandbox.mjs';
import { runExtensionEntry } from '../../scripts/vscode/extensionTests.mjs';
import { freePort, startVSCodeServer, WORKSPACE_TRUST_SETTINGS } from '../../scripts/vscode/servers.mjs';
import { bundleSuite, repoRoot, restrictedEntry } from './bundle.mjs';
import { createFixtureWorkspace } from './fixture.mjs';
import { createRestrictedWorkspace } from './restrictedFixture.mjs';
import { countTests, reportResults } from './results.mjs';

const timeoutMs = Number(process.env.OWNERSHIP_LENS_IT_TIMEOUT_MS || 240_000);
const grep = Boolean(process.env.OWNERSHIP_LENS_IT_GREP);
const t0 = Date.now();
const deadline = t0 + timeoutMs;
const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;

const testsEntry = await bundleSuite();
const codeServer = await ensureCodeServer();

const sandbox = createSandbox('ownership-lens-it-');
// Playwright puts Chromium's fresh profile in os.tmpdir(): keep that inside the sandbox too.
process.env.TMPDIR = sandbox.env.TMPDIR;

/**
 * One window: its own VS Code server (Workspace Trust is a server flag), profile, browser and
 * logs in `dir` of the sandbox ('' for the main window). Returns the results file, or
 * undefined when the window timed out or failed to start.
 */
async function runWindow(name, { dir, entry, folder, env, workspaceTrust = false, serverArgs = [] }) {
  const file = (base) => sandbox.file(...(dir ? [dir, base] : [base]));
  const resultsFile = file('results.json');
  const started = Date.now();
  let server;
  let browser;
  try {
    const port = await freePort();
    server = await startVSCodeServer({
      codeServer,
      port,
      extensionsDir: sandbox.dir(dir, 'extensions'),
      serverDataDir: sandbox.dir(dir, 'server-data'),
      userDataDir: sandbox.userDataDir(workspaceTrust ? { ...QUIET_SETTINGS, ...WORKSPACE_TRUST_SETTINGS } : QUIET_SETTINGS, dir ? `${dir}/user-data` : 'user-data'),
      logFile: file('server.log'),
      env: { ...env, OWNERSHIP_LENS_TEST_RESULTS: resultsFile },
      workspaceTrust,
      extraArgs: serverArgs,
    });
    const serverReady = Date.now();
    browser = await launchChromium();
    const outcome = await runExtensionEntry(browser, {
      port,
      extensionPath: repoRoot,
      entry,
      folder,
      browserLogFile: file('browser.log'),
      timeoutMs: Math.max(0, deadline - Date.now()),
    });
    console.log(`${name}: VS Code server up after ${seconds(serverReady - started)}; tests done ${seconds(Date.now() - serverReady)} later`);
    if (outcome === 'timeout') {
      console.error(`${name}: timed out after ${timeoutMs} ms (the whole run) waiting for the tests to finish.`);
      reportResults(resultsFile);
      return { ok: false, resultsFile };
    }
    return { ok: reportResults(resultsFile, { exitCode: outcome, allowNone: grep }), resultsFile };
  } catch (error) {
    console.error(`${name}: ${error instanceof Error ? error.message : error}`);
    return { ok: false, resultsFile };
  } finally {
    await browser?.close().catch(() => undefined);
    await server?.stop();
  }
}

const windows = [];
try {
  windows.push(await runWindow('main window', { dir: '', entry: testsEntry, folder: createFixtureWorkspace(sandbox.dir('workspaces')), env: sandbox.env }));
  const restricted = createRestrictedWorkspace(sandbox.dir('restricted'), sandbox.env);
  windows.push(
    await runWindow('Restricted Mode window', {
      dir: 'restricted',
      entry: restrictedEntry,
      folder: restricted.workspaceFile,
      env: restricted.env,
      workspaceTrust: true,
      // The extension host keeps the server's environment (PATH leads to the git wrapper)
      // instead of one read from a login shell, whose profile resets PATH.
      serverArgs: ['--force-disable-user-env'],
    }),
  );
} catch (error) {
  // Making a fixture failed (the restricted one checks that its traps can go off).
  console.error(error instanceof Error ? error.message : error);
}

const ran = windows.reduce((n, w) => n + countTests(w.resultsFile), 0);
if (grep && ran === 0) console.error('no test matched OWNERSHIP_LENS_IT_GREP.');
const ok = windows.length === 2 && windows.every((w) => w.ok) && ran > 0;
console.log(`integration run took ${seconds(Date.now() - t0)}`);
if (ok && !process.env.KEEP_TEST_DIR) sandbox.remove();
else console.log(`run folder kept: ${sandbox.root} (server.log, browser.log, results.json; the same in restricted/)`);
process.exit(ok ? 0 : 1);
