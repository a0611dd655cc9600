// Shared types of the CODEOWNERS engine. Everything here is plain data so that the CLI, the
// extension and the tests can pass results around (and serialise them) without the engine.

/** Which host's rules apply. `auto` is resolved to one of the others when a file is read. */
export type Flavor = 'github' | 'gitlab' | 'bitbucket';
export type FlavorSetting = Flavor | 'auto';

export type Severity = 'error' | 'warning' | 'info';

/** A problem found in a file, 1-based line and column (columns count UTF-16 code units). */
export interface Diagnostic {
  line: number;
  column: number;
  /** 1-based, exclusive; absent when the problem is the whole line or the whole file. */
  endColumn?: number;
  severity: Severity;
  /** Stable machine-readable code, e.g. `github-negation`. */
  code: string;
  message: string;
  /** Other places the message names: the earlier rule, the later rules that take the files, the file that is read. */
  related?: readonly RelatedPlace[];
}

/** A place a diagnostic points to, 1-based like it. */
export interface RelatedPlace {
  /** Repository-relative with forward slashes (or absolute, outside it); absent: the diagnostic's own file. */
  file?: string;
  line: number;
  column: number;
  /** 1-based, exclusive; absent: the whole line. */
  endColumn?: number;
  /** What the place is, in a few words ("the earlier rule"). */
  message: string;
}

export type OwnerKind = 'user' | 'team' | 'email' | 'role';

export interface Owner {
  /** As written in the file, e.g. `@acme/payments`, `jane@example.com`, `@@maintainer`. */
  text: string;
  kind: OwnerKind;
  /** 1-based column of the owner in its line. */
  column: number;
  /**
   * Bitbucket: how reviewers are picked from this group (`all`, `random(2)`, `least_busy(2)`),
   * written after it as `@workspace/group:random(2)`; `text` is the group alone.
   */
  selection?: string;
}

/** One rule line, as parsed. */
export interface Rule {
  /** Position among all rules of the file, 0-based, in file order. */
  index: number;
  line: number;
  column: number;
  /** The pattern exactly as written (escapes kept). */
  pattern: string;
  /** Owners that apply (for GitLab, the section's default owners when the line has none). */
  owners: Owner[];
  /** GitLab: the (merged) section name; GitHub/Bitbucket: undefined. */
  section?: string;
  /** GitLab `!pattern`: files matching it are excluded from the section. */
  exclusion: boolean;
  /** False when the host ignores this line (e.g. `!` on GitHub); it is kept for diagnostics. */
  applied: boolean;
}

export interface Section {
  /** Name as first written (GitLab merges names case-insensitively). `codeowners` for rules before any header. */
  name: string;
  line: number;
  optional: boolean;
  approvals: number;
  defaultOwners: Owner[];
}

/** A GitLab section header line (a section may have several: their names merge). */
export interface SectionHeader {
  line: number;
  /** 1-based column of its `[` or `^`. */
  column: number;
  /** The header's text as written, without the spaces around it. */
  text: string;
  /** The name between its first brackets, as written on this line. */
  name: string;
  /** The section it opens, as `sections` names it (the first spelling of the merged name). */
  section: string;
  /** The default owners written on this header, for the lines under it. */
  defaultOwners: Owner[];
}

export interface ParsedCodeowners {
  flavor: Flavor;
  rules: Rule[];
  /** GitLab only; empty for other flavors. */
  sections: Section[];
  /** GitLab only, in file order; empty for other flavors. */
  headers: SectionHeader[];
  diagnostics: Diagnostic[];
  /** False when the host would not apply the file at all (over 3 MB, binary). */
  applied: boolean;
}

/** Where a path's ownership came from: what every surface shows and links to. */
export interface RuleRef {
  /** Repository-relative path of the CODEOWNERS file (forward slashes). */
  file: string;
  line: number;
  pattern: string;
}

export interface SectionMatch {
  section: string;
  owners: string[];
  rule: Rule;
  optional: boolean;
  approvals: number;
}

export interface OwnershipResult {
  /** Owners' texts, de-duplicated, in the order written. `[]` = unowned. */
  owners: string[];
  /** The rule that decided, or null when no rule matched. */
  rule: Rule | null;
  /** GitLab: one entry per section that matched (in file order). */
  sections?: SectionMatch[];
}
