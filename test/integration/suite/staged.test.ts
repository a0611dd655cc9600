// Before You Commit: files staged with real git in the fixture repositories, followed through
// the built-in Git extension, grouped by owner in the view, counted in the status bar, and
// announced by one notification per newly staged component someone else owns. Then the
// pre-commit hook commands, and the fallback that reads the index itself.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { hookStatus, installHook } from '../../../src/core/hooks/install';
import { readHookScript } from '../../../src/core/hooks/script';
import { Commands } from '../../../src/extension/constants';
import { NotificationButtons, type Notify } from '../../../src/extension/staged/stagedNotifier';
import { GitCliSource } from '../../../src/extension/staged/stagedSources';
import { find, folders, labels, lens, snapshot, withSetting, type TreeSnapshot } from './ownership';
import { GIT_ENV, git } from './gitCli';
import { waitFor } from './waitFor';
import { extensionId } from './workspace';


async function reminders() {
  return (await lens()).beforeCommit;
}

/** The Before You Commit tree, once `ready` says it shows what the test staged. */
async function viewUntil(what: string, ready: (tree: TreeSnapshot[]) => boolean): Promise<TreeSnapshot[]> {
  const api = await lens();
  let tree: TreeSnapshot[] = [];
  await waitFor(what, async () => ready((tree = await snapshot(api.views.beforeCommit.provider, undefined, 5))), { describe: () => summary(tree) });
  return tree;
}

const inGitlab = (tree: TreeSnapshot[]) => tree.find((n) => n.label === 'gitlab mono')?.children ?? [];
const hasVendoring = (tree: TreeSnapshot[]) => inGitlab(tree).some((g) => g.label === '@acme/vendoring');

const summary = (tree: TreeSnapshot[]): unknown => tree.map((n) => ({ [n.label]: n.description, children: n.children.length > 0 ? summary(n.children) : undefined }));
const files = (group: TreeSnapshot) => find(group.children, 'Files').children.map((f) => [f.label, f.description]).sort();

describe('Before You Commit', function () {
  let gitlab: string;
  let main: string;
  /** Captured notifications (the extension's `notify` is replaced for the suite). */
  let shown: { message: string; buttons: string[] }[];
  let answer: string | undefined;
  let restoreNotify: Notify;

  before(async () => {
    gitlab = folders.gitlab().uri.fsPath;
    main = folders.main().uri.fsPath;
    const { notifier, staged } = await reminders();
    await waitFor('the Git extension to be followed', () => staged.sourceKind === 'git-extension', { describe: () => staged.state });
    // The fixture repository stages two files others own: wait until they are seen, so that
    // their notification (at startup) is behind us.
    await waitFor('the fixture repository staged changes', () => staged.repositories.some((r) => r.root === main));
    restoreNotify = notifier.notify;
    shown = [];
    notifier.notify = async (message, ...buttons) => {
      shown.push({ message, buttons });
      return answer;
    };
  });

  /**
   * Stages in the GitLab repository the changes the tests below read (two changes, a rename, a
   * deletion, a new file), unless they already are: each test that reads them calls this, so
   * that any one of them can run alone (OWNERSHIP_LENS_IT_GREP). False when they already were.
   */
  function stageGitlabChanges(): boolean {
    if (fs.existsSync(path.join(gitlab, 'apps/web app/src/schema.ts'))) return false;
    fs.appendFileSync(path.join(gitlab, 'apps/api/schema.sql'), '-- staged by the test\n');
    fs.appendFileSync(path.join(gitlab, 'apps/web app/src/main.ts'), '// staged by the test\n');
    fs.renameSync(path.join(gitlab, 'apps/api/schema.ts'), path.join(gitlab, 'apps/web app/src/schema.ts'));
    fs.rmSync(path.join(gitlab, 'docs/résumé.md'));
    fs.mkdirSync(path.join(gitlab, 'tools'));
    fs.writeFileSync(path.join(gitlab, 'tools/run.sh'), 'echo run\n');
    git(gitlab, 'add', '-A', '--', 'apps', 'docs', 'tools');
    return true;
  }

  /** stageGitlabChanges, and when it staged them, their notification behind us. */
  async function withGitlabChangesStaged(): Promise<void> {
    const before = shown.length;
    if (!stageGitlabChanges()) return;
    await viewUntil('the GitLab repository\'s staged groups', (t) => inGitlab(t).length >= 5);
    await waitFor('their notification', () => shown.length > before, { describe: () => shown });
  }

  // A notification is answered only by the test that says how (else one test's "Stop
  // Reminding" would mute what the next one stages).
  beforeEach(() => {
    answer = undefined;
  });

  after(async () => {
    const { notifier } = await reminders();
    notifier.notify = restoreNotify;
    await notifier.unmuteAll();
    // Back to the fixture as it was: nothing staged in the GitLab repository.
    git(gitlab, 'reset', '-q');
    git(gitlab, 'checkout', '-q', 'HEAD', '--', 'apps', 'docs');
    for (const p of ['apps/web app/src/schema.ts', 'apps/api/more.sql', 'apps/web app/new.ts', 'tools', 'vendor/other.txt']) fs.rmSync(path.join(gitlab, p), { recursive: true, force: true });
    await viewUntil('the GitLab repository to leave the view', (tree) => !tree.some((n) => n.label === 'gitlab mono'));
  });

  it('shows the fixture repository staged upstream files, and their count in the status bar', async () => {
    const api = await lens();
    const tree = await viewUntil('the fixture groups', (t) => t.some((n) => n.label.startsWith('Payments, ')));
    const payments = tree.find((n) => n.label.startsWith('Payments, '));
    assert.ok(payments);
    assert.equal(payments.description, 'Upstream · 1 file');
    assert.deepEqual(files(payments), [['services/payments/charge.go', 'modified']]);
    assert.deepEqual(labels(find(payments.children, 'Practices').children), ['Amounts are integers in minor units.', 'Run the contract tests before asking for review.', 'Contributing guide']);
    assert.deepEqual(find(payments.children, 'Contact').children.map((c) => [c.label, c.description]), [['Payments', '#payments-eng']]);
    assert.ok(find(payments.children, 'Etiquette for changing their code').children.some((e) => e.label === 'Tell #payments-eng before a large change.'));
    assert.ok(find(payments.children, 'Before committing').children.length > 0, 'the rubric commit expectations');
    const cafe = find(tree, '@acme/cafe');
    assert.deepEqual(files(cafe), [['docs/café menu.md', 'modified']]);
    await waitFor('the status bar to count 2 staged upstream paths', () => api.statusBar.item.text.endsWith('$(git-commit) 2 upstream'), { describe: () => api.statusBar.item.text });
  });

  it('copies the staged changes\' owners for a pull request as Markdown: the reviews needed, each group\'s files, what they ask', async () => {
    await viewUntil('the fixture groups', (t) => t.some((n) => n.label.startsWith('Payments, ')));
    const copied = await vscode.commands.executeCommand<string>(Commands.copyReviewRequest);
    assert.equal(await vscode.env.clipboard.readText(), copied);
    const lines = copied.split('\n');
    assert.equal(lines[0], '### Code owners of this change');
    assert.match(lines[2], /^Reviews needed from: .*\\@acme\\\/payments, \\@alice/);
    assert.match(lines[2], /\\@acme\\\/cafe/);
    // Alice's name in ownership.yml is hostile: it is escaped, so it renders as the text it is.
    assert.ok(lines.includes('**Payments \\(\\@acme\\/payments\\)\\, Alice \\<img src\\=x onerror\\=alert\\(1\\)\\> \\[run\\]\\(command\\:workbench\\.action\\.quit\\) \\$\\(bug\\) \\*\\*bold\\*\\* \\(\\@alice\\)** · 1 file'), copied);
    for (const line of ['- services\\/payments\\/charge\\.go', '- Amounts are integers in minor units\\.', 'Contact: Payments, \\#payments\\-eng', '- docs\\/café menu\\.md']) {
      assert.ok(lines.includes(line), `${line} in:\n${copied}`);
    }
  });

  it('stages a rename, a deletion, changes and a new file in a second repository: groups per owner, one notification', async () => {
    const api = await lens();
    const before = shown.length;
    assert.ok(stageGitlabChanges(), 'staged by this test first');

    const tree = await viewUntil('both repositories, the GitLab one with five groups', (t) => inGitlab(t).length === 5);
    assert.deepEqual(labels(tree), ['fixture repo ü', 'gitlab mono']);
    const repo = find(tree, 'gitlab mono');
    assert.deepEqual(labels(repo.children), ['@acme/backend', '@acme/dba', '@acme/docs', 'Nobody owns', 'Yours (maria@acme.example)']);
    // A rename counts for both paths: the old owners see where it went, the new ones where it came from.
    assert.deepEqual(files(find(repo.children, '@acme/backend')), [['apps/api/schema.ts', 'renamed → apps/web app/src/schema.ts']]);
    assert.deepEqual(files(find(repo.children, 'Yours (maria@acme.example)')), [
      ['apps/web app/src/main.ts', 'modified'],
      ['apps/web app/src/schema.ts', 'renamed ← apps/api/schema.ts'],
    ]);
    assert.deepEqual(files(find(repo.children, '@acme/docs')), [['docs/résumé.md', 'deleted']]);
    assert.deepEqual(files(find(repo.children, '@acme/dba')), [['apps/api/schema.sql', 'modified']]);
    const unowned = find(repo.children, 'Nobody owns');
    assert.deepEqual(files(unowned), [['tools/run.sh', 'added']]);
    // A staged file nobody owns offers Add a CODEOWNERS Rule… (inline); one deleted or moved away does not.
    const contextOf = (group: TreeSnapshot) => find(group.children, 'Files').children.map((f) => f.contextValue);
    assert.deepEqual(contextOf(unowned), ['stagedFile.unowned']);
    assert.deepEqual(contextOf(find(repo.children, '@acme/docs')), ['stagedFile.gone']);
    assert.deepEqual(contextOf(find(repo.children, '@acme/dba')), ['stagedFile.upstream']);
    assert.equal(unowned.description, 'Unowned · 1 file');
    assert.ok(find(repo.children, '@acme/docs', 'Etiquette for changing their code').children.length > 0);
    assert.equal(find(repo.children, 'Nobody owns').children.some((c) => c.label === 'Etiquette for changing their code'), false, 'etiquette only when upstream');

    // 2 in the fixture repository, 3 here (the rename's old path, the .sql, the deleted doc).
    await waitFor('the status bar to count 5', () => api.statusBar.item.text.endsWith('$(git-commit) 5 upstream'), { describe: () => api.statusBar.item.text });
    assert.equal(shown.length, before + 1, JSON.stringify(shown));
    assert.equal(shown[before].message, 'Before you commit: you staged changes to code @acme/backend owns: apps/api/schema.ts. And 2 more components someone else owns.');
    assert.deepEqual(shown[before].buttons, [NotificationButtons.practices, NotificationButtons.view, NotificationButtons.stop]);
  });

  it('does not notify again for more files of a component already staged', async () => {
    await withGitlabChangesStaged();
    const before = shown.length;
    fs.writeFileSync(path.join(gitlab, 'apps/api/more.sql'), 'select 1;\n');
    git(gitlab, 'add', '--', 'apps/api/more.sql');
    await viewUntil('more.sql in the DBA group', (t) => {
      const dba = inGitlab(t).find((g) => g.label === '@acme/dba');
      return dba !== undefined && files(dba).length === 2;
    });
    assert.equal(shown.length, before);
  });

  it('Stop Reminding for This is remembered for the workspace; Remind Me Again undoes it', async () => {
    const { notifier } = await reminders();
    const vendored = path.join(gitlab, 'vendor/other.txt');
    const before = shown.length;
    answer = NotificationButtons.stop;
    fs.writeFileSync(vendored, 'vendored\n');
    git(gitlab, 'add', '--', 'vendor/other.txt');
    await waitFor('a notification about @acme/vendoring', () => shown.length === before + 1);
    assert.match(shown[before].message, /code @acme\/vendoring owns: vendor\/other\.txt\.$/);
    await waitFor('the component to be muted', () => notifier.muted().includes('upstream:@acme/vendoring'), { describe: () => notifier.muted() });
    assert.deepEqual(notifier.muted(), ['upstream:@acme/vendoring']);

    // Unstaged and staged again: newly in the staged set, but muted.
    git(gitlab, 'rm', '-q', '--cached', '--', 'vendor/other.txt');
    await viewUntil('the vendoring group to go', (t) => !hasVendoring(t));
    git(gitlab, 'add', '--', 'vendor/other.txt');
    await viewUntil('the vendoring group to come back', hasVendoring);
    assert.equal(shown.length, before + 1);

    await vscode.commands.executeCommand(Commands.remindAgain);
    assert.deepEqual(notifier.muted(), []);
  });

  it('Show Practices lists what the owners ask of contributors', async () => {
    const { notifier, staged } = await reminders();
    const lists: { title: string; items: string[] }[] = [];
    const restoreList = notifier.showList;
    notifier.showList = async (title, items) => (lists.push({ title, items: items.map((i) => [i.label, i.description].filter(Boolean).join(' — ')) }), undefined);
    try {
      answer = NotificationButtons.practices;
      // Not staged (whether the test before staged it or not), then staged: a notification.
      fs.writeFileSync(path.join(gitlab, 'vendor/other.txt'), 'vendored\n');
      git(gitlab, 'rm', '-q', '--cached', '--ignore-unmatch', '--', 'vendor/other.txt');
      await viewUntil('the vendoring group to go', (t) => !hasVendoring(t));
      const before = shown.length;
      git(gitlab, 'add', '--', 'vendor/other.txt');
      await waitFor('a notification about @acme/vendoring', () => shown.length === before + 1);
      await waitFor('its practices to be listed', () => lists.length === 1);
      assert.equal(lists[0].title, 'What @acme/vendoring ask of contributors');
      assert.deepEqual(lists[0].items.slice(0, 2), ['Practices', 'None published: ask the owners before a large change']);
      assert.ok(lists[0].items.includes('Etiquette'));

      // The same list for the fixture repository's payments code, through the command.
      const payments = staged.repositories.find((r) => r.root === main)?.reminders.groups.find((g) => g.owners.includes('@acme/payments'));
      assert.ok(payments);
      await vscode.commands.executeCommand(Commands.showStagedPractices, main, payments.key);
      assert.equal(lists[1].title, 'What Payments (@acme/payments), Alice <img src=x onerror=alert(1)> [run](command:workbench.action.quit) $(bug) **bold** (@alice) ask of contributors');
      assert.deepEqual(lists[1].items.slice(0, 4), ['Practices', '$(check) Amounts are integers in minor units.', '$(check) Run the contract tests before asking for review.', '$(book) Contributing guide — services/payments/CONTRIBUTING.md']);
      assert.ok(lists[1].items.includes('$(comment-discussion) Payments — #payments-eng'));
    } finally {
      notifier.showList = restoreList;
    }
  });

  it('ownershipLens.beforeCommit.notifications = false: no notification', async () => {
    const restore = await withSetting('ownershipLens.beforeCommit.notifications', false);
    try {
      const before = shown.length;
      fs.writeFileSync(path.join(gitlab, 'apps/web app/new.ts'), 'export {};\n');
      git(gitlab, 'add', '--', 'apps/web app/new.ts');
      await viewUntil('the @acme/web group', (t) => inGitlab(t).some((g) => g.label === '@acme/web'));
      assert.equal(shown.length, before);
    } finally {
      await restore();
    }
  });

  describe('pre-commit reminder commands', () => {
    const hook = () => path.join(gitlab, '.git', 'hooks', 'pre-commit');
    let restoreConfirm: (message: string, action: string) => Thenable<boolean>;
    let asked: string[];
    let confirmAnswer: boolean;

    before(async () => {
      const { hooks } = await reminders();
      restoreConfirm = hooks.confirm;
      asked = [];
      hooks.confirm = async (message) => (asked.push(message), confirmAnswer);
    });
    after(async () => {
      (await reminders()).hooks.confirm = restoreConfirm;
      fs.rmSync(hook(), { force: true });
    });

    it('Install asks first; declined, nothing is written', async () => {
      confirmAnswer = false;
      await vscode.commands.executeCommand(Commands.installPrecommitReminder, vscode.Uri.file(gitlab));
      assert.equal(asked.length, 1);
      assert.match(asked[0], /^Install a git pre-commit hook at .*pre-commit\?/);
      assert.equal(fs.existsSync(hook()), false);
    });

    it('Install writes .git/hooks/pre-commit running the bundled CLI; the hook works without the editor; Remove deletes it', async () => {
      const { hooks } = await reminders();
      await withGitlabChangesStaged(); // what the hook's reminder names
      confirmAnswer = true;
      await vscode.commands.executeCommand(Commands.installPrecommitReminder, vscode.Uri.file(gitlab));
      const script = readHookScript(fs.readFileSync(hook(), 'utf8'));
      assert.ok(script?.intact, 'our hook, unedited');
      assert.equal(script.meta.cli, hooks.cli);
      assert.equal(hooks.cli, path.join(vscode.extensions.getExtension(extensionId)?.extensionPath ?? '?', 'dist', 'cli.js'));
      assert.equal(script.meta.node, undefined, 'not the editor runtime');
      assert.equal(fs.statSync(hook()).mode & 0o111, 0o111);

      // Run as git would, from the repository root, with Node on PATH.
      const out = execFileSync(hook(), [], { cwd: gitlab, env: { ...GIT_ENV, PATH: `${path.dirname(process.execPath)}${path.delimiter}${process.env.PATH}` }, encoding: 'utf8' });
      assert.match(out, /@acme\/backend/);
      assert.match(out, /Before you commit/);

      await vscode.commands.executeCommand(Commands.removePrecommitReminder, vscode.Uri.file(gitlab));
      assert.match(asked.at(-1) ?? '', /^Remove the pre-commit reminder from /);
      assert.equal(fs.existsSync(hook()), false);
    });

    it('installs over an existing hook (it runs after ours) and Remove puts it back byte for byte', async () => {
      const theirs = '#!/bin/sh\necho theirs\n';
      fs.writeFileSync(hook(), theirs, { mode: 0o755 });
      await vscode.commands.executeCommand(Commands.installPrecommitReminder, vscode.Uri.file(gitlab));
      assert.match(asked.at(-1) ?? '', /The hook already there is kept and runs after it\./);
      assert.equal(fs.readFileSync(`${hook()}.ownership-lens-chained`, 'utf8'), theirs);
      assert.ok(readHookScript(fs.readFileSync(hook(), 'utf8'))?.intact);
      await vscode.commands.executeCommand(Commands.removePrecommitReminder, vscode.Uri.file(gitlab));
      assert.equal(fs.readFileSync(hook(), 'utf8'), theirs);
      assert.equal(fs.existsSync(`${hook()}.ownership-lens-chained`), false);
      fs.rmSync(hook());
    });

    it('re-points an installed hook whose CLI is gone at the bundled one, keeping --strict', async () => {
      const { hooks } = await reminders();
      const location = { root: gitlab, hooksDir: path.join(gitlab, '.git', 'hooks'), hooksPathConfigured: false };
      installHook(location, { cli: '/nowhere/ownership-lens-0.0.1/dist/cli.js', strict: true, args: ['--me', '@maria'] });
      assert.deepEqual(await hooks.repair([gitlab]), [hook()]);
      const status = hookStatus(location);
      assert.equal(status.state, 'installed');
      assert.ok(status.state === 'installed' && status.cliFound);
      assert.equal(status.meta.cli, hooks.cli);
      assert.equal(status.meta.strict, true);
      assert.deepEqual(status.meta.args, ['--me', '@maria']);
      // Nothing to do the second time.
      assert.deepEqual(await hooks.repair([gitlab]), []);
      await vscode.commands.executeCommand(Commands.removePrecommitReminder, vscode.Uri.file(gitlab));
      assert.equal(fs.existsSync(hook()), false);
    });
  });

  it('without the Git extension: git diff --cached, read again when .git/index changes', async () => {
    await withGitlabChangesStaged();
    fs.writeFileSync(path.join(gitlab, 'apps/api/more.sql'), 'select 1;\n');
    git(gitlab, 'add', '--', 'apps/api/more.sql');
    const source = new GitCliSource([gitlab]);
    try {
      const paths = () => (source.repositories.get(gitlab) ?? []).map((c) => c.path).sort();
      await waitFor('the staged changes read with git', () => paths().includes('apps/api/more.sql'), { describe: paths });
      const rename = source.repositories.get(gitlab)?.find((c) => c.status === 'renamed');
      assert.deepEqual(rename, { status: 'renamed', path: 'apps/web app/src/schema.ts', from: 'apps/api/schema.ts' });
      git(gitlab, 'rm', '-q', '--cached', '--', 'apps/api/more.sql');
      await waitFor('the index change to be followed', () => !paths().includes('apps/api/more.sql'), { describe: paths });
    } finally {
      source.dispose();
    }
  });

  it('without the Git extension, in a git worktree: follows the index in the worktree\'s own git directory', async () => {
    // A worktree's `.git` is a file naming its git directory (under the main repository's
    // `.git/worktrees/`), where its index is: watching `<root>/.git/index` sees nothing.
    const parent = fs.mkdtempSync(path.join(os.tmpdir(), 'ol-worktree-'));
    const main = path.join(parent, 'main');
    const tree = path.join(parent, 'feature');
    fs.mkdirSync(path.join(main, 'apps'), { recursive: true });
    fs.writeFileSync(path.join(main, 'apps', 'app.txt'), 'x\n');
    git(parent, 'init', '-q', main);
    git(main, 'add', '--', 'apps');
    git(main, '-c', 'user.name=Fixture', '-c', 'user.email=fixture@acme.example', 'commit', '-q', '--no-verify', '-m', 'Fixture');
    git(main, 'worktree', 'add', '-q', tree);
    const source = new GitCliSource([tree]);
    try {
      assert.ok(fs.statSync(path.join(tree, '.git')).isFile());
      const paths = () => (source.repositories.get(tree) ?? []).map((c) => c.path);
      await waitFor('the worktree\'s first read', () => source.repositories.has(tree), { describe: () => [...source.repositories.keys()] });
      assert.deepEqual(paths(), []);
      fs.writeFileSync(path.join(tree, 'apps', 'from-worktree.txt'), 'x\n');
      git(tree, 'add', '--', 'apps/from-worktree.txt');
      // The watcher starts a moment after the source follows the repository, and a change made
      // before that is seen by no watcher: the index is changed again about once a second
      // until one is seen. (With `<root>/.git/index` watched, none ever is.)
      let polls = 0;
      const stageAgain = () => {
        fs.appendFileSync(path.join(tree, 'apps', 'from-worktree.txt'), 'y\n');
        git(tree, 'add', '--', 'apps/from-worktree.txt');
      };
      await waitFor(
        'the worktree\'s index change to be followed',
        () => {
          if (++polls % 20 === 0) stageAgain();
          return paths().includes('apps/from-worktree.txt');
        },
        { describe: () => ({ polls, staged: paths() }) },
      );
    } finally {
      source.dispose();
      fs.rmSync(parent, { recursive: true, force: true });
    }
  });
});
