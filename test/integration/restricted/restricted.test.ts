// Restricted Mode in the real editor: a workspace that was never trusted (the server keeps
// Workspace Trust on, test/integration/restrictedFixture.mjs made the world). The extension
// still reads owners from the files, but runs no git process (a repository's .git/config can
// make git run programs: here core.fsmonitor, which would leave a marker), writes nothing, and
// ignores the workspace's rubric and codeownersPath settings, which point outside it.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { find, folder, hoverAt, lens, open, snapshot, statusOwners, thisFile, uriIn, withSetting, type TreeSnapshot } from '../suite/ownership';
import { waitFor } from '../suite/waitFor';
import { extensionId, manifest } from '../suite/workspace';

interface RestrictedFixture {
  repo: string;
  starter: string;
  outsideRubric: string;
  outsideCodeowners: string;
  fsmonitorMarker: string;
  gitBin: string;
  gitLog: string;
  foreignHook: string;
  hookFiles: string[];
  staged: string;
}

const fixtureFile = process.env.OWNERSHIP_LENS_RESTRICTED_FIXTURE;
if (!fixtureFile) throw new Error('OWNERSHIP_LENS_RESTRICTED_FIXTURE is not set: run this suite through test/integration/run.mjs');
const facts: RestrictedFixture = JSON.parse(fs.readFileSync(fixtureFile, 'utf8'));

const CHARGE = 'src/payments/charge.ts';
const APP = 'src/web/app.ts';
const GUIDE = 'docs/guide.md';
const L4 = 'Holistic Ownership · Senior Software Engineer (L4)';
const TRUST_MESSAGE = 'Trust this workspace to see what is staged: Ownership Lens runs no git until then.';

const repo = () => folder('repo');
const inRepo = (rel: string) => uriIn(repo(), rel);
const lines = (file: string) => (fs.existsSync(file) ? fs.readFileSync(file, 'utf8').split('\n').filter(Boolean) : []);
/** Every git process started in the window so far: the wrapper logs `cwd<TAB>args`. */
const gitCalls = () => lines(facts.gitLog);
const hooksDir = () => path.join(facts.repo, '.git', 'hooks');

/** Our diagnostics in `uri` as [code, line] (0-based). */
const ours = (uri: vscode.Uri) =>
  vscode.languages
    .getDiagnostics(uri)
    .filter((d) => d.source === 'Ownership Lens')
    .map((d) => [String(d.code), d.range.start.line] as const)
    .sort((a, b) => a[1] - b[1]);

/** Titles of the tests after which the wrapper had logged git calls: names the surface that ran git. */
const gitSeenAfter: string[] = [];

describe('Restricted Mode (a workspace that was never trusted)', function () {
  afterEach(function () {
    if (gitCalls().length > 0 && gitSeenAfter.length === 0) gitSeenAfter.push(this.currentTest?.fullTitle() ?? '?');
  });

  it('opens the workspace untrusted, and the extension (limited support) activates there', async () => {
    assert.equal(vscode.workspace.isTrusted, false, 'the window must be in Restricted Mode');
    assert.equal(manifest.capabilities.untrustedWorkspaces.supported, 'limited');
    const extension = vscode.extensions.getExtension(extensionId);
    assert.ok(extension, `${extensionId} is not loaded`);
    await waitFor(`${extensionId} to activate`, () => extension.isActive);
  });

  it('finds git on the PATH only as the logging wrapper, so a git call anywhere is seen', () => {
    const first = (process.env.PATH ?? '').split(path.delimiter).find((dir) => dir && fs.existsSync(path.join(dir, 'git')));
    assert.equal(first, facts.gitBin, `git resolves to ${first}; PATH is ${process.env.PATH}`);
    assert.deepEqual(gitCalls(), [], 'no git call before the tests');
    assert.equal(fs.existsSync(facts.fsmonitorMarker), false, 'the runner removes the marker of its positive control');
  });

  it('This File shows the owners from CODEOWNERS and ownership.yml, and git is not asked who I am', async () => {
    const api = await lens();
    const charge = await thisFile(inRepo(CHARGE), CHARGE);
    assert.match(find(charge, 'Upstream').description ?? '', /^Someone else owns this: Payments \(@acme\/payments\)/);
    const payments = find(charge, 'Owner', 'Payments');
    assert.equal(payments.description, '@acme/payments');
    assert.equal(find(payments.children, 'Contact').description, '#payments-eng');
    assert.equal(find(charge, 'Rule').description, '/src/payments/  ·  .github/CODEOWNERS:4');
    assert.deepEqual(find(charge, 'Practices', 'Payments').children.map((n) => n.label), ['Amounts are integers in minor units.']);

    // git user.email is a member of Web, so with git this file would be "Yours".
    const app = await thisFile(inRepo(APP), APP);
    assert.equal(app[0].label, 'Upstream', JSON.stringify(app.map((n) => n.label)));
    assert.equal(find(app, 'Owner', 'Web').description, '@acme/web');
    const state = await api.model.repositoryFor(inRepo(APP));
    assert.equal(state?.usedGit, false, 'git must not be asked for user.email');
  });

  it('the status bar shows the owners of the active file', async () => {
    const api = await lens();
    await open(inRepo(CHARGE));
    await waitFor('the status bar to show Payments', () => statusOwners(api.statusBar.item.text) === '$(organization) @acme/payments', { describe: () => api.statusBar.item.text });
    assert.ok(!api.statusBar.item.text.includes('upstream'), `no staged count without git: ${api.statusBar.item.text}`);
  });

  it('a hover over a path shows its owners', async () => {
    const hover = await hoverAt(inRepo(APP), '../payments/charge');
    assert.ok(hover, 'no Ownership Lens hover');
    const paragraphs = hover.text.split('\n\n');
    assert.equal(paragraphs[0], '$(organization) **Upstream** · src/payments/charge.ts');
    assert.ok(paragraphs.includes('$(comment-discussion) Payments (@acme/payments): #payments-eng'), hover.text);
  });

  it('Explorer decorations badge files by owner', async () => {
    const api = await lens();
    const decoration = async (rel: string) => {
      const d = await api.decorations.provideFileDecoration(inRepo(rel));
      return d && { badge: d.badge, tooltip: d.tooltip };
    };
    assert.deepEqual(await decoration(CHARGE), { badge: '↑', tooltip: 'Upstream: Payments (@acme/payments)' });
    assert.deepEqual(await decoration(APP), { badge: '↑', tooltip: 'Upstream: Web (@acme/web)' }, 'not ⌂: that needs git user.email');
    assert.deepEqual(await decoration(GUIDE), { badge: '?', tooltip: 'Unowned' });
  });

  it('opening CODEOWNERS gives the parse diagnostics, and none of those that need git ls-files', async () => {
    const api = await lens();
    const uri = inRepo('.github/CODEOWNERS');
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc, { preview: false });
    assert.equal(doc.languageId, 'codeowners');
    const state = await api.codeowners.analysis.whenAnalysed(doc);
    assert.ok(state?.settled, 'the analysis settles without git');
    assert.ok(state.analysis === undefined, 'no analysis against the tracked files');
    // Trusted, line 6 (/nothing-here/) would also be `no-match`.
    const expected = [['duplicate-pattern', 3], ['invalid-owner', 4]];
    await waitFor('the parse diagnostics', () => JSON.stringify(ours(uri)) === JSON.stringify(expected), { describe: () => ours(uri) });
    const lenses = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri)) ?? [];
    assert.deepEqual(lenses.map((l) => l.command?.title), [], 'rule counts need the tracked files');
  });

  it('Before You Commit says trust is needed and follows nothing, though a change is staged', async () => {
    const api = await lens();
    const { staged } = api.beforeCommit;
    assert.equal(staged.state, 'untrusted');
    let tree: TreeSnapshot[] = [];
    await waitFor('the view to say why it is empty', async () => {
      tree = await snapshot(api.views.beforeCommit.provider);
      return api.views.beforeCommit.view.message === TRUST_MESSAGE;
    }, { describe: () => api.views.beforeCommit.view.message });
    assert.deepEqual(tree, []);
    assert.deepEqual(staged.roots, [], 'no repository followed');
    assert.equal(staged.sourceKind, undefined);
    assert.equal(staged.upstreamCount, 0, `${facts.staged} is staged, but nothing may read the index`);
  });

  it('Install and Remove Pre-commit Reminder write nothing: the foreign hook stays byte for byte', async () => {
    const { hooks } = (await lens()).beforeCommit;
    const asked: string[] = [];
    const confirm = hooks.confirm;
    // Were the trust check missing, a "yes" would let Install write the hook.
    hooks.confirm = async (message) => (asked.push(message), true);
    try {
      assert.equal(await vscode.commands.executeCommand('ownershipLens.installPrecommitReminder', inRepo(CHARGE)), undefined);
      assert.equal(await vscode.commands.executeCommand('ownershipLens.installPrecommitReminder'), undefined);
      assert.equal(await vscode.commands.executeCommand('ownershipLens.removePrecommitReminder', inRepo(CHARGE)), undefined);
      assert.deepEqual(await hooks.repair([facts.repo]), [], 're-pointing hooks writes too');
    } finally {
      hooks.confirm = confirm;
    }
    assert.deepEqual(asked, [], 'never got as far as asking');
    assert.deepEqual(fs.readdirSync(hooksDir()).sort(), facts.hookFiles, 'no new file in .git/hooks');
    assert.equal(fs.readFileSync(path.join(hooksDir(), 'pre-commit'), 'utf8'), facts.foreignHook);
    assert.equal(fs.statSync(path.join(hooksDir(), 'pre-commit')).mode & 0o777, 0o755);
  });

  it('Create Starter CODEOWNERS writes nothing in a repository without one', async () => {
    const starter = folder('starter');
    const before = fs.readdirSync(facts.starter).sort();
    const created = await vscode.commands.executeCommand('ownershipLens.createStarterFiles', starter.uri);
    assert.equal(created, undefined);
    assert.deepEqual(fs.readdirSync(facts.starter).sort(), before);
    assert.equal(fs.existsSync(path.join(facts.starter, '.github')), false);
  });

  it("shows the bundled L4 rubric, not the one the workspace's settings name outside it", async () => {
    const api = await lens();
    const settings = JSON.parse(fs.readFileSync(path.join(facts.repo, '.vscode', 'settings.json'), 'utf8'));
    assert.equal(settings['ownershipLens.rubric'], facts.outsideRubric, 'the workspace does ask for the outside rubric');
    await thisFile(inRepo(CHARGE), CHARGE);
    const rubric = await api.model.rubricFor(inRepo(CHARGE));
    assert.equal(rubric.rubric.id, 'l4-holistic-ownership');
    assert.equal(rubric.customFile, undefined);
    await waitFor('the Rubric view to show L4', async () => {
      await snapshot(api.views.rubric.provider);
      return api.views.rubric.view.description === L4;
    }, { describe: () => api.views.rubric.view.description });

    // The same file as the user's own choice is read (user settings are not restricted): so
    // the file is a valid rubric, and the view would show it.
    const restore = await withSetting('ownershipLens.rubric', facts.outsideRubric);
    try {
      await waitFor('the Rubric view to show the user-chosen rubric', async () => {
        await snapshot(api.views.rubric.provider);
        return api.views.rubric.view.description?.startsWith('Outside Rubric · ');
      }, { describe: () => api.views.rubric.view.description });
    } finally {
      await restore();
    }
    await waitFor('the Rubric view to show L4 again', async () => {
      await snapshot(api.views.rubric.provider);
      return api.views.rubric.view.description === L4;
    }, { describe: () => api.views.rubric.view.description });
  });

  it("ignores the workspace's codeownersPath", async () => {
    const api = await lens();
    const settings = JSON.parse(fs.readFileSync(path.join(facts.repo, '.vscode', 'settings.json'), 'utf8'));
    assert.equal(settings['ownershipLens.codeownersPath'], facts.outsideCodeowners, 'the workspace does name another CODEOWNERS');
    const owners = async () => (await api.model.lookup(inRepo(CHARGE)))?.owners;
    assert.deepEqual(await owners(), ['@acme/payments']);
    assert.equal((await api.model.repositoryFor(inRepo(CHARGE)))?.ownership.file, '.github/CODEOWNERS');

    // As a user setting it applies: the outside file would take every path.
    const restore = await withSetting('ownershipLens.codeownersPath', facts.outsideCodeowners);
    try {
      await waitFor('the user-chosen CODEOWNERS to apply', async () => JSON.stringify(await owners()) === '["@outside/takeover"]');
    } finally {
      await restore();
    }
    await waitFor('.github/CODEOWNERS to apply again', async () => JSON.stringify(await owners()) === '["@acme/payments"]');
  });

  it('ran no git at all: no call logged and no fsmonitor marker, once every surface has answered again', async () => {
    const api = await lens();
    // Everything that would run git if trust were not checked: a refresh of the model (git
    // user.email), the teams (membership), the map (git ls-files), the hook commands (git
    // rev-parse) and the staged changes (git diff --cached, which runs core.fsmonitor).
    await vscode.commands.executeCommand('ownershipLens.refresh');
    await vscode.commands.executeCommand('ownershipLens.refreshTeams');
    await vscode.commands.executeCommand('ownershipLens.showOwnershipMap');
    await api.beforeCommit.hooks.repaired;
    await api.beforeCommit.staged.updated;
    // Every surface answers again after the refresh (what they say, the tests above check).
    await thisFile(inRepo(APP), APP);
    await waitFor('the status bar to follow', () => api.statusBar.item.text.includes('@acme/web'), { describe: () => api.statusBar.item.text });
    assert.ok(await hoverAt(inRepo(APP), '../payments/charge'));
    assert.ok(await api.decorations.provideFileDecoration(inRepo(APP)));
    for (const f of [repo(), folder('starter')]) assert.ok(await api.model.repositoryFor(f.uri));
    const doc = await vscode.workspace.openTextDocument(inRepo('.github/CODEOWNERS'));
    assert.ok((await api.codeowners.analysis.whenAnalysed(doc))?.settled);
    await snapshot(api.views.beforeCommit.provider);

    // Both traces at once: which git ran, and whether the repository's program ran.
    const traces = { gitCalls: gitCalls(), fsmonitorRanIn: lines(facts.fsmonitorMarker) };
    assert.deepEqual(traces, { gitCalls: [], fsmonitorRanIn: [] }, `git ran (first seen after: ${gitSeenAfter[0] ?? 'this test'})`);
    assert.equal(fs.existsSync(facts.fsmonitorMarker), false);
    // VS Code's own Git extension declares no support for untrusted workspaces, so VS Code does
    // not even load it here (it would run git status, and so core.fsmonitor): the traces above
    // could only have been ours, and it did not need disabling.
    const builtInGit = vscode.extensions.getExtension('vscode.git');
    assert.ok(!builtInGit?.isActive, 'the built-in Git extension is active');
  });
});
