// The surfaces when git cannot help or is unusual: not on the PATH of the extension host, a
// linked worktree (a .git file), a detached HEAD. Owners come from the files either way; what
// needs git (who I am from user.email) says why it is missing, and comes back once git does.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { git } from './gitCli';
import { find, folders, labels, lens, statusOwners, thisFile, uriIn, type TreeSnapshot } from './ownership';
import { waitFor } from './waitFor';

// Owned by @acme/platform, whose member is the fixture's git user.email: mine only through git.
const CHECKOUT = 'web/checkout.ts';

/** This File for the main folder's CHECKOUT once the model has read everything again and `ready` holds. */
async function refreshedThisFile(ready: (tree: TreeSnapshot[]) => boolean): Promise<TreeSnapshot[]> {
  await vscode.commands.executeCommand('ownershipLens.refresh');
  return thisFile(uriIn(folders.main(), CHECKOUT), CHECKOUT, ready);
}

describe('git missing or in an unusual state', () => {
  it('git missing from the PATH: owners still shown, You says git was not found, and all of it comes back with git', async () => {
    const tree = await thisFile(uriIn(folders.main(), CHECKOUT), CHECKOUT);
    assert.equal(labels(tree)[0], 'Yours', 'mine through git user.email before the test');
    const saved = process.env.PATH;
    // A PATH with everything but git: the extension's own git processes cannot start.
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'ownership-lens-no-git-'));
    process.env.PATH = empty;
    try {
      const without = await refreshedThisFile((t) => t[0]?.label === 'Upstream');
      assert.equal(find(without, 'Owner', 'Platform').description, '@acme/platform');
      const gitNode = find(without, 'You', 'git');
      assert.match(gitNode.description ?? '', /^git was not found on the PATH: who you are comes from ownershipLens\.me and ownership\.yml alone/);
      assert.equal(gitNode.icon, 'warning');
      const api = await lens();
      // Upstream now (no git, no user.email): the icon says so, the owners stay.
      await waitFor('the status bar to show the owners without git', () => statusOwners(api.statusBar.item.text) === '$(organization) @acme/platform', { describe: () => api.statusBar.item.text });
    } finally {
      process.env.PATH = saved;
      fs.rmSync(empty, { recursive: true, force: true });
    }
    const back = await refreshedThisFile((t) => t[0]?.label === 'Yours');
    assert.ok(!find(back, 'You').children.some((c) => c.label === 'git'), 'the git warning went with the fault');
  });

  it('a linked worktree (its .git a file pointing into the main repository): its own root, the same owners and "mine"', async () => {
    const root = folders.main().uri.fsPath;
    const parent = fs.mkdtempSync(path.join(os.tmpdir(), 'ownership-lens-worktree-'));
    const worktree = path.join(parent, 'linked tree');
    git(root, 'worktree', 'add', '--quiet', '--detach', worktree);
    try {
      assert.ok(fs.statSync(path.join(worktree, '.git')).isFile(), 'a worktree has a .git file');
      const uri = vscode.Uri.file(path.join(worktree, ...CHECKOUT.split('/')));
      const tree = await thisFile(uri, CHECKOUT);
      assert.equal(labels(tree)[0], 'Yours', JSON.stringify(labels(tree)));
      assert.equal(find(tree, 'Owner', 'Platform').description, '@acme/platform · you');
      const api = await lens();
      const lookup = await api.model.lookup(uri);
      assert.equal(lookup?.repo.root, worktree, 'the worktree is its own repository root');
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      git(root, 'worktree', 'remove', '--force', worktree);
      fs.rmSync(parent, { recursive: true, force: true });
    }
  });

  it('a detached HEAD: the same owners and the same "mine", and back on the branch after', async () => {
    const root = folders.main().uri.fsPath;
    const branch = git(root, 'rev-parse', '--abbrev-ref', 'HEAD').trim();
    // The fixture's staged changes stay staged: detaching moves HEAD, not the index.
    git(root, 'checkout', '--quiet', '--detach');
    try {
      assert.equal(git(root, 'rev-parse', '--abbrev-ref', 'HEAD').trim(), 'HEAD', 'detached');
      const tree = await refreshedThisFile((t) => t[0]?.label === 'Yours');
      assert.equal(find(tree, 'Owner', 'Platform').description, '@acme/platform · you');
      assert.ok(!find(tree, 'You').children.some((c) => c.label === 'git'), 'git ran: no warning');
    } finally {
      git(root, 'checkout', '--quiet', branch);
    }
    await refreshedThisFile((t) => t[0]?.label === 'Yours');
  });
});
