// The engine's answer for one path, in the shape the guidance takes: shared by the CLI's
// `explain` and the editor, so that both say the same thing about the same path.
import type { RepositoryOwnership } from '../codeowners/repository';
import type { PathOwnership } from './guidance';

/** `path` is repository-relative with forward slashes. */
export function pathOwnership(repo: RepositoryOwnership, path: string): PathOwnership {
  const result = repo.match(path);
  return { hasMap: repo.file !== null, owners: result.owners, rule: result.rule ? repo.ruleRef(result.rule) : null };
}
