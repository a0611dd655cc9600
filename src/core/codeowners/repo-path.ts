// Repository paths as the matcher reads them: spellings that name the same path, and folders.

/**
 * A folder has no owner of its own in CODEOWNERS: what matters is who owns the files in it. A
 * folder is matched as this name directly in it, "a new file in the folder". It has no
 * extension, so rules like `*.md` do not claim it, and `dir/*`, `dir/` and `dir/**` do, as
 * they do every file in the folder.
 */
export const FOLDER_PROBE = '__ownership_lens_new_file__';

/** The canonical spelling of a repository path: no `./`, no leading, trailing or doubled `/`. */
export function normalizeRepoPath(path: string): string {
  let p = path;
  while (p.startsWith('./')) p = p.slice(2);
  let start = 0;
  while (start < p.length && p[start] === '/') start++;
  let end = p.length;
  while (end > start && p[end - 1] === '/') end--;
  p = start > 0 || end < p.length ? p.slice(start, end) : p;
  return p.includes('//') ? p.split('/').filter((s) => s.length > 0).join('/') : p;
}
