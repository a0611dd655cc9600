// The same suite in desktop VS Code (Electron) through @vscode/test-electron. It downloads
// VS Code into .vscode-test/, so it needs internet: use it on a workstation, not in CI
// (CI and offline machines use run.mjs, the same suite in the VS Code server).
//
//   npm run test:desktop                 VSCODE_TEST_VERSION=1.100.3 pins the version
//   (Linux without a display: xvfb-run -a npm run test:desktop)
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runTests } from '@vscode/test-electron';
import { bundleSuite, repoRoot } from './bundle.mjs';
import { createFixtureWorkspace } from './fixture.mjs';
import { reportResults } from './results.mjs';

const extensionTestsPath = await bundleSuite();
const runDir = mkdtempSync(path.join(os.tmpdir(), 'ownership-lens-desktop-'));
const workspace = createFixtureWorkspace(path.join(runDir, 'workspaces'));
const resultsFile = path.join(runDir, 'results.json');
const userDataDir = path.join(runDir, 'user-data');
mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
writeFileSync(
  path.join(userDataDir, 'User', 'settings.json'),
  JSON.stringify({ 'workbench.startupEditor': 'none', 'telemetry.telemetryLevel': 'off', 'update.mode': 'none', 'security.workspace.trust.enabled': false }),
);

let exitCode;
try {
  exitCode = await runTests({
    version: process.env.VSCODE_TEST_VERSION || 'stable',
    extensionDevelopmentPath: repoRoot,
    extensionTestsPath,
    extensionTestsEnv: { OWNERSHIP_LENS_TEST_RESULTS: resultsFile },
    // --disable-extensions leaves built-in ones (vscode.git) enabled and the one under test loaded.
    launchArgs: [workspace, '--disable-extensions', '--user-data-dir', userDataDir, '--extensions-dir', path.join(runDir, 'extensions')],
  });
} catch (error) {
  // runTests rejects on a non-zero exit; the results file says which tests failed.
  const message = error instanceof Error ? error.message : String(error);
  console.error(message);
  if (/ENOTFOUND|EAI_AGAIN/.test(message)) console.error('test:desktop downloads VS Code and needs internet; offline, run `npm run test:integration`.');
  exitCode = 1;
}

const ok = reportResults(resultsFile, { exitCode });
if (ok) rmSync(runDir, { recursive: true, force: true });
else console.log(`run folder kept: ${runDir}`);
process.exit(ok ? 0 : 1);
