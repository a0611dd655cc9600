// The sidebar views, the status bar and the explorer decorations on the main fixture
// repository (GitHub flavor, .github/CODEOWNERS and .github/ownership.yml), read through the
// providers VS Code itself calls.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { find, folders, labels, lens, open, snapshot, statusOwners, thisFile, unescapeMarkdown, uriIn, withSetting, type TreeSnapshot } from './ownership';
import { waitFor } from './waitFor';

const CLIENT = 'services/payments/client.ts';
const CHECKOUT = 'web/checkout.ts';
const LEGACY = 'services/payments/legacy/old.go';

describe('This File', () => {
  it('follows a switch of editor on the tab model\'s event, when it comes before the editors\' (activeTextEditor still the old one)', async () => {
    const api = await lens();
    const files = [CLIENT, CHECKOUT, LEGACY, CLIENT, CHECKOUT, LEGACY].map((rel) => uriIn(folders.main(), rel));
    // For each switch whose tab event arrived while activeTextEditor was still the old editor:
    // whether the extension (whose listener was subscribed before this one) already followed.
    const seen: Array<{ file: string; followed: boolean }> = [];
    for (const uri of files) {
      const target = uri.toString();
      let checked = false;
      const sub = vscode.window.tabGroups.onDidChangeTabs(() => {
        const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
        if (checked || !(input instanceof vscode.TabInputText) || input.uri.toString() !== target) return;
        checked = true;
        if (vscode.window.activeTextEditor?.document.uri.toString() !== target) seen.push({ file: uri.fsPath, followed: api.active.uri?.toString() === target });
      });
      try {
        await open(uri);
      } finally {
        sub.dispose();
      }
    }
    assert.ok(seen.length > 0, 'no switch had its tab event first: the order this test is about did not occur');
    assert.deepEqual(seen.filter((s) => !s.followed), [], 'on these switches the extension still had the old file when the tab event came');
  });

  it('describes an upstream file: owners with team names and contacts, the rule, practices and etiquette', async () => {
    const main = folders.main();
    const tree = await thisFile(uriIn(main, CLIENT), CLIENT);
    assert.deepEqual(labels(tree), ['Upstream', 'You', 'Owners', 'Rule', 'Practices', 'Etiquette for changing their code']);
    const situation = find(tree, 'Upstream');
    assert.match(situation.description ?? '', /^Someone else owns this: Payments \(@acme\/payments\), Alice /);
    assert.equal(situation.children.length, 1, 'the rubric advice for upstream code');

    const payments = find(tree, 'Owners', 'Payments');
    assert.equal(payments.description, '@acme/payments');
    assert.equal(find(payments.children, 'Contact').description, '#payments-eng');
    const runbook = find(payments.children, 'runbook');
    assert.equal(runbook.command?.command, 'vscode.open');
    assert.equal(String(runbook.command?.arguments?.[0]), 'https://example.invalid/payments/runbook');

    const rule = find(tree, 'Rule');
    assert.equal(rule.description, '/services/payments/  ·  .github/CODEOWNERS:3');
    assert.equal(rule.command?.command, 'ownershipLens.openRule');
    assert.deepEqual(rule.command?.arguments, [{ file: path.join(main.uri.fsPath, '.github', 'CODEOWNERS'), line: 3 }]);

    assert.deepEqual(labels(find(tree, 'Practices').children), ['Payments', 'Payments service', 'Contributing guide']);
    assert.deepEqual(labels(find(tree, 'Practices', 'Payments').children), ['Amounts are integers in minor units.']);
    assert.deepEqual(labels(find(tree, 'Practices', 'Payments service').children), ['Run the contract tests before asking for review.']);
    assert.equal(find(tree, 'Practices', 'Contributing guide').description, 'services/payments/CONTRIBUTING.md');

    const etiquette = labels(find(tree, 'Etiquette for changing their code').children);
    assert.ok(etiquette.length >= 2, JSON.stringify(etiquette));
    assert.equal(etiquette.at(-1), 'Tell #payments-eng before a large change.', 'the repository extends the rubric etiquette');
  });

  it("opens CODEOWNERS at the rule's line from the Rule item", async () => {
    const main = folders.main();
    const tree = await thisFile(uriIn(main, CLIENT), CLIENT);
    const rule = find(tree, 'Rule');
    await vscode.commands.executeCommand(rule.command!.command, ...(rule.command!.arguments ?? []));
    const editor = await waitFor('CODEOWNERS to be the active editor', () => {
      const e = vscode.window.activeTextEditor;
      return e && path.basename(e.document.uri.fsPath) === 'CODEOWNERS' ? e : undefined;
    });
    assert.equal(editor.selection.active.line, 2);
    assert.match(editor.document.lineAt(2).text, /^\/services\/payments\/\s+@acme\/payments @alice$/);
  });

  it('says a file is mine, and why, when git user.email is a member of the owning team', async () => {
    const tree = await thisFile(uriIn(folders.main(), CHECKOUT), CHECKOUT);
    assert.deepEqual(labels(tree), ['Yours', 'You', 'Owner', 'Rule', 'Practices']);
    assert.equal(find(tree, 'Yours').description, 'You own this, as @acme/platform (you are a member, as test.user@acme.example).');
    assert.equal(find(tree, 'Owner', 'Platform').description, '@acme/platform · you');
  });

  it('says a file is unowned when its rule names no owners', async () => {
    const tree = await thisFile(uriIn(folders.main(), LEGACY), LEGACY);
    assert.equal(find(tree, 'Unowned').description, 'Nobody owns this: the rule at .github/CODEOWNERS:5 names no owners.');
    assert.ok(!labels(tree).includes('Owners'));
  });

  it('takes handles from the ownershipLens.me setting, live', async () => {
    const restore = await withSetting('ownershipLens.me', ['@acme/payments']);
    try {
      const api = await lens();
      await open(uriIn(folders.main(), CLIENT));
      await waitFor('the setting to make the file mine', async () => find(await snapshot(api.views.thisFile.provider), 'Yours'));
      const tree = await snapshot(api.views.thisFile.provider);
      assert.equal(find(tree, 'Yours').description, 'You own this, as @acme/payments (one of your handles in the ownershipLens.me setting).');
    } finally {
      await restore();
    }
    await thisFile(uriIn(folders.main(), CLIENT), CLIENT).then((tree) => find(tree, 'Upstream'));
  });
});

describe('Rubric', () => {
  it('lists the L4 expectations that matter for upstream code first, each with its text, prompts and examples', async () => {
    const api = await lens();
    await thisFile(uriIn(folders.main(), CLIENT), CLIENT);
    const rubric = (await api.model.rubricFor(uriIn(folders.main(), CLIENT))).rubric;
    assert.equal(rubric.id, 'l4-holistic-ownership');
    const upstream = rubric.expectations.filter((e) => e.situations.includes('upstream')).map((e) => e.title);
    assert.ok(upstream.length > 0 && upstream.length < rubric.expectations.length);

    let tree: TreeSnapshot[] = [];
    await waitFor('the Rubric view to order for upstream code', async () => {
      tree = await snapshot(api.views.rubric.provider);
      return tree[0]?.description === 'matters here';
    });
    assert.deepEqual(labels(tree.slice(0, upstream.length)), upstream);
    assert.ok(tree.slice(0, upstream.length).every((n) => n.description === 'matters here' && n.icon === 'star-full'));
    assert.ok(tree.slice(upstream.length).every((n) => n.description === undefined));
    assert.equal(api.views.rubric.view.description, `${rubric.title} · ${rubric.level}`);
    assert.equal(api.views.rubric.view.message, `${upstream.length} of ${rubric.expectations.length} matter for code someone else owns; they come first.`);

    const first = tree[0];
    assert.equal(first.contextValue, 'expectation');
    const expectation = rubric.expectations.find((e) => e.title === first.label)!;
    assert.equal(first.children[0].label, expectation.text);
    assert.deepEqual(labels(find(tree, first.label, 'Ask yourself').children), expectation.ask);
  });

  it('switches to the L6 rubric with Select Rubric, and back', async () => {
    const api = await lens();
    await thisFile(uriIn(folders.main(), CLIENT), CLIENT);
    try {
      await vscode.commands.executeCommand('ownershipLens.selectRubric', 'l6');
      await waitFor('the Rubric view to show L6', async () => {
        await snapshot(api.views.rubric.provider);
        return /Staff/.test(api.views.rubric.view.description ?? '');
      }, { describe: () => api.views.rubric.view.description });
      const tree = await snapshot(api.views.rubric.provider);
      assert.ok(labels(tree).includes('Circles of ownership'));
    } finally {
      await vscode.workspace.getConfiguration('ownershipLens').update('rubric', undefined, vscode.ConfigurationTarget.Global);
    }
    await waitFor('the Rubric view to show L4 again', async () => {
      await snapshot(api.views.rubric.provider);
      return /L4/.test(api.views.rubric.view.description ?? '');
    });
  });
});

describe('Status bar', () => {
  it("shows the active file's owners behind its situation icon, with an id", async () => {
    const api = await lens();
    const item = api.statusBar.item;
    assert.equal(item.id, 'ownershipLens.owners');
    await open(uriIn(folders.main(), CLIENT));
    await waitFor('the status bar to show the payments owners', () => statusOwners(item.text) === '$(organization) @acme/payments +1', { describe: () => item.text });
    const tooltip = unescapeMarkdown((item.tooltip as vscode.MarkdownString).value);
    assert.match(tooltip, /^\*\*Upstream\*\*: Someone else owns this: Payments \(@acme\/payments\), Alice .*\n\nRule \/services\/payments\/ at \.github\/CODEOWNERS:3\n/);
    assert.equal(item.command && typeof item.command !== 'string' ? item.command.command : item.command, 'ownershipLens.thisFile.focus');

    await open(uriIn(folders.main(), CHECKOUT));
    await waitFor('the status bar to show a file of mine', () => statusOwners(item.text) === '$(home) @acme/platform', { describe: () => item.text });
    await open(uriIn(folders.main(), LEGACY));
    await waitFor('the status bar to show an unowned file', () => statusOwners(item.text) === '$(question) no owner', { describe: () => item.text });
  });

  it('hides with ownershipLens.statusBar.enabled = false', async () => {
    const api = await lens();
    await open(uriIn(folders.main(), CLIENT));
    await waitFor('the status bar item to show', () => api.statusBar.item.text.includes('@acme/payments'));
    const restore = await withSetting('ownershipLens.statusBar.enabled', false);
    try {
      await waitFor('the status bar item to hide', () => !api.statusBar.visible);
    } finally {
      await restore();
    }
    await waitFor('the status bar item to show again', () => api.statusBar.visible);
  });
});

describe('Explorer decorations', () => {
  it('badges files that are mine (⌂), upstream (↑) or unowned (?), with the owners in the tooltip', async () => {
    const api = await lens();
    const main = folders.main();
    const decoration = (rel: string) => api.decorations.provideFileDecoration(uriIn(main, rel));
    assert.deepEqual(pick(await decoration(CLIENT)), { badge: '↑', tooltip: 'Upstream: Payments (@acme/payments), Alice <img src=x onerror=alert(1)> [run](command:workbench.action.quit) $(bug) **bold** (@alice)' });
    assert.deepEqual(pick(await decoration(CHECKOUT)), { badge: '⌂', tooltip: 'Yours: Platform (@acme/platform)' });
    assert.deepEqual(pick(await decoration(LEGACY)), { badge: '?', tooltip: 'Unowned' });
    assert.equal(await decoration('services'), undefined, 'folders get no badge');
  });

  it('are off with ownershipLens.decorations.enabled = false', async () => {
    const api = await lens();
    const restore = await withSetting('ownershipLens.decorations.enabled', false);
    try {
      assert.equal(await api.decorations.provideFileDecoration(uriIn(folders.main(), CLIENT)), undefined);
    } finally {
      await restore();
    }
    assert.equal((await api.decorations.provideFileDecoration(uriIn(folders.main(), CLIENT)))?.badge, '↑');
  });
});

function pick(d: vscode.FileDecoration | undefined) {
  return d && { badge: d.badge, tooltip: d.tooltip };
}
