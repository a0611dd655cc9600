// What the parser says about the owners on a line, and how it finds a repeat: the message texts
// and the small searches behind them, kept apart from the line grammar in parse.ts.

import { describeSelection, sameOwner, type GitlabReference } from './owners';
import { isSpaceCode } from './line-text';
import type { Owner } from './types';

/** GitHub: the message for an owner no account can be (impossibleGithubName). */
export function impossibleHandleMessage(token: string): string {
  const names = token.includes('/') ? 'organisation names hold only letters, digits and hyphens' : 'user names hold only letters, digits, hyphens and (for managed users) "_"';
  return `"${token}" names no GitHub account: ${names}, and start with a letter or digit, so GitHub will request no review from it.`;
}

/** An owner named again on its line, exactly or in other case. */
export function repeatMessage(earlier: string, owner: string, host: string): string {
  return earlier === owner
    ? `"${owner}" is already an owner on this line; the repeat changes nothing.`
    : `"${owner}" is "${earlier}" again: ${host} reads names and addresses without regard to case.`;
}

/** Bitbucket: a group named again with another way of picking its reviewers (`first` is the earlier one's). */
export function selectionRepeatMessage(token: string, earlier: string, owner: string, selection: string | undefined, first: string | undefined): string {
  const kept = earlier === owner ? 'only the first is kept' : 'Bitbucket reads both as one group';
  return `"${token}" names the group "${earlier}" again, with another way of picking its reviewers (here: ${selectionWords(selection)}; first: ${selectionWords(first)}); ${kept}: name the group once.`;
}

function selectionWords(selection: string | undefined): string {
  return selection === undefined ? 'no selection' : describeSelection(selection);
}

/**
 * Bitbucket: a line of the "Code Owners for Bitbucket" app (Mibex) from s[i], which Bitbucket's
 * own code owners do not read: its settings (`CODEOWNERS.destination_branch_pattern main`), merge
 * checks (`OverallCheck(2)`, `Check(@@Seniors >= 1)`) and group definitions (`@@@group ...`).
 * The message and where the app's word ends; null when the line is none of them.
 */
export function bitbucketAppSyntax(s: string, i: number): { message: string; end: number } | null {
  const rest = s.slice(i);
  const what = rest.startsWith('CODEOWNERS.') ? 'setting' : rest.startsWith('OverallCheck(') || rest.startsWith('Check(') ? 'merge check' : rest.startsWith('@@@') ? 'group definition' : null;
  if (what === null) return null;
  // The word, or a check to its closing parenthesis (`Check(@@Seniors >= 1)`).
  const close = what === 'merge check' ? s.indexOf(')', i) : -1;
  let end = i;
  if (close >= 0) end = close + 1;
  else while (end < s.length && !isSpaceCode(s.charCodeAt(end))) end++;
  return { message: `"${s.slice(i, end)}" is a ${what} of the Code Owners for Bitbucket app, which Bitbucket's own code owners do not read; this line is skipped.`, end };
}

/** GitLab references as owners, each once, their columns counted from `column0` (0-based). */
export function ownersOf(refs: readonly GitlabReference[], column0: number): Owner[] {
  const owners: Owner[] = [];
  for (const r of refs) if (sameOwnerIn(owners, r.text) !== r.text) owners.push({ text: r.text, kind: r.kind, column: column0 + r.start + 1 });
  return owners;
}

/** The owner among `owners` that `text` names again: the exact one if any, else one but for case; or null. */
export function sameOwnerIn(owners: readonly Owner[], text: string): string | null {
  return repeatOf(owners, ownerText, text);
}

function ownerText(o: Owner): string {
  return o.text;
}

export function repeatOf<T>(items: readonly T[], textOf: (item: T) => string, text: string): string | null {
  let found: string | null = null;
  for (let k = 0; k < items.length; k++) {
    const earlier = textOf(items[k]);
    if (earlier === text) return text;
    if (found === null && sameOwner(earlier, text)) found = earlier;
  }
  return found;
}

export function identity(s: string): string {
  return s;
}
