// End to end against a hostile repository (issue 8): owner, team, practice, rubric and path
// strings carrying HTML, <script>, <img onerror>, Markdown links to javascript:, command: and
// data: URIs, ANSI escapes and bidirectional overrides (test/e2e/hostileWorkspace.mjs). Every
// surface that shows repository text is driven in the browser (the notification, This File,
// its tooltips, Rubric, the editor hover, Before You Commit, the status bar, the Explorer
// tooltip, the Ownership Map webview), and after each the DOM of the page and of every frame
// is searched for anything the corpus could have become: a canary global its payloads set, an
// element or an event-handler attribute made from it, a link or a loading attribute that
// points where it points. The corpus must also be on screen as literal text (so the suite
// cannot pass by showing nothing), with control and bidi characters as visible escapes.
//
//   npm run test:e2e          runs it after test/e2e/run.mjs
/* global document, window -- the scan runs in the page and its frames, through evaluate() */
import assert from 'node:assert/strict';
import path from 'node:path';
import { createChecks, hoverUntilShown, openWorkbench, quickOpen, requirePackagedVsix, runPaletteCommand, stopwatch, waitForFrame } from './harness.mjs';
import { ANSI_FILE, BIDI_FILE, CANARY, CORPUS, createHostileWorkspace, HOSTILE_TEAM_NAME, IMG_DIR, MARKERS, SCRIPT_PATH } from './hostileWorkspace.mjs';

const seconds = stopwatch();
const vsix = requirePackagedVsix();

// How the editor writes what cannot be shown as itself (src/extension/util/inertText.ts):
// the escapes the CLI prints, so a bidi override or an ANSI escape cannot reorder or recolour.
// eslint-disable-next-line no-control-regex -- finding them is the point
const UNSAFE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const visible = (text) => text.replace(UNSAFE, (c) => `\\${c.charCodeAt(0) <= 0xff ? `x${c.charCodeAt(0).toString(16).padStart(2, '0')}` : `u${c.charCodeAt(0).toString(16).padStart(4, '0')}`}`);

/**
 * Runs in a page or frame: what the corpus would leave behind had any of it become markup.
 * The canary global, event-handler attributes, loading attributes (src, href, data…) holding
 * a corpus URL, elements of the corpus's own HTML, scripts holding it, links labelled by it.
 */
function scanDocument({ canary, markers, links }) {
  const problems = [];
  if (window[canary] !== undefined) problems.push(`window.${canary} is set (${window[canary]})`);
  const loading = new Set(['src', 'href', 'xlink:href', 'data', 'action', 'formaction', 'srcdoc', 'srcset', 'poster', 'background']);
  const fromCorpus = (value) => value.trim() === 'x' || /^\s*javascript:/i.test(value) || markers.some((m) => value.includes(m));
  const show = (el) => el.outerHTML.slice(0, 200);
  for (const el of document.querySelectorAll('*')) {
    for (const { name, value } of el.attributes) {
      const n = name.toLowerCase();
      if (n.startsWith('on') && n in el) problems.push(`event handler attribute ${n}: ${show(el)}`);
      else if (loading.has(n) && fromCorpus(value)) problems.push(`${n} from the corpus: ${show(el)}`);
    }
    if (el.matches('.corpus, [id^="corpus-"]')) problems.push(`element of the corpus's HTML: ${show(el)}`);
    // (The map's data travels in a JSON block: data, not script.)
    if (el.matches('script:not([type="application/json"])') && el.textContent.includes(canary)) problems.push(`script from the corpus: ${show(el)}`);
    // (VS Code writes tree labels as <a class="label-name"> without a target: not links.)
    if (el.matches(links) && /^\s*corpus-/.test(el.textContent)) problems.push(`link made of the corpus: ${show(el)}`);
  }
  return problems;
}
const LINKS = 'a[href], a[data-href], area[href], [role="link"]';
const SCAN_ARG = { canary: CANARY, markers: MARKERS, links: LINKS };

const workbench = await openWorkbench({
  vsix,
  folder: (sandbox) => createHostileWorkspace(path.join(sandbox.dir('workspaces'), 'hostile')),
  settings: { 'workbench.tips.enabled': false, 'editor.hover.delay': 200, 'workbench.hover.delay': 200, 'workbench.reduceMotion': 'on' },
  viewport: { width: 1600, height: 1000 },
});
const { page } = workbench;
const context = page.context();
const startUrl = page.url();

// Whatever the corpus might make the browser do by itself: dialogs, pop-ups, requests for
// its image URLs (`src=x`, the Markdown pixel), leaving the workbench.
const incidents = [];
context.on('request', (r) => {
  const url = r.url();
  if (/\/x(\?|$)/.test(url) || url.includes('example.invalid') || url.includes(CANARY)) incidents.push(`request ${url}`);
});
page.on('dialog', (d) => {
  incidents.push(`dialog: ${d.message()}`);
  void d.dismiss();
});
context.on('page', (p) => incidents.push(`new page: ${p.url()}`));
page.on('load', () => incidents.push(`the workbench (re)loaded ${page.url()}`));

/** Scans the page and every frame; fails with everything found. */
async function assertNothingInjected(where) {
  const problems = [...incidents];
  for (const frame of page.frames()) {
    const found = await frame.evaluate(scanDocument, SCAN_ARG).catch(() => []);
    problems.push(...found.map((p) => `${frame === page.mainFrame() ? 'page' : `frame ${frame.url().slice(0, 80)}`}: ${p}`));
  }
  if (problems.length === 0) return;
  // A link made of the corpus: follow it, as a curious user would, to see what it does.
  await clickCorpusLinks();
  assert.fail(`${where}: the corpus became active\n${problems.join('\n')}`);
}

async function clickCorpusLinks() {
  const links = page.locator(LINKS, { hasText: /^\s*corpus-/ });
  for (let i = (await links.count()) - 1; i >= 0; i--) await links.nth(i).click({ timeout: 2_000 }).catch(() => undefined);
}

/** The corpus as literal text in `text`, with no raw control or bidi character anywhere. */
function assertLiteral(text, expected, where) {
  const raw = text.match(UNSAFE);
  assert.equal(raw, null, `${where}: raw control or bidi characters ${JSON.stringify(raw)} in ${JSON.stringify(text.slice(0, 300))}`);
  const flat = text.replace(/\s+/g, ' ');
  for (const e of expected) assert.ok(flat.includes(visible(e)), `${where}: missing the literal text ${JSON.stringify(visible(e))} in ${JSON.stringify(flat.slice(0, 1500))}`);
}

// Surfaces are checked one after another, each on its own: a failure does not stop the rest.
const checks = createChecks(workbench, {
  failureShot: 'injection-failure',
  messageLines: 8,
  // Each check starts from a quiet workbench: no hover, no open input.
  after: async () => {
    await page.mouse.move(5, 5);
    await page.keyboard.press('Escape');
  },
});
const { check } = checks;
const shot = (name) => checks.shot(`injection-${name}`);

const pane = (title) => page.locator('.pane', { has: page.locator('.pane-header', { hasText: title }) });
const header = (title) => page.locator('.pane-header', { hasText: title }).first();
// Hidden hovers keep their last text: only a visible one counts.
const hoverWith = (text) => page.locator('.workbench-hover, .monaco-hover', { hasText: text }).filter({ visible: true }).first();

/**
 * Every row of a tree view, scrolled through (rows off screen are not in the DOM), the DOM
 * scanned at each step. Returns the rows' text in order.
 */
async function readTree(title) {
  const rows = new Map();
  const list = pane(title).locator('.monaco-list').first();
  await list.hover({ position: { x: 5, y: 5 } });
  for (let step = 0; step < 60; step++) {
    const before = rows.size;
    for (const [index, text] of await pane(title).locator('.monaco-list-row').evaluateAll((els) => els.map((el) => [Number(el.dataset.index), el.innerText]))) rows.set(index, text);
    await assertNothingInjected(`${title}, scrolled`);
    if (step > 0 && rows.size === before) break;
    await page.mouse.wheel(0, 200);
  }
  await scrollToTop(title);
  return [...rows.entries()].sort((a, b) => a[0] - b[0]).map(([, text]) => text);
}

async function scrollToTop(title) {
  await pane(title).locator('.monaco-list').first().hover({ position: { x: 5, y: 5 } });
  for (let step = 0; step < 60 && (await pane(title).locator('.monaco-list-row[data-index="0"]').count()) === 0; step++) await page.mouse.wheel(0, -400);
}

/** The first row of `title` holding `text` (at tree depth `level`, if given), scrolled into the DOM from the top. */
async function rowOf(title, text, level) {
  await scrollToTop(title);
  const row = pane(title).locator(`.monaco-list-row${level ? `[aria-level="${level}"]` : ''}`, { hasText: text }).first();
  for (let step = 0; step < 60 && (await row.count()) === 0; step++) await page.mouse.wheel(0, 150);
  await row.scrollIntoViewIfNeeded();
  return row;
}

/** Hovers the first row of `title` holding `rowText`, waits for its tooltip, returns its text. */
async function tooltipOf(title, rowText, expectInTooltip, level) {
  await page.mouse.move(5, 5);
  const row = await rowOf(title, rowText, level);
  const hover = await hoverUntilShown(page, row.locator('.monaco-icon-label, .label-name').first(), hoverWith(expectInTooltip));
  await assertNothingInjected(`the tooltip of "${rowText}" in ${title}`);
  return hover.innerText();
}

const runCommand = (title) => runPaletteCommand(page, title);

const teamName = HOSTILE_TEAM_NAME;
const notificationToast = (text) => page.locator('.notifications-toasts .notification-toast', { hasText: text }).first();

try {
  console.log(`workbench visible after ${seconds()}`);

  await check('the scan can fail: it finds an injected <img onerror> and the canary it sets in a page of ours', async () => {
    const scratch = await context.browser().newPage();
    try {
      await scratch.setContent(`<p>scratch</p><div id="host"></div>`);
      await scratch.evaluate((html) => (document.getElementById('host').innerHTML = html), CORPUS.img);
      await scratch.waitForFunction((canary) => window[canary] === 1, CANARY, { timeout: 5_000 });
      const found = await scratch.evaluate(scanDocument, SCAN_ARG);
      assert.ok(found.some((p) => p.includes(`window.${CANARY} is set`)), found.join('\n'));
      assert.ok(found.some((p) => p.includes('event handler attribute onerror')), found.join('\n'));
      assert.ok(found.some((p) => p.includes('src from the corpus')), found.join('\n'));
    } finally {
      await scratch.close();
    }
    incidents.length = 0; // the scratch page's own request for `x`
    // In the workbench too (its CSP would stop the handler, the scan must see the element).
    await page.evaluate(() => {
      const a = document.createElement('a');
      a.id = 'scan-probe';
      a.href = 'command:workbench.action.quit';
      a.textContent = 'corpus-run';
      document.body.append(a);
    });
    const found = await page.evaluate(scanDocument, SCAN_ARG);
    await page.evaluate(() => document.getElementById('scan-probe').remove());
    assert.ok(found.some((p) => p.includes('href from the corpus')) && found.some((p) => p.includes('link made of the corpus')), found.join('\n'));
    await assertNothingInjected('the workbench after the probe');
  });

  await check('the staged-changes notification names the hostile team and path as plain text, with no link', async () => {
    const toast = notificationToast('Before you commit');
    await toast.waitFor({ state: 'visible', timeout: 60_000 });
    await assertNothingInjected('the notification');
    const message = toast.locator('.notification-list-item-message');
    assert.equal(await message.locator('a').count(), 0, `links in the notification: ${await message.innerHTML()}`);
    // A zero-width space keeps `](` apart, so no link forms.
    const text = await message.innerText();
    assert.ok(text.includes(']\u200b(command:workbench.action.quit)'), text);
    assertLiteral(text.replaceAll('\u200b', ''), [teamName, SCRIPT_PATH], 'the notification');
    await shot('1-notification');
    // Its first button lists what the owners ask.
    await toast.locator('.monaco-button', { hasText: 'Show Practices' }).click();
    const list = page.locator('.quick-input-widget');
    await list.locator('.monaco-list-row', { hasText: 'corpus-bold' }).first().waitFor({ timeout: 10_000 });
    await assertNothingInjected('the practices list');
    assertLiteral(await list.innerText(), [CORPUS.html, CORPUS.img, CORPUS.mdCommand, CORPUS.ansi], 'the practices list');
    await shot('2-practices-list');
  });

  await check('the Ownership sidebar opens; Rubric shows the custom rubric\'s title, level and one-liner as text', async () => {
    await page.locator('.activitybar a.action-label[aria-label^="Ownership"]').click();
    await header('Rubric').waitFor({ timeout: 15_000 });
    await pane('Rubric').locator('.monaco-list-row', { hasText: 'Expectation' }).first().waitFor({ timeout: 15_000 });
    const text = `${await header('Rubric').innerText()}\n${await pane('Rubric').innerText()}`;
    assertLiteral(text, [`Rubric ${CORPUS.img} ${CORPUS.bidi}`, `Level ${CORPUS.ansi}`, `One liner ${CORPUS.script}`], 'the Rubric view');
    await assertNothingInjected('the Rubric view');
  });

  await check('This File on a file in the hostile directory: every label and description is the corpus as text', async () => {
    await quickOpen(page, 'corpus-run', 'corpus target');
    await pane('This File').locator('.monaco-list-row', { hasText: 'Upstream' }).first().waitFor({ timeout: 15_000 });
    // Room: a wider sidebar (dragged, as a reader would), Rubric folded while reading This File.
    const box = await page.locator('.part.sidebar').boundingBox();
    await page.mouse.move(box.x + box.width, box.y + 300);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width + 400, box.y + 300, { steps: 8 });
    await page.mouse.up();
    if ((await header('Rubric').getAttribute('aria-expanded')) === 'true') await header('Rubric').click();
    const rows = await readTree('This File');
    const text = `${await header('This File').innerText()}\n${rows.join('\n')}`;
    assertLiteral(
      text,
      [
        teamName,
        `${CORPUS.script} ${CORPUS.html} ${CORPUS.rawLink} ${CORPUS.svg}`, // the team's description
        `${CORPUS.mdJavascript} ${CORPUS.ansi} ${CORPUS.mdData} ${CORPUS.icon}`, // its contact
        CORPUS.img, // a link's name
        'https://example.invalid/"><img/src=x/onerror=window.__pwned=1>', // its URL
        'onerror="window.__pwned=1">/', // the rule's pattern
        ...Object.values(CORPUS), // practices and etiquette
        `Component ${CORPUS.svg} ${CORPUS.bidi}`,
      ],
      'This File',
    );
    await shot('3-this-file');
  });

  await check('This File tooltips (situation, owner, description, contact, rule, practice) are the corpus as text', async () => {
    const situation = await tooltipOf('This File', 'Someone else owns this', 'Upstream advice');
    assertLiteral(situation, [teamName, `Upstream advice ${CORPUS.mdCommand} ${CORPUS.img}`], 'the situation tooltip');
    await shot('4-this-file-tooltip');
    await page.mouse.move(5, 5);
    // The owner row, under Owner (the situation and the "You" suggestion above name the team too).
    const owner = await tooltipOf('This File', 'Hostile <img', '(@acme/hostile)', 2);
    assertLiteral(owner, [`${teamName} (@acme/hostile)`], 'the owner tooltip');
    await page.mouse.move(5, 5);
    const description = await tooltipOf('This File', 'corpus-raw-link', 'corpus-raw-link');
    assertLiteral(description, [CORPUS.rawLink, CORPUS.script], 'the description tooltip');
    await page.mouse.move(5, 5);
    const contact = await tooltipOf('This File', 'Contact', 'corpus-data');
    assertLiteral(contact, [CORPUS.mdJavascript, CORPUS.ansi, CORPUS.mdData], 'the contact tooltip');
    await page.mouse.move(5, 5);
    const rule = await tooltipOf('This File', '.github/CODEOWNERS:', 'Open .github/CODEOWNERS');
    assertLiteral(rule, ['onerror="window.__pwned=1">/'], 'the rule tooltip');
    await page.mouse.move(5, 5);
    const practice = await tooltipOf('This File', 'corpus-pixel', 'corpus-pixel');
    assertLiteral(practice, [CORPUS.mdImage], 'a practice tooltip');
  });

  await check('the editor hover on a hostile path: owners, rule and advice as text, only our own link', async () => {
    const target = page.locator('.monaco-editor .view-line span', { hasText: '__pwned=1</script>' }).last();
    const hover = await hoverUntilShown(page, target, page.locator('.monaco-hover', { hasText: 'Upstream' }).first());
    await assertNothingInjected('the editor hover');
    const text = await hover.innerText();
    assertLiteral(text, [SCRIPT_PATH, teamName, `They ask: ${CORPUS.html}`], 'the editor hover');
    const hrefs = await hover.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('data-href') ?? a.getAttribute('href') ?? ''));
    for (const href of hrefs.filter(Boolean)) assert.match(href, /^command:ownershipLens\.openRule\?/, `a link in the hover: ${href}`);
    await shot('5-editor-hover');
  });

  await check('Rubric: expectations, prompts, examples and their tooltip are the corpus as text', async () => {
    await page.mouse.move(5, 5);
    if ((await header('This File').getAttribute('aria-expanded')) === 'true') await header('This File').click();
    if ((await header('Rubric').getAttribute('aria-expanded')) !== 'true') await header('Rubric').click();
    const rubric = pane('Rubric');
    for (const title of ['Expectation <img', 'Second <svg']) {
      await rubric.locator('.monaco-list-row', { hasText: title }).first().click();
      await rubric.locator('.monaco-list-row[aria-expanded="true"]', { hasText: title }).first().waitFor({ timeout: 10_000 });
    }
    await rubric.locator('.monaco-list-row', { hasText: 'Examples' }).first().click();
    await rubric.locator('.monaco-list-row', { hasText: 'Example <object' }).first().waitFor({ timeout: 10_000 });
    const rows = await readTree('Rubric');
    assertLiteral(
      rows.join('\n'),
      [`Expectation ${CORPUS.img} ${CORPUS.mdCommand}`, `Text ${CORPUS.script} ${CORPUS.rawLink} ${CORPUS.ansi}`, CORPUS.mdJavascript, CORPUS.bidi, `Second ${CORPUS.svg}`, `Example ${CORPUS.object}`, `Trap ${CORPUS.rawLink}`],
      'the Rubric view',
    );
    const tooltip = await tooltipOf('Rubric', 'Expectation <img', 'Text <script>');
    assertLiteral(tooltip, [`Expectation ${CORPUS.img} ${CORPUS.mdCommand}`, `Text ${CORPUS.script} ${CORPUS.rawLink} ${CORPUS.ansi}`, CORPUS.mdImage], 'an expectation tooltip');
    await shot('6-rubric');
  });

  await check('Before You Commit: the hostile group, its files, practices and contact as text', async () => {
    if ((await header('Rubric').getAttribute('aria-expanded')) === 'true') await header('Rubric').click();
    if ((await header('Before You Commit').getAttribute('aria-expanded')) !== 'true') await header('Before You Commit').click();
    await pane('Before You Commit').locator('.monaco-list-row', { hasText: 'Hostile' }).first().waitFor({ timeout: 30_000 });
    const rows = await readTree('Before You Commit');
    assertLiteral(rows.join('\n'), [teamName, SCRIPT_PATH, ANSI_FILE, BIDI_FILE, CORPUS.svg, CORPUS.mdData], 'Before You Commit');
    await shot('7-before-you-commit');
  });

  await check('Who Owns This File? answers in a notification with the corpus as text and no link', async () => {
    await runCommand('Ownership: Who Owns This File?');
    const toast = notificationToast('Someone else owns this');
    await toast.waitFor({ state: 'visible', timeout: 15_000 });
    await assertNothingInjected('the Who Owns notification');
    const message = toast.locator('.notification-list-item-message');
    assert.equal(await message.locator('a').count(), 0, `links in the notification: ${await message.innerHTML()}`);
    assertLiteral((await message.innerText()).replaceAll('\u200b', ''), [teamName, CORPUS.mdCommand], 'the Who Owns notification');
    await shot('8-who-owns');
  });

  await check('Add a CODEOWNERS Rule…: the scopes and the owners offered are the corpus as text; cancelling edits nothing', async () => {
    await quickOpen(page, 'corpus-run', 'corpus target');
    await runCommand('Ownership: Add a CODEOWNERS Rule…');
    const rows = page.locator('.quick-input-widget .quick-input-list .monaco-list-row');
    await rows.filter({ hasText: 'its folder and everything in it' }).first().waitFor({ timeout: 15_000 });
    await assertNothingInjected('the rule scopes offered');
    assertLiteral((await rows.allInnerTexts()).join('\n'), [`/${IMG_DIR.replaceAll(' ', '\\ ')}/`, '/hostile/'], 'the rule scopes offered');
    await page.keyboard.press('Enter');
    await rows.filter({ hasText: '@acme/hostile' }).first().waitFor({ timeout: 15_000 });
    await assertNothingInjected('the owners offered');
    assertLiteral((await rows.allInnerTexts()).join('\n'), ['@acme/hostile', teamName, '@acme/platform'], 'the owners offered');
    await shot('12-add-rule-owners');
    await page.keyboard.press('Escape');
    await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 10_000 });
    assert.equal(await page.locator('.tab.dirty').count(), 0, 'nothing edited');
  });

  await check('the status bar and its tooltip, and the Explorer tooltip, name the team as text', async () => {
    const item = page.locator('.statusbar-item', { hasText: '@acme/hostile' }).first();
    const hover = await hoverUntilShown(page, item, hoverWith('Someone else owns this'));
    await assertNothingInjected('the status bar tooltip');
    assertLiteral(await hover.innerText(), [teamName], 'the status bar tooltip');
    await page.mouse.move(5, 5);
    await page.keyboard.press('Control+Shift+E');
    const label = page.locator('.explorer-folders-view .monaco-icon-label[aria-label*="corpus-run"]').first();
    await label.waitFor({ timeout: 15_000 });
    const tooltip = await hoverUntilShown(page, label, hoverWith('Upstream: Hostile'));
    await assertNothingInjected('the Explorer tooltip');
    assertLiteral(await tooltip.innerText(), [teamName], 'the Explorer tooltip');
    await shot('9-explorer-tooltip');
  });

  await check('CODEOWNERS: the hover on the hostile pattern lists its files as text', async () => {
    await quickOpen(page, '.github/CODEOWNERS', 'Valid owners; hostile paths.');
    await page.keyboard.press('Control+G');
    await page.keyboard.type('4');
    await page.keyboard.press('Enter');
    const line = page.locator('.monaco-editor .view-line', { hasText: /^\/hostile\/<img/ }).first();
    await line.waitFor({ timeout: 10_000 });
    // hover() finds the line again if the editor redrew it since (a box taken first could be null).
    await line.hover({ position: { x: 20, y: 8 } });
    const hover = hoverWith('Matches 1 tracked file');
    await hover.waitFor({ timeout: 30_000 });
    await assertNothingInjected('the CODEOWNERS rule hover');
    assertLiteral(await hover.innerText(), ['/hostile/<img\\ src=x\\ onerror="window.__pwned=1">/', `${CORPUS.mdCommand}.ts`], 'the CODEOWNERS rule hover');
    await shot('10-codeowners-hover');
  });

  await check('Show Ownership Map: the webview shows the team and paths as text, in every frame nothing runs', async () => {
    await runCommand('Ownership: Show Ownership Map');
    const report = await waitForFrame(page, () => (document.querySelector('#treemap')?.childElementCount ?? 0) > 0);
    assert.ok(report, 'no treemap drawn in the webview');
    await assertNothingInjected('the ownership map');
    const text = await report.evaluate(() => document.body.innerText);
    assertLiteral(text, [teamName, '@acme/hostile'], 'the ownership map');
    // Into the hostile directory: the treemap writes names with textContent.
    await report.locator('#treemap [role="button"]', { hasText: 'hostile' }).first().click();
    await report.locator('#crumbs', { hasText: 'hostile' }).waitFor({ timeout: 10_000 });
    await assertNothingInjected('the ownership map, in hostile/');
    assertLiteral(await report.evaluate(() => document.body.innerText), ['<img src=x onerror="window.__pwned=1">', '<script>window.__pwned=1<'], 'the ownership map, in hostile/');
    // The picture: the treemap's lower half and the owners table with the team's name.
    await report.locator('table').first().evaluate((table) => table.scrollIntoView({ block: 'end' }));
    await shot('11-ownership-map');
  });

  await check('after all of it the workbench is alive: nothing navigated, quit or opened; the palette still opens', async () => {
    await assertNothingInjected('the end');
    assert.equal(page.url(), startUrl);
    await page.keyboard.press('F1');
    await page.locator('.quick-input-widget input').waitFor({ timeout: 10_000 });
    assert.equal(context.pages().length, 1, 'a page was opened');
  });
} finally {
  await checks.finish(seconds);
}
