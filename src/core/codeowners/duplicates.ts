// A pattern written twice in the same section: the earlier line takes no effect (GitHub,
// Bitbucket: the later one wins everything; GitLab: it replaces the earlier, which keeps its
// place in the order). The warning goes on the later line and links to the earlier one.
import { normalizeGitlabPattern } from './pattern';
import type { Diagnostic, Flavor, Rule } from './types';

export function duplicatePatterns(rules: readonly Rule[], flavor: Flavor): Diagnostic[] {
  const out: Diagnostic[] = [];
  const seen = new Map<string, Rule>();
  for (const r of rules) {
    if (!r.applied) continue;
    const key = flavor === 'gitlab' ? `${r.section}\u0000${normalizeGitlabPattern(r.exclusion ? r.pattern.slice(1) : r.pattern)}` : r.pattern;
    const prev = seen.get(key);
    if (prev) {
      const how = flavor === 'gitlab' ? 'it replaces the rule on that line, which keeps its place in the order' : 'only this later rule has any effect';
      // GitLab compares patterns once normalised (`*` is `/**/*`, `!x` is x's entry): name the earlier spelling when it differs.
      const spelled = prev.pattern === r.pattern ? '' : ` as "${prev.pattern}"`;
      const message = `The pattern "${r.pattern}" already appears on line ${prev.line}${spelled}; ${how}.`;
      const earlier = { line: prev.line, column: prev.column, endColumn: prev.column + prev.pattern.length, message: 'the earlier rule with this pattern' };
      out.push({ line: r.line, column: r.column, severity: 'warning', code: 'duplicate-pattern', message, endColumn: r.column + r.pattern.length, related: [earlier] });
    }
    seen.set(key, r);
  }
  return out;
}
