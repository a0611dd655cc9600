// The rules of a CODEOWNERS no host reads (one in a subfolder), written for the file that is
// read. Whoever wrote `packages/app/CODEOWNERS` meant its patterns from packages/app/, as a
// nested .gitignore would be read; the hosts read patterns from the repository root only, so
// each pattern is anchored under its folder: `*.ts` becomes `/packages/app/**/*.ts`, `/src/`
// becomes `/packages/app/src/`. The rewritten rule matches exactly the files under the folder
// that the original matched from it, and nothing outside (test/unit/relocate.test.ts checks
// this on real repositories' files).

import { hasUnescaped, onlySlashes, splitLines } from './line-text';
import type { Flavor, ParsedCodeowners } from './types';

/** Characters a folder name may hold to be written into a pattern; others would need escapes hosts read differently. */
const PLAIN_DIR = /^[^\\*?[\]!#\t\r\n\f\v]+$/;

/**
 * `pattern` (as written, escapes kept) read from the folder `dir` (repository-relative, no
 * slashes around it), as a pattern read from the root; null when it cannot be written so.
 */
export function rootedPattern(pattern: string, dir: string, flavor: Flavor): string | null {
  if (dir === '' || !PLAIN_DIR.test(dir) || dir.startsWith('/') || dir.endsWith('/')) return null;
  const exclusion = flavor === 'gitlab' && pattern.startsWith('!');
  const body = exclusion ? pattern.slice(1) : pattern;
  // Escapes other than an escaped space mean something only where they stand (`\#` at the
  // start, `\/` at the end): such a pattern is left as it is.
  if (body === '' || onlySlashes(body) || /\\[^ ]|\\$/.test(body)) return null;
  const base = `/${dir.replace(/ /g, '\\ ')}/`;
  const dirOnly = body.endsWith('/');
  const stem = dirOnly ? body.slice(0, -1) : body;
  // GitHub and Bitbucket, as gitignore: a slash at the start or in the middle anchors the
  // pattern to its folder. GitLab: only a slash at the start does; anything else is found at
  // any depth.
  const anchored = stem.startsWith('/') || (flavor !== 'gitlab' && hasUnescaped(stem, '/'));
  const rooted = anchored ? base + stem.replace(/^\//, '') : `${base}**/${stem}`;
  return `${exclusion ? '!' : ''}${rooted}${dirOnly ? '/' : ''}`;
}

export interface RelocatedRules {
  /** The rules, each as its rooted pattern followed by the rest of its line as written (owners, comment). */
  lines: string[];
  /** Rules left out: the host ignores them, or their pattern cannot be rooted. */
  skipped: number;
}

/**
 * The applied rules of the CODEOWNERS `text` (parsed as `parsed`) in the folder `dir`, rooted;
 * null when the file cannot be moved so: GitLab sections would change what its rules mean.
 */
export function relocatedRules(text: string, parsed: ParsedCodeowners, dir: string, flavor: Flavor): RelocatedRules | null {
  if (parsed.headers.length > 0) return null;
  const lines = splitLines(text);
  const out: string[] = [];
  let skipped = 0;
  for (const rule of parsed.rules) {
    const rooted = rule.applied ? rootedPattern(rule.pattern, dir, flavor) : null;
    if (rooted === null) {
      skipped++;
      continue;
    }
    const line = lines[rule.line - 1] ?? '';
    out.push(rooted + line.slice(rule.column - 1 + rule.pattern.length).trimEnd());
  }
  return { lines: out, skipped };
}
