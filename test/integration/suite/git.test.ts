import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Change, GitExtension, Repository } from './gitApi';
import { waitFor } from './waitFor';
import { fixture, fixtureFolder } from './workspace';

// The repository the git extension opened at the workspace root, once it has.
async function fixtureRepository(): Promise<Repository> {
  const extension = vscode.extensions.getExtension<GitExtension>('vscode.git');
  assert.ok(extension, 'the built-in git extension is missing');
  const git = (await extension.activate()).getAPI(1);
  const root = fixtureFolder().uri.fsPath;
  return waitFor('a git repository at the workspace root', () => git.repositories.find((r) => r.rootUri.fsPath === root), {
    describe: () => git.repositories.map((r) => r.rootUri.fsPath),
  });
}

describe('The built-in git extension (vscode.git, getAPI(1)) on the fixture repository', () => {
  it('finds the repository at the workspace root, on its branch', async () => {
    const repository = await fixtureRepository();
    await waitFor('HEAD to be read', () => repository.state.HEAD?.commit);
    assert.equal(repository.state.HEAD?.name, fixture.plan.branch);
  });

  it("reports the fixture's staged and unstaged changes, unicode file names included", async () => {
    const repository = await fixtureRepository();
    const rel = (changes: Change[]) => changes.map((c) => path.relative(repository.rootUri.fsPath, c.uri.fsPath).split(path.sep).join('/')).sort();
    const expected = (staged: boolean) => fixture.plan.changes.filter((c) => c.stage === staged).map((c) => c.path).sort();
    const seen = () => ({ staged: rel(repository.state.indexChanges), unstaged: rel(repository.state.workingTreeChanges) });
    const want = { staged: expected(true), unstaged: expected(false) };
    await waitFor('git status to match the fixture', () => JSON.stringify(seen()) === JSON.stringify(want), { describe: seen });
    assert.deepEqual(seen(), want);
  });
});
