// Runs an extension-host entry (tests or a benchmark) in the VS Code server: the workbench takes
// the extension under development and the entry from its `payload` (vscode-remote URIs on this
// server) and, started with --enable-smoke-test-driver, calls `codeAutomationExit` once the
// entry's run() settles. Shared by the integration runner and the extension benchmark.
import { createWriteStream } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { HOST, workbenchUrl } from './servers.mjs';

/**
 * Opens the workbench in `browser` on `folder` and waits for the entry to finish. Resolves to
 * its exit code, or 'timeout'. The browser stays open: the caller closes it.
 */
export async function runExtensionEntry(browser, { port, extensionPath, entry, folder, browserLogFile, timeoutMs }) {
  const remote = (p) => `vscode-remote://${HOST}:${port}${pathToFileURL(p).pathname}`;
  const payload = JSON.stringify([
    ['extensionDevelopmentPath', remote(extensionPath)],
    ['extensionTestsPath', remote(entry)],
  ]);
  const page = await browser.newPage();
  const browserLog = createWriteStream(browserLogFile);
  page.on('console', (message) => browserLog.write(`[${message.type()}] ${message.text()}\n`));
  page.on('pageerror', (error) => browserLog.write(`[pageerror] ${error.stack ?? error}\n`));
  // The workbench calls it when run() settles; it must exist before the page loads.
  let exited;
  const exitCode = new Promise((resolve) => (exited = resolve));
  await page.exposeFunction('codeAutomationExit', (code) => exited(code));
  let timer;
  const timedOut = new Promise((resolve) => {
    timer = setTimeout(() => resolve('timeout'), timeoutMs);
  });
  await page.goto(workbenchUrl(port, folder, { payload }));
  const outcome = await Promise.race([exitCode, timedOut]);
  clearTimeout(timer);
  return outcome;
}
