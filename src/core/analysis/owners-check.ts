// Owners that `.github/ownership.yml` does not know. A repository that lists its teams there
// has said "these are our owners": a CODEOWNERS owner outside that list is a typo, a renamed
// team or a team nobody described, and every surface would show it without a name, contact
// or practices. Individuals (users, emails) are checked only when the file describes
// individuals too (a `people` section or team members); otherwise listing teams says
// nothing about them.

import { ownerKey } from '../codeowners/owners';
import { editDistance } from '../editDistance';
import { splitLines } from '../codeowners/line-text';
import type { Diagnostic, Owner, ParsedCodeowners } from '../codeowners/types';
import type { OwnershipConfig } from '../practices/types';

interface Known {
  teams: Set<string>;
  /** Keys of listed people, their emails and team members; null when none are listed. */
  people: Set<string> | null;
  /** Spellings to suggest, by kind. */
  teamHandles: string[];
  personHandles: string[];
}

function knownOwners(config: OwnershipConfig): Known {
  const teams = new Set(config.teams.keys());
  const people = new Set<string>();
  for (const p of config.people) {
    people.add(ownerKey(p.handle));
    for (const e of p.emails) people.add(ownerKey(e));
  }
  for (const t of config.teams.values()) for (const m of t.members) people.add(ownerKey(m));
  return {
    teams,
    people: people.size > 0 ? people : null,
    teamHandles: [...config.teams.values()].map((t) => t.handle),
    personHandles: config.people.map((p) => p.handle),
  };
}

/**
 * `unknown-owner` warnings for `parsed` (whose text is `text`) against `config`. Nothing
 * when the configuration lists no team. GitLab rules without owners of their own take their
 * section's default owners: those are reported once, on the section header that names them.
 */
export function unknownOwnerDiagnostics(parsed: ParsedCodeowners, text: string, config: OwnershipConfig): Diagnostic[] {
  if (config.teams.size === 0) return [];
  const known = knownOwners(config);
  const file = config.file ?? 'ownership.yml';
  const lines = parsed.flavor === 'gitlab' ? splitLines(text) : null;
  const out: Diagnostic[] = [];
  const reported = new Set<string>();
  const verdicts = new Map<string, string | null>();
  const report = (owner: Owner, line: number): void => {
    const at = `${line}:${owner.column}`;
    if (reported.has(at)) return;
    reported.add(at);
    let problem = verdicts.get(owner.text);
    if (problem === undefined) {
      problem = verdict(owner, known, file);
      verdicts.set(owner.text, problem);
    }
    if (problem !== null) {
      out.push({ line, column: owner.column, endColumn: owner.column + owner.text.length, severity: 'warning', code: 'unknown-owner', message: problem });
    }
  };
  // Every header line, a later one of a merged section too (`sections` keeps the first's owners).
  for (const header of parsed.headers) for (const o of header.defaultOwners) report(o, header.line);
  for (const rule of parsed.rules) {
    for (const o of rule.owners) {
      const line = lines === null || writtenAt(lines, rule.line, o) ? rule.line : headerLine(lines, rule.line, o);
      if (line > 0) report(o, line);
    }
  }
  return out.sort((a, b) => a.line - b.line || a.column - b.column);
}

/** Is the owner's text at its column on that line (and not copied from a section header)? */
function writtenAt(lines: string[], line: number, o: Owner): boolean {
  return lines[line - 1]?.startsWith(o.text, o.column - 1) ?? false;
}

/** The nearest line above `line` where the owner is written at its column: its section header. */
function headerLine(lines: string[], line: number, o: Owner): number {
  for (let l = line - 1; l >= 1; l--) if (writtenAt(lines, l, o)) return l;
  return 0;
}

function verdict(o: Owner, known: Known, file: string): string | null {
  const key = ownerKey(o.text);
  switch (o.kind) {
    case 'role':
      return null;
    case 'team':
      return known.teams.has(key) ? null : `"${o.text}" is not a team listed in ${file}.${suggestion(o.text, known.teamHandles)}`;
    case 'user':
    case 'email':
      // A single-level GitLab group is written like a user: a team entry covers it.
      if (known.teams.has(key) || known.people === null || known.people.has(key)) return null;
      return `"${o.text}" is neither listed in ${file} nor a member of a team listed there.${suggestion(o.text, o.kind === 'user' ? [...known.personHandles, ...known.teamHandles] : [])}`;
  }
}

/** ` Did you mean "x"?` for the closest known spelling within a couple of edits. */
function suggestion(text: string, candidates: readonly string[]): string {
  const budget = Math.max(1, Math.min(3, Math.floor(text.length / 4)));
  let best: string | null = null;
  let bestDistance = budget + 1;
  for (const c of candidates) {
    const d = editDistance(ownerKey(text), ownerKey(c), bestDistance);
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best === null ? '' : ` Did you mean "${best}"?`;
}

