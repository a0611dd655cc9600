// Which rules take part in matching, with the priority each host gives them: the one reading
// shared by the matcher (matcher.ts) and the analysis, so "the rule that wins a file" is the
// same everywhere.
//
//   GitHub/Bitbucket: every applied rule, one section, later lines win.
//   GitLab: per section, entries are keyed by normalised pattern; a repeated pattern replaces
//   the earlier entry's rule but keeps its position, and exclusions (`!`) drop the section.

import { DEFAULT_SECTION } from './parse';
import { compilePattern, normalizeGitlabPattern, type CompiledPattern, type Literals } from './pattern';
import type { ParsedCodeowners, Rule } from './types';

export interface Entry {
  /** The rule whose owners apply (GitLab: the last line with this pattern in the section). */
  rule: Rule;
  section: number;
  /** Larger wins within a section. */
  priority: number;
  exclusion: boolean;
}

export interface Entries {
  sections: string[];
  entries: Entry[];
  /** Per rule index: the match-set key of its pattern, or null when the host ignores the rule. */
  keys: Array<string | null>;
  /** Per rule index: the entry it is, or -1 (ignored, or replaced by a later duplicate). */
  entryOf: Int32Array;
}

/**
 * What a pattern's match set depends on: its text as the host reads it, nothing else. Keys of
 * GitLab files and of the others are not comparable (see `keyKind`).
 */
export function matchKey(parsed: ParsedCodeowners, rule: Rule): string {
  // The text as it is, not a new concatenated string: keys are hashed on every analysis.
  return parsed.flavor === 'gitlab' ? normalizeGitlabPattern(rule.exclusion ? rule.pattern.slice(1) : rule.pattern) : rule.pattern;
}

/** GitHub and Bitbucket read patterns alike; GitLab differently. */
export function keyKind(parsed: ParsedCodeowners): 'gitlab' | 'gitignore' {
  return parsed.flavor === 'gitlab' ? 'gitlab' : 'gitignore';
}

/** Compiles a rule's pattern the way the matcher does; null when it can never match. */
export function compileRule(parsed: ParsedCodeowners, rule: Rule, literals?: Literals): CompiledPattern | null {
  const compiled = compilePattern(parsed.flavor, rule.exclusion ? rule.pattern.slice(1) : rule.pattern, literals);
  return compiled.never || (!compiled.self && !compiled.descendants) ? null : compiled;
}

export function readEntries(parsed: ParsedCodeowners): Entries {
  const gitlab = parsed.flavor === 'gitlab';
  const sections = gitlab ? parsed.sections.map((s) => s.name) : [DEFAULT_SECTION];
  const keys: Array<string | null> = parsed.rules.map(() => null);
  const entryOf = new Int32Array(parsed.rules.length).fill(-1);
  const entries: Entry[] = [];
  if (!parsed.applied) return { sections, entries, keys, entryOf };

  const sectionIndex = new Map(sections.map((n, i) => [n, i]));
  const keyed = new Map<string, number>();
  const counters = new Array<number>(sections.length).fill(0);
  for (const rule of parsed.rules) {
    if (!rule.applied) continue;
    const key = matchKey(parsed, rule);
    keys[rule.index] = key;
    if (!gitlab) {
      entryOf[rule.index] = entries.length;
      entries.push({ rule, section: 0, priority: rule.index, exclusion: false });
      continue;
    }
    const section = sectionIndex.get(rule.section ?? '') ?? 0;
    const sectionKey = `${section} ${key}`;
    const seen = keyed.get(sectionKey);
    if (seen !== undefined) {
      // The later line takes over the entry (owners, exclusion) at the earlier position.
      const e = entries[seen];
      entryOf[e.rule.index] = -1;
      e.rule = rule;
      e.exclusion = rule.exclusion;
      entryOf[rule.index] = seen;
    } else {
      keyed.set(sectionKey, entries.length);
      entryOf[rule.index] = entries.length;
      entries.push({ rule, section, priority: counters[section]++, exclusion: rule.exclusion });
    }
  }
  return { sections, entries, keys, entryOf };
}
