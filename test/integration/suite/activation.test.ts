import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { waitFor } from './waitFor';
import { extensionId, fixture, fixtureFolder, manifest } from './workspace';

const WHO_OWNS = 'ownershipLens.whoOwnsThisFile';

describe('Activation in a workspace with .github/CODEOWNERS', () => {
  it('opens the fixture folder, whose path has a space and a unicode character', async () => {
    const folder = fixtureFolder();
    assert.equal(path.basename(folder.uri.fsPath), fixture.workspaceName);
    const codeowners = await vscode.workspace.fs.stat(vscode.Uri.joinPath(folder.uri, '.github', 'CODEOWNERS'));
    assert.equal(codeowners.type, vscode.FileType.File);
  });

  it('activates through workspaceContains, without any command being run', async () => {
    assert.ok(manifest.activationEvents.includes('workspaceContains:.github/CODEOWNERS'));
    const extension = vscode.extensions.getExtension(extensionId);
    assert.ok(extension, `${extensionId} is not loaded in the extension host`);
    // Nothing in this suite runs a command of ours before this point, so only the
    // workspaceContains event can have activated it.
    await waitFor(`${extensionId} to activate`, () => extension.isActive);
  });

  it(`registers ${WHO_OWNS}`, async () => {
    await waitFor(`${WHO_OWNS} to be registered`, async () => (await vscode.commands.getCommands(true)).includes(WHO_OWNS));
  });

  it('registers every command that package.json declares', async () => {
    const declared = manifest.contributes.commands.map((c) => c.command);
    let missing = declared;
    await waitFor('all declared commands to be registered', async () => {
      const registered = new Set(await vscode.commands.getCommands(true));
      missing = declared.filter((c) => !registered.has(c));
      return missing.length === 0;
    }, { describe: () => ({ missing }) });
  });
});
