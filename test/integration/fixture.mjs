// The workspace the integration tests open: test/integration/fixture-repo/ copied into a
// folder whose name has a space and a unicode character, with the history and the staged
// and unstaged changes that fixture.json describes (the suite reads the same file).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createGitWorkspace } from '../../scripts/vscode/gitWorkspace.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
export const fixture = JSON.parse(readFileSync(path.join(here, 'fixture.json'), 'utf8'));

/** Creates the fixture repository inside `parent` and returns its path. */
export function createFixtureWorkspace(parent) {
  const workspace = path.join(parent, fixture.workspaceName);
  createGitWorkspace(path.join(here, 'fixture-repo'), workspace, fixture.plan);
  return workspace;
}
