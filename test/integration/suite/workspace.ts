// What the tests know about the world they run in: the fixture (fixture.json, shared with
// the runner that creates it) and this extension's manifest.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import manifest from '../../../package.json';
import fixture from '../fixture.json';

export { fixture, manifest };

export const extensionId = `${manifest.publisher}.${manifest.name}`;

export function fixtureFolder(): vscode.WorkspaceFolder {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the test window has no workspace folder');
  return folder;
}
