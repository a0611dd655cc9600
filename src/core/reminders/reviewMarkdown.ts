// The staged changes as Markdown for a pull request's description: whose review each part
// needs, which files, and what those owners ask of contributors in their own words, so that
// the request reaches them with what they asked for already answered. Code nobody owns is
// said too; your own code is listed last, briefly. Repository text is escaped: the Markdown is
// pasted where a host renders it, and a team named `<img src=x onerror=…>` stays text.
import { ownerKey } from '../codeowners/owners';
import { escapeMarkdownText as md } from '../text/markdownText';
import type { GroupFile, ReminderGroup, Reminders } from './reminders';

export interface ReviewRepository {
  /** Shown as a heading when there are several repositories. */
  name: string;
  reminders: Reminders;
}

/** Files listed per group; the rest are counted. */
const FILES_LISTED = 20;

/** The Markdown, or '' when nothing is staged. */
export function reviewMarkdown(repositories: readonly ReviewRepository[]): string {
  const staged = repositories.filter((r) => r.reminders.groups.length > 0);
  if (staged.length === 0) return '';
  const out = ['### Code owners of this change', ''];
  const reviewers = uniqueOwners(staged.flatMap((r) => r.reminders.groups.filter((g) => g.situation === 'upstream')));
  if (reviewers.length > 0) out.push(`Reviews needed from: ${reviewers.map((o) => md(o)).join(', ')}`, '');
  for (const repo of staged) {
    if (staged.length > 1) out.push(`#### ${md(repo.name)}`, '');
    for (const g of repo.reminders.groups) out.push(...group(g), '');
  }
  return `${out.join('\n').trimEnd()}\n`;
}

function group(g: ReminderGroup): string[] {
  const count = `${g.files.length} file${g.files.length === 1 ? '' : 's'}`;
  const out = [`**${md(groupTitle(g))}** · ${count}`];
  const listed = g.files.slice(0, FILES_LISTED).map((f) => `- ${fileText(f)}`);
  out.push(...listed);
  if (g.files.length > listed.length) out.push(`- … and ${g.files.length - listed.length} more`);
  if (g.situation === 'mine' || g.situation === 'no-map') return out;
  // The guide goes with what they ask, never onto the end of the file list.
  const asks = [...g.practices.map((p) => `- ${md(p)}`), ...g.contributing.map((guide) => `- Contributing guide: ${md(guide)}`)];
  if (asks.length > 0) out.push('', 'They ask:', ...asks);
  for (const c of g.contacts) out.push('', `Contact: ${md(c.name)}, ${md(c.contact)}`);
  if (g.situation === 'unowned' && g.advice) out.push('', md(g.advice));
  return out;
}

/** `Payments (@acme/payments)`, `Yours (@me)`, `Nobody owns these`, `No CODEOWNERS`. */
function groupTitle(g: ReminderGroup): string {
  switch (g.situation) {
    case 'upstream':
      return g.owners.map((o) => {
        const name = g.teams.find((t) => ownerKey(t.handle) === ownerKey(o))?.name;
        return name ? `${name} (${o})` : o;
      }).join(', ');
    case 'mine':
      return g.mineAs ? `Yours (${g.mineAs})` : 'Yours';
    case 'unowned':
      return 'Nobody owns these (no CODEOWNERS rule names an owner)';
    case 'no-map':
      return 'No CODEOWNERS in this repository';
  }
}

function fileText(f: GroupFile): string {
  if (f.from !== undefined) return `${md(f.path)} (from ${md(f.from)})`;
  if (f.to !== undefined) return `${md(f.path)} (moved to ${md(f.to)})`;
  return f.status === 'deleted' ? `${md(f.path)} (deleted)` : md(f.path);
}

function uniqueOwners(groups: readonly ReminderGroup[]): string[] {
  const seen = new Map<string, string>();
  for (const g of groups) for (const o of g.owners) if (!seen.has(ownerKey(o))) seen.set(ownerKey(o), o);
  return [...seen.values()];
}
