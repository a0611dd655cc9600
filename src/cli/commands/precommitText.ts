// The terminal text of `precommit`, read in a commit's output: a headline, a block per group
// of staged files, then once what changing code someone else owns asks of you. Code other
// teams own and code nobody owns get what they need (who to tell, their practices, what to
// ask yourself); your own code gets one line, because a hook that lectures on every commit
// gets uninstalled. Every repository string goes through `sanitize`.
import type { GroupFile, ReminderGroup, Reminders } from '../../core/reminders/reminders';
import { sanitize } from '../terminal';
import { wrap } from './explainText';

export interface TextOptions {
  width: number;
}

/** Files listed per group; the rest are counted. */
const FILES_SHOWN = 10;
/** "Ask yourself" prompts shown for upstream changes. */
const ASKED = 4;
const LABEL = 11;

export function renderReminders(r: Reminders, { width }: TextOptions): string {
  if (r.groups.length === 0) return '';
  const out = [headline(r)];
  if ((r.counts.upstream > 0 || r.counts.unowned > 0) && r.advice) out.push(...wrap(sanitize(r.advice), width, '  ', '  '));
  for (const g of r.groups) out.push('', ...(g.situation === 'mine' ? mine(g, width) : g.situation === 'no-map' ? noMap(g) : full(g, width)));
  // The etiquette and the rubric's prompts are the same for every upstream group: say them once.
  const upstream = r.groups.find((g) => g.situation === 'upstream');
  if (upstream) {
    const asks = upstream.expectations.flatMap((e) => (e.ask.length > 0 ? e.ask : [e.title])).slice(0, ASKED);
    out.push('');
    list(out, 'Etiquette', upstream.etiquette, width);
    list(out, 'Ask', asks, width);
  }
  return `${out.join('\n')}\n`;
}

function headline(r: Reminders): string {
  const { upstream, unowned, mine, 'no-map': noMap } = r.counts;
  const parts: string[] = [];
  if (upstream > 0) parts.push(`${upstream} staged ${plural(upstream, 'path')} other teams own`);
  if (unowned > 0) parts.push(`${unowned} nobody owns`);
  if (parts.length > 0) return `Before you commit: ${parts.join(', ')}.`;
  if (noMap > 0) return 'Before you commit: this repository has no CODEOWNERS, so there are no owners to check with.';
  return `Before you commit: ${mine === 1 ? 'the staged path is' : `all ${mine} staged paths are`} yours.`;
}

/** An upstream or unowned group: whose, which files, who to tell, what they ask. */
function full(g: ReminderGroup, width: number): string[] {
  const out = [title(g), ...files(g)];
  const field = (label: string, value: string) => out.push(...wrap(value, width, `  ${label.padEnd(LABEL)}`, ' '.repeat(LABEL + 2)));
  for (const c of g.contacts) field('Contact', `${sanitize(c.name)}: ${sanitize(c.contact)}`);
  list(out, 'Practices', g.practices, width);
  for (const guide of g.contributing) field('Guide', sanitize(guide));
  if (g.situation === 'unowned' && g.advice) field('', sanitize(g.advice));
  return out;
}

function mine(g: ReminderGroup, width: number): string[] {
  const n = g.files.length;
  const titles = g.expectations.map((e) => sanitize(e.title)).join('; ');
  const line = `Yours (${sanitize(g.mineAs ?? g.owners.join(' '))}): ${n} ${plural(n, 'path')}.${titles ? ` Before committing: ${titles}.` : ''}`;
  return wrap(line, width, '', '  ');
}

function noMap(g: ReminderGroup): string[] {
  return [`No CODEOWNERS: ${g.files.length} staged ${plural(g.files.length, 'path')}.`];
}

function title(g: ReminderGroup): string {
  if (g.situation === 'unowned') return 'Nobody owns (no CODEOWNERS rule names an owner):';
  const names = g.owners.map((o) => {
    const team = g.teams.find((t) => t.handle.toLowerCase() === o.toLowerCase());
    return team?.name ? `${sanitize(o)} (${sanitize(team.name)})` : sanitize(o);
  });
  return `${names.join(', ')} own:`;
}

function files(g: ReminderGroup): string[] {
  const shown = g.files.slice(0, FILES_SHOWN).map((f) => `  ${f.status.padEnd(9)} ${describe(f)}`);
  const rest = g.files.length - shown.length;
  return rest > 0 ? [...shown, `  … and ${rest} more`] : shown;
}

function describe(f: GroupFile): string {
  if (f.to !== undefined) return `${sanitize(f.path)} → ${sanitize(f.to)}`;
  if (f.from !== undefined) return `${sanitize(f.from)} → ${sanitize(f.path)}`;
  return sanitize(f.path);
}

function list(out: string[], label: string, items: string[], width: number): void {
  items.forEach((item, i) => out.push(...wrap(sanitize(item), width, `  ${(i === 0 ? label : '').padEnd(LABEL)}• `, ' '.repeat(LABEL + 4))));
}

function plural(n: number, word: string): string {
  return n === 1 ? word : `${word}s`;
}
