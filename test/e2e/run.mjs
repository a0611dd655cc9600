// End to end, as a person meets the product: the packaged .vsix installed into code-server
// with --install-extension, the demo workspace open (you are Erin, from Web Platform), the
// Ownership icon clicked, a Payments file opened, the sidebar read, a path hovered. The
// screenshots in test-output/e2e/ are the product: look at them.
//
//   npm run test:e2e          packages the .vsix first (npm run package)
/* global getComputedStyle -- runs in the page, through evaluate() */
import assert from 'node:assert/strict';
import { createChecks, hoverUntilShown, openWorkbench, quickOpen as openFile, requirePackagedVsix, runPaletteCommand, stopwatch, waitForFrame } from './harness.mjs';

const seconds = stopwatch();
const vsix = requirePackagedVsix();

const workbench = await openWorkbench({ vsix, settings: { 'workbench.tips.enabled': false, 'editor.hover.delay': 200, 'workbench.reduceMotion': 'on' } });
const { page } = workbench;
// Later steps build on earlier ones: after a failure, stop driving the page but report them.
const { check, shots, finish } = createChecks(workbench, { stopAfterFailure: true });
const quickOpen = (relative, firstLine) => openFile(page, relative, firstLine);
const runCommand = (title) => runPaletteCommand(page, title);

const pane = (title) => page.locator('.pane', { has: page.locator('.pane-header', { hasText: title }) });
const rowsOf = async (title) => (await pane(title).locator('.monaco-list-row').allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());

try {
  console.log(`workbench visible after ${seconds()}`);
  await check('code-server --install-extension installed the packaged .vsix', async () => {
    assert.match(workbench.installed ?? '', /was successfully installed/);
  });
  await check('the status bar shows the demo repository on branch main', async () => {
    await page.locator('.statusbar-item', { hasText: 'main' }).first().waitFor({ timeout: 30_000 });
  });
  await check('the Ownership icon opens a sidebar with This File, Rubric and Before You Commit', async () => {
    await page.locator('.activitybar a.action-label[aria-label^="Ownership"]').click();
    for (const title of ['This File', 'Rubric', 'Before You Commit']) await page.locator('.pane-header', { hasText: title }).waitFor({ timeout: 15_000 });
  });
  await check('with no file open, This File says to open one', async () => {
    await pane('This File').getByText('Open a file to see who owns it').waitFor({ timeout: 15_000 });
  });
  await check('opening a Payments file: This File says it is upstream, names Payments and its rule', async () => {
    await quickOpen('services/payments/internal/charge/charge.go', 'package charge');
    await pane('This File').locator('.monaco-list-row', { hasText: 'Upstream' }).waitFor({ timeout: 15_000 });
    // A wider sidebar, as anyone reading it would drag it: rows are one line each.
    const box = await page.locator('.part.sidebar').boundingBox();
    await page.mouse.move(box.x + box.width, box.y + 300);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width + 330, box.y + 300, { steps: 8 });
    await page.mouse.up();
    // "You" opens on a one-time suggestion (ask GitHub about the team); fold it, as a reader
    // who has seen it would, so the rest of the view fits.
    const you = pane('This File').locator('.monaco-list-row', { hasText: 'are you in the owning team?' });
    if ((await you.count()) > 0) {
      await you.first().click();
      await pane('This File').locator('.monaco-list-row', { hasText: 'Etiquette for changing their code' }).waitFor({ timeout: 10_000 });
      // Off the row, or its tooltip opens over the view while the later pictures are taken:
      // to the empty middle of the activity bar, where nothing has a tooltip.
      await page.mouse.move(24, 500);
    }
    const rows = await rowsOf('This File');
    assert.ok(rows.some((r) => r.startsWith('Upstream') && r.includes('Someone else owns this: Payments (@acme/payments)')), rows.join(' | '));
    assert.ok(rows.some((r) => r.startsWith('Rule') && r.includes('/services/payments/') && r.includes('.github/CODEOWNERS:20')), rows.join(' | '));
    assert.ok(rows.some((r) => r.includes('Ship every change to money movement behind a feature flag.')), rows.join(' | '));
    assert.ok(rows.some((r) => r.startsWith('Etiquette for changing their code')), rows.join(' | '));
    shots.push(await workbench.screenshot('1-sidebar-upstream'));
  });
  await check('the status bar names the owners', async () => {
    await page.locator('.statusbar-item', { hasText: '@acme/payments' }).first().waitFor({ timeout: 10_000 });
  });
  await check('the Rubric view puts what matters for upstream code first', async () => {
    const rows = await rowsOf('Rubric');
    assert.ok(rows[0]?.includes('matters here'), rows.join(' | '));
  });
  await check('hovering an import of Payments code shows its owners, the rule and what they ask', async () => {
    await quickOpen('web/app/src/pages/Checkout.tsx', 'Checkout is co-owned with Payments');
    // Switching editors updates This File: Erin's team owns Checkout.tsx.
    await page.locator('.monaco-list-row', { hasText: 'You own this, as @acme/web-platform' }).first().waitFor({ timeout: 10_000 });
    const target = page.locator('.monaco-editor .view-line span', { hasText: '../api/payments' }).last();
    const hover = await hoverUntilShown(page, target, page.locator('.monaco-hover', { hasText: 'Upstream' }));
    const text = (await hover.innerText()).replace(/\s+/g, ' ');
    assert.match(text, /Upstream · web\/app\/src\/api\/payments\.ts/);
    assert.match(text, /Someone else owns this: Payments \(@acme\/payments\)\./);
    assert.match(text, /Rule \/web\/app\/src\/api\/payments\.ts at \.github\/CODEOWNERS:\d+/);
    assert.match(text, /They ask: Ship every change to money movement behind a feature flag\./);
    // TypeScript's own hover part may still say "Loading...": let it finish for the picture.
    await page.locator('.monaco-hover', { hasText: 'Loading...' }).waitFor({ state: 'detached', timeout: 10_000 }).catch(() => undefined);
    // The hover fades in: take the picture once it is fully opaque, as a person sees it.
    // (This function runs in the browser, where `document` and `getComputedStyle` exist.)
    // eslint-disable-next-line no-undef
    await page.waitForFunction(() => [...document.querySelectorAll('.monaco-hover')].some((el) => el.textContent.includes('Upstream') && getComputedStyle(el.closest('.monaco-hover') ?? el).opacity === '1' && getComputedStyle(el.parentElement ?? el).opacity === '1'), null, { timeout: 5_000 });
    // No tree row's tooltip (VS Code's workbench hover, not the editor's) in the picture.
    // eslint-disable-next-line no-undef
    await page.waitForFunction(() => ![...document.querySelectorAll('.workbench-hover-container')].some((el) => el.getClientRects().length > 0), null, { timeout: 5_000 });
    shots.push(await workbench.screenshot('2-hover-upstream'));
  });
  await check('the Explorer badges files by whose they are', async () => {
    await page.mouse.move(5, 5);
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+Shift+E');
    // The explorer reveals the active file; its label carries each decoration's tooltip.
    // (Other decorations, git's and the problems', may come between.)
    const label = page.locator('.explorer-folders-view .monaco-icon-label[aria-label*="/Checkout.tsx •"][aria-label*="• Yours: Web Platform (@acme/web-platform), Payments (@acme/payments)"]');
    await label.waitFor({ timeout: 15_000 });
    const badge = await label.evaluate((el) => getComputedStyle(el, '::after').content);
    assert.match(badge, /⌂/);
    const upstream = page.locator('.explorer-folders-view .monaco-icon-label[aria-label*="/demo/README.md •"][aria-label*="• Upstream: Developer Docs (@acme/docs)"]');
    await upstream.waitFor({ timeout: 15_000 });
    assert.match(await upstream.evaluate((el) => getComputedStyle(el, '::after').content), /↑/);
    // Pointing at a file shows whose it is.
    await hoverUntilShown(page, upstream, page.locator('.workbench-hover, .monaco-hover', { hasText: 'Upstream: Developer Docs (@acme/docs)' }));
    shots.push(await workbench.screenshot('3-explorer-badges'));
  });
  await check('Before You Commit groups the staged changes by owner: Payments with its practices, then yours', async () => {
    await page.mouse.move(5, 5);
    await page.keyboard.press('Escape');
    const header = (title) => page.locator('.pane-header', { hasText: title }).first();
    if (!(await header('Before You Commit').isVisible())) await page.locator('.activitybar a.action-label[aria-label^="Ownership"]').click();
    // Room for it: fold This File and Rubric, unfold Before You Commit (collapsed by default).
    for (const title of ['This File', 'Rubric']) if ((await header(title).getAttribute('aria-expanded')) === 'true') await header(title).click();
    if ((await header('Before You Commit').getAttribute('aria-expanded')) !== 'true') await header('Before You Commit').click();
    await pane('Before You Commit').locator('.monaco-list-row', { hasText: 'services/payments/internal/charge/charge.go' }).waitFor({ timeout: 30_000 });
    const rows = await rowsOf('Before You Commit');
    assert.ok(rows.some((r) => r.startsWith('Payments') && r.includes('Upstream · 1 file')), rows.join(' | '));
    assert.ok(rows.some((r) => r.startsWith('Practices')), rows.join(' | '));
    assert.ok(rows.some((r) => r.startsWith('Yours')), rows.join(' | '));
    await page.locator('.statusbar-item', { hasText: '1 upstream' }).first().waitFor({ timeout: 10_000 });
    shots.push(await workbench.screenshot('6-before-you-commit'));
  });
  await check('CODEOWNERS opens as its own language, highlighted, with the shadowed rule underlined and explained', async () => {
    await page.mouse.move(5, 5);
    await page.keyboard.press('Escape');
    await quickOpen('.github/CODEOWNERS', 'Code owners for the Acme monorepo');
    await page.locator('.statusbar-item', { hasText: /^CODEOWNERS$/ }).first().waitFor({ timeout: 15_000 });
    // Line 49, `/ops/`: its one file goes to /ops/runbooks/payments.md on the next line.
    await page.keyboard.press('Control+G');
    await page.keyboard.type('49');
    await page.keyboard.press('Enter');
    const line = page.locator('.monaco-editor .view-line', { hasText: /^\/ops\/\s+@acme\/sre$/ }).first();
    await line.waitFor({ timeout: 10_000 });
    await page.locator('.monaco-editor .squiggly-warning, .monaco-editor .squiggly-inline-unnecessary').first().waitFor({ timeout: 30_000 });
    // The grammar colours patterns, owners and comments differently: several token classes on screen.
    const classes = await page.locator('.monaco-editor .view-line span span').evaluateAll((spans) => new Set(spans.map((s) => s.className)).size);
    assert.ok(classes >= 4, `only ${classes} token colours`);
    // Each rule carries its counts in a CodeLens once the tracked files are analysed.
    await page.locator('.monaco-editor .codelens-decoration', { hasText: 'matches 1 tracked file · wins 0' }).first().waitFor({ timeout: 30_000 });
    // hover() finds the line again if the editor redrew it since (a box taken first could be null).
    await line.hover({ position: { x: 12, y: 8 } });
    await page.locator('.monaco-hover', { hasText: 'This rule never applies' }).first().waitFor({ state: 'visible', timeout: 15_000 });
    await page.locator('.monaco-hover', { hasText: 'Matches 1 tracked file' }).first().waitFor({ state: 'visible', timeout: 15_000 });
    // eslint-disable-next-line no-undef
    await page.waitForFunction(() => [...document.querySelectorAll('.monaco-hover')].some((el) => el.textContent.includes('Matches 1 tracked file') && getComputedStyle(el).opacity === '1'), null, { timeout: 5_000 });
    shots.push(await workbench.screenshot('4-codeowners-shadowed-rule'));
  });
  await check('CODEOWNERS offers the owners ownership.yml describes, with their names, as one is typed', async () => {
    await page.mouse.move(5, 5);
    await page.keyboard.press('Escape');
    // At the end of the open CODEOWNERS, a new rule for the web app, its owner half typed.
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Enter');
    await page.keyboard.type('/web/app/src/api/ @acme/');
    const suggest = page.locator('.editor-widget.suggest-widget');
    await suggest.waitFor({ state: 'visible', timeout: 15_000 });
    const row = (label) => suggest.locator('.monaco-list-row', { hasText: label }).first();
    await row('@acme/payments').waitFor({ timeout: 15_000 });
    const rows = await suggest.locator('.monaco-list-row').allInnerTexts();
    assert.ok(rows.some((r) => r.includes('@acme/payments') && r.includes('Payments')), rows.join(' | '));
    assert.ok(rows.some((r) => r.includes('@acme/web-platform')), rows.join(' | '));
    shots.push(await workbench.screenshot('7-codeowners-owner-completion'));
    await page.keyboard.press('Escape');
    await runCommand('File: Revert File');
  });
  await check("the language status says which host's syntax CODEOWNERS is read with, and why", async () => {
    await page.mouse.move(5, 5);
    await page.keyboard.press('Escape');
    // The {} beside the language name in the status bar: its hover lists the language's items.
    const status = page.locator('[id="status.languageStatus"]');
    await status.waitFor({ timeout: 15_000 });
    const hover = await hoverUntilShown(page, status, page.locator('.workbench-hover, .monaco-hover, .context-view', { hasText: 'GitHub syntax' }).first());
    const text = (await hover.innerText()).replace(/\s+/g, ' ');
    assert.match(text, /GitHub syntax/);
    assert.match(text, /only GitHub reads a CODEOWNERS in \.github\//);
    assert.match(text, /Choose/);
    shots.push(await workbench.screenshot('8-codeowners-syntax'));
  });
  await check('Show Ownership Map opens the treemap in a webview', async () => {
    await page.mouse.move(5, 5);
    await page.keyboard.press('Escape');
    await runCommand('Ownership: Show Ownership Map');
    // The page sits two iframes deep; wait until one frame holds a drawn treemap.
    // eslint-disable-next-line no-undef
    const drawn = await waitForFrame(page, () => (document.querySelector('#treemap')?.childElementCount ?? 0) > 0);
    assert.ok(drawn, 'no treemap drawn in the webview');
    shots.push(await workbench.screenshot('5-ownership-map'));
  });
  await check('an unowned file is adopted from This File: its inline action asks for an owner and writes it on the rule', async () => {
    await page.mouse.move(5, 5);
    await page.keyboard.press('Escape');
    await quickOpen('tools/check-links.mjs', 'Checks that relative Markdown links point at files that exist');
    const header = (title) => page.locator('.pane-header', { hasText: title }).first();
    if (!(await header('This File').isVisible())) await page.locator('.activitybar a.action-label[aria-label^="Ownership"]').click();
    if ((await header('Before You Commit').getAttribute('aria-expanded')) === 'true') await header('Before You Commit').click();
    if ((await header('This File').getAttribute('aria-expanded')) !== 'true') await header('This File').click();
    const unowned = pane('This File').locator('.monaco-list-row', { hasText: 'Nobody owns this: the rule at .github/CODEOWNERS:57 names no owners' });
    await unowned.waitFor({ timeout: 15_000 });
    await unowned.hover();
    await unowned.locator('.action-label[aria-label="Add a CODEOWNERS Rule…"]').click();
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ timeout: 10_000 });
    await page.locator('.quick-input-widget', { hasText: 'The owner for /tools/ (.github/CODEOWNERS:57), which names none now' }).waitFor({ timeout: 10_000 });
    await input.fill('web-platform');
    await page.locator('.quick-input-list .monaco-list-row.focused', { hasText: '@acme/web-platform' }).waitFor({ timeout: 10_000 });
    shots.push(await workbench.screenshot('9-add-rule-owner'));
    await page.keyboard.press('Enter');
    await page.locator('.monaco-editor .view-line', { hasText: /^\/tools\/\s+@acme\/web-platform$/ }).first().waitFor({ timeout: 15_000 });
    // The unsaved rule is what every surface reads: back in the file, This File says it is mine now.
    await quickOpen('tools/check-links.mjs', 'Checks that relative Markdown links point at files that exist');
    await pane('This File').locator('.monaco-list-row', { hasText: 'You own this, as @acme/web-platform' }).first().waitFor({ timeout: 15_000 });
    await page.mouse.move(24, 500);
    shots.push(await workbench.screenshot('10-add-rule-done'));
    await page.locator('.tab', { hasText: 'CODEOWNERS' }).first().click();
    await page.locator('.tab.active', { hasText: 'CODEOWNERS' }).waitFor({ timeout: 10_000 });
    await runCommand('File: Revert File');
  });
} finally {
  await finish(seconds);
}
