// Which components a path belongs to. Component paths are CODEOWNERS patterns with GitHub's
// rules (one syntax to learn), compiled by the engine's own pattern compiler: linear-time
// segment matching, no regular expression built from repository text.
import { matchSegments } from '../codeowners/glob';
import { compileGithubPattern, type CompiledPattern } from '../codeowners/pattern';
import type { Component, OwnershipConfig } from './types';

export interface ComponentMatch {
  component: Component;
  /** The component's pattern that matched. */
  pattern: string;
  /** Repository-relative directory the component starts at ('' = the repository root). */
  root: string;
}

const compiled = new WeakMap<Component, CompiledPattern[]>();

function patternsOf(component: Component): CompiledPattern[] {
  let list = compiled.get(component);
  if (!list) {
    list = component.paths.map((p) => compileGithubPattern(p));
    compiled.set(component, list);
  }
  return list;
}

/** Does the compiled pattern apply to `segs` (the path itself, or as a descendant of a match)? */
function applies(p: CompiledPattern, segs: string[]): boolean {
  if (p.never) return false;
  if (p.self && matchSegments(p.segs, segs)) return true;
  if (p.descendants) {
    for (let n = segs.length - 1; n >= 1; n--) if (matchSegments(p.segs, segs.slice(0, n))) return true;
  }
  return false;
}

/** The components `path` (repository-relative, forward slashes) belongs to, in file order. */
export function componentsFor(path: string, config: OwnershipConfig): ComponentMatch[] {
  const segs = path.split('/').filter((s) => s.length > 0);
  const found: ComponentMatch[] = [];
  for (const component of config.components) {
    const patterns = patternsOf(component);
    const i = patterns.findIndex((p) => applies(p, segs));
    if (i >= 0) found.push({ component, pattern: component.paths[i], root: literalRoot(component.paths[i], path) });
  }
  return found;
}

/**
 * The directory a pattern stands for, as seen from a path it matched: its leading literal
 * segments that are also directories above the path. `services/payments/**` → services/payments;
 * `*.proto` → '' (the repository root).
 */
export function literalRoot(pattern: string, path: string): string {
  const patternSegs = pattern.split('/').filter((s) => s.length > 0);
  const dirSegs = path.split('/').filter((s) => s.length > 0).slice(0, -1);
  let n = 0;
  while (n < patternSegs.length && n < dirSegs.length && !hasGlob(patternSegs[n]) && patternSegs[n] === dirSegs[n]) n++;
  return dirSegs.slice(0, n).join('/');
}

function hasGlob(segment: string): boolean {
  return /[*?[\\]/.test(segment);
}
