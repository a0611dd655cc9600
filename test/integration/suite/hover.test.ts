// The path hover, through vscode.executeHoverProvider (every provider VS Code has, ours among
// them): string literals and import specifiers, Markdown links, paths in YAML, JSON and
// CODEOWNERS. Never for text that is not a real path in the workspace.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { folders, hoverAt, uriIn } from './ownership';

const main = () => folders.main();

describe('Hover over a path', () => {
  it('on an import specifier without extension: owners, situation, the rule as a link, and what they ask', async () => {
    const uri = uriIn(main(), 'web/checkout.ts');
    const hover = await hoverAt(uri, '../services/payments/client');
    assert.ok(hover, 'no Ownership Lens hover');
    const paragraphs = hover.text.split('\n\n');
    assert.equal(paragraphs[0], '$(organization) **Upstream** · services/payments/client.ts');
    assert.match(paragraphs[1], /^Someone else owns this: Payments \(@acme\/payments\), Alice /);
    assert.equal(paragraphs[2], '$(comment-discussion) Payments (@acme/payments): #payments-eng');
    assert.match(paragraphs[3], /^\$\(law\) Rule \/services\/payments\/ at \[\.github\/CODEOWNERS:3\]\(command:ownershipLens\.openRule\?/);
    assert.equal(paragraphs[4], '$(lightbulb) They ask: Amounts are integers in minor units. (and 1 more in the Ownership sidebar)');
    // The range is the specifier, without its quotes.
    const doc = await vscode.workspace.openTextDocument(uri);
    assert.equal(doc.getText(hover.range), '../services/payments/client');
  });

  it('escapes what the repository wrote and trusts only our own commands', async () => {
    const hover = await hoverAt(uriIn(main(), 'web/checkout.ts'), '../services/payments/client');
    assert.ok(hover?.md);
    // The team name is `Alice <img ...> [run](command:workbench.action.quit) $(bug) **bold**`.
    assert.ok(!/(^|[^\\])<img/.test(hover.value), hover.value);
    assert.ok(hover.value.includes('Alice \\<img src\\=x onerror\\=alert\\(1\\)\\>'), hover.value);
    assert.ok(!hover.value.includes('[run](command:'), hover.value);
    assert.ok(!/(^|[^\\])\$\(bug\)/.test(hover.value), 'an icon from the repository must stay text');
    assert.ok(!hover.value.includes('**bold**'), hover.value);
    assert.equal(hover.md.supportHtml, false);
    const trusted = hover.md.isTrusted;
    assert.ok(typeof trusted === 'object' && trusted.enabledCommands.every((c) => c.startsWith('ownershipLens.')), JSON.stringify(trusted));
    for (const [, command] of hover.value.matchAll(/\]\(command:([\w.]+)/g)) assert.ok(trusted.enabledCommands.includes(command), command);
  });

  it('on strings relative to the workspace folder, with spaces, unicode and an unowned rule', async () => {
    const uri = uriIn(main(), 'web/checkout.ts');
    assert.match((await hoverAt(uri, 'docs/café menu.md'))?.text ?? '', /\n\nSomeone else owns this: @acme\/cafe\.\n\n/);
    assert.match((await hoverAt(uri, 'services/payments/legacy/old.go'))?.text ?? '', /^\$\(question\) \*\*Unowned\*\* · services\/payments\/legacy\/old\.go\n\nNobody owns this: the rule at \.github\/CODEOWNERS:5 names no owners\./);
  });

  it('not on strings that are not workspace paths', async () => {
    const uri = uriIn(main(), 'web/checkout.ts');
    assert.equal(await hoverAt(uri, "'services'"), undefined, 'a bare word, even one naming a folder');
    assert.equal(await hoverAt(uri, 'hello world'), undefined);
    assert.equal(await hoverAt(uri, '../../../../../../../../etc/passwd', 3), undefined, 'outside the workspace');
    assert.equal(await hoverAt(uri, 'export const pay', 2), undefined, 'code');
  });

  it('on Markdown links (label or target, percent-encoded, with a fragment) and paths in prose', async () => {
    const uri = uriIn(main(), 'docs/links.md');
    assert.match((await hoverAt(uri, 'payments guide'))?.text ?? '', / · services\/payments\/CONTRIBUTING\.md\n/);
    const menu = await hoverAt(uri, 'caf%C3%A9%20menu.md#today', 4);
    assert.match(menu?.text ?? '', / · docs\/café menu\.md\n/);
    assert.equal(await hoverAt(uri, 'https://example.com/services/payments', 12), undefined, 'a URL is not a workspace path');
    const prose = await hoverAt(uri, 'services/payments/charge.go,');
    assert.match(prose?.text ?? '', / · services\/payments\/charge\.go\n/);
    const doc = await vscode.workspace.openTextDocument(uri);
    assert.equal(doc.getText(prose?.range), 'services/payments/charge.go', 'the path, without the comma after it');
    assert.match((await hoverAt(uri, '../README.md'))?.text ?? '', /^\$\(home\) \*\*Yours\*\* · README\.md\n/);
  });

  it('on YAML and JSON values, a glob standing for its folder', async () => {
    const yaml = uriIn(main(), 'config/paths.yaml');
    assert.match((await hoverAt(yaml, 'services/payments/charge.go'))?.text ?? '', / · services\/payments\/charge\.go\n/);
    const glob = await hoverAt(yaml, 'services/payments/**');
    assert.match(glob?.text ?? '', / · services\/payments\/\n/);
    assert.match(glob?.text ?? '', /\(Owners of a new file directly in this folder; files inside may have others\.\)/);
    assert.equal(await hoverAt(yaml, 'services/nowhere/at/all.go'), undefined);
    const json = uriIn(main(), 'config/paths.json');
    assert.match((await hoverAt(json, 'services/payments/charge.go'))?.text ?? '', / · services\/payments\/charge\.go\n\nSomeone else owns this: Payments/);
    assert.equal(await hoverAt(json, 'services/nowhere.go'), undefined);
  });

  it('on CODEOWNERS patterns, relative to the repository root, but not on owners', async () => {
    const uri = uriIn(main(), '.github/CODEOWNERS');
    assert.match((await hoverAt(uri, '/services/payments/ '))?.text ?? '', / · services\/payments\/\n/);
    assert.match((await hoverAt(uri, 'café\\ menu.md'))?.text ?? '', / · docs\/café menu\.md\n/);
    assert.equal(await hoverAt(uri, '@acme/platform'), undefined);
  });
});
