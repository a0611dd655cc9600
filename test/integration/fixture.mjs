// The workspace the integration tests open: a multi-root workspace (`fixture.json`, shared
// with the suite) of
//   - test/integration/fixture-repo/ copied into a folder whose name has a space and a unicode
//     character, with the history and the staged and unstaged changes the plan describes;
//   - a GitLab monorepo with sections, a folder with a space, a unicode file name and a nested
//     git repository with its own CODEOWNERS;
//   - a package folder opened below its repository root (CODEOWNERS paths are repo-relative);
//   - a git repository without any CODEOWNERS.
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createGitWorkspace, git } from '../../scripts/vscode/gitWorkspace.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
export const fixture = JSON.parse(readFileSync(path.join(here, 'fixture.json'), 'utf8'));

/** Creates the fixture folders inside `parent`; returns the path of the .code-workspace file. */
export function createFixtureWorkspace(parent) {
  const first = path.join(parent, fixture.workspaceName);
  createGitWorkspace(path.join(here, 'fixture-repo'), first, fixture.plan);
  const folders = [{ path: fixture.workspaceName }];
  for (const spec of Object.values(fixture.folders)) {
    const target = path.join(parent, spec.path);
    mkdirSync(path.dirname(target), { recursive: true });
    cpSync(path.join(here, spec.source), target, { recursive: true });
    initRepository(target, spec.user, spec.commit);
    for (const nested of spec.nestedRepositories ?? []) initRepository(path.join(target, nested));
    folders.push({ path: spec.open ?? spec.path });
  }
  const workspaceFile = path.join(parent, fixture.workspaceFile);
  // The outer repositories of the GitLab folder and the package folder would otherwise make
  // the git extension ask whether to open a parent repository.
  const settings = { 'git.openRepositoryInParentFolders': 'never' };
  writeFileSync(workspaceFile, JSON.stringify({ folders, settings }, null, 2));
  return workspaceFile;
}

/**
 * A repository with no commits is enough for ownership: it needs a `.git`, not a history.
 * `commit` (paths) makes one commit of them, for tests that stage renames and deletions.
 */
export function initRepository(dir, user, commit) {
  git(dir, ['init', '--quiet', '--initial-branch', 'main']);
  if (user) {
    git(dir, ['config', 'user.name', user.name]);
    git(dir, ['config', 'user.email', user.email]);
  }
  if (commit) {
    git(dir, ['add', '--', ...commit]);
    const date = { GIT_AUTHOR_DATE: '2025-01-04T10:00:00Z', GIT_COMMITTER_DATE: '2025-01-04T10:00:00Z' };
    git(dir, ['-c', 'user.name=Fixture', '-c', 'user.email=fixture@acme.example', 'commit', '--quiet', '--no-verify', '-m', 'Fixture'], date);
  }
}
