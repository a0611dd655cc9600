// The structure of a CODEOWNERS file, for the editor's outline, breadcrumbs, sticky scroll,
// Go to Symbol and folding: GitLab's sections (one per header line, with the rules under it),
// the rules, and the blocks of comment lines. Lines are 1-based, as everywhere in the engine.
import type { ParsedCodeowners, Rule, SectionHeader } from './types';

/**
 * A section header and the rules under it, from the header's line to its last rule's
 * (comments and blank lines after that belong to what follows).
 */
export interface OutlineSection extends LineRange {
  header: SectionHeader;
  rules: Rule[];
}

export interface Outline {
  /** Rules before any section header (every rule of a GitHub or Bitbucket file). */
  rules: Rule[];
  sections: OutlineSection[];
}

export interface LineRange {
  startLine: number;
  endLine: number;
}

/** The sections and rules of a parsed file. */
export function outlineOf(parsed: ParsedCodeowners): Outline {
  const sections: OutlineSection[] = parsed.headers.map((header) => ({ header, startLine: header.line, endLine: header.line, rules: [] }));
  const rules: Rule[] = [];
  // Rules come in line order, and so do headers: each rule belongs to the last header above it.
  let next = 0;
  for (const rule of parsed.rules) {
    while (next < sections.length && sections[next].header.line < rule.line) next++;
    const section = next > 0 ? sections[next - 1] : undefined;
    if (section === undefined) rules.push(rule);
    else {
      section.rules.push(rule);
      section.endLine = rule.line;
    }
  }
  return { rules, sections };
}

/** Runs of two or more comment lines in the file's lines. */
export function commentBlocks(lines: readonly string[]): LineRange[] {
  const blocks: LineRange[] = [];
  let start = -1;
  for (let i = 0; i <= lines.length; i++) {
    const comment = i < lines.length && lines[i].trimStart().startsWith('#');
    if (comment && start < 0) start = i;
    else if (!comment && start >= 0) {
      if (i - start >= 2) blocks.push({ startLine: start + 1, endLine: i });
      start = -1;
    }
  }
  return blocks;
}
