// The smallest end-to-end check: the workbench loads on the demo workspace, lists Ownership
// Lens as installed, and the git extension shows the demo's branch. Not in `npm test` yet;
// run it with `npm run test:e2e`.
import { openWorkbench } from './harness.mjs';
import { extensionManifest } from '../../scripts/vscode/unpackedExtension.mjs';

const t0 = Date.now();
const { displayName } = extensionManifest();
const failures = [];
let passed = 0;
const check = async (name, body) => {
  try {
    await body();
    passed++;
    console.log(`  ok   ${name}`);
  } catch (error) {
    failures.push(name);
    console.log(`  FAIL ${name}\n       ${error.message.split('\n')[0]}`);
  }
};

const workbench = await openWorkbench();
const { page } = workbench;
try {
  console.log(`workbench visible after ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  await check('the status bar shows the demo repository on branch main', async () => {
    await page.locator('.statusbar-item', { hasText: 'main' }).first().waitFor({ timeout: 30_000 });
  });
  await check(`the Extensions view lists ${displayName} as installed`, async () => {
    await page.keyboard.press('Control+Shift+X');
    await page.locator('.extensions-viewlet .monaco-list-row', { hasText: displayName }).waitFor({ timeout: 30_000 });
  });
  console.log(`screenshot: ${await workbench.screenshot('smoke-extensions')}`);
} finally {
  await workbench.close();
  if (failures.length === 0) workbench.sandbox.remove();
  else console.log(`kept: ${workbench.sandbox.root}`);
}
console.log(`${passed} passed, ${failures.length} failed (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
process.exit(failures.length ? 1 : 0);
