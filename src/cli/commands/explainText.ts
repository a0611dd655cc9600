// The terminal text of `explain`: a short block per path that reads top to bottom as "who,
// what it means for you, what they ask, what good ownership looks like here". Plain text, no
// colour: every field that comes from the repository goes through `sanitize` before layout.
import { utcMinute } from '../../core/membership/time';
import { whyMine, type WhyMineWording } from '../../core/identity/whyMine';
import type { Guidance } from '../../core/situation/guidance';
import type { Rubric } from '../../core/rubric/types';
import { sanitize } from '../terminal';

export interface TextOptions {
  width: number;
}

const LABEL = 11;
/** Expectations shown in full (text and prompts); the rest are listed by title. */
const IN_FULL = 3;

export function renderGuidance(g: Guidance, rubric: Rubric, { width }: TextOptions): string {
  const out: string[] = [sanitize(g.path)];
  const field = (label: string, value: string) => out.push(...wrap(value, width, `  ${label.padEnd(LABEL)}`, ' '.repeat(LABEL + 2)));

  field('Owners', g.owners.length > 0 ? g.owners.map((o) => withTeamName(o, g)).join(', ') : 'none');
  const described = [
    ...g.teams.map((t) => ({ name: t.name ?? t.handle, contact: t.contact, links: t.links })),
    ...g.components.map((c) => c.component),
  ];
  for (const d of described) if (d.contact) field('Contact', `${sanitize(d.name)}: ${sanitize(d.contact)}`);
  // One link a line: URLs are long, and a terminal makes them clickable only when unbroken.
  const links = described.flatMap((d) => Object.entries(d.links).map(([name, url]) => `${sanitize(d.name)} ${sanitize(name)}: ${sanitize(url)}`));
  links.forEach((link, i) => out.push(`  ${(i === 0 ? 'Links' : '').padEnd(LABEL)}${link}`));
  field('Rule', g.rule ? `${sanitize(g.rule.pattern)} at ${sanitize(g.rule.file)}:${g.rule.line}` : 'none');
  field('Situation', situationLine(g));
  if (g.advice) out.push(...wrap(sanitize(g.advice), width, ' '.repeat(LABEL + 2), ' '.repeat(LABEL + 2)));

  out.push('', ...practices(g, width));
  if (g.etiquette.length > 0) out.push('', '  Etiquette for changing code someone else owns', ...bullets(g.etiquette, width, '    '));
  out.push('', ...expectations(g, rubric, width));
  return `${out.join('\n')}\n`;
}

function withTeamName(owner: string, g: Guidance): string {
  const team = g.teams.find((t) => t.handle.toLowerCase() === owner.toLowerCase());
  return team?.name ? `${sanitize(owner)} (${sanitize(team.name)})` : sanitize(owner);
}

function situationLine(g: Guidance): string {
  switch (g.situation) {
    case 'mine':
      return g.mineAs ? `mine: you own this as ${sanitize(g.mineAs.owner)} (${sanitize(whyMine(g.mineAs.why, CLI_WORDING))})` : 'mine: you own this';
    case 'upstream':
      return 'upstream: someone else owns this';
    case 'unowned':
      return g.rule ? 'unowned: the matching rule names no owners' : 'unowned: no CODEOWNERS rule matches it';
    case 'no-map':
      return 'no-map: this repository has no CODEOWNERS file';
  }
}

/** The CLI's words for what differs by surface; the rest is shared (core/identity/whyMine). */
const CLI_WORDING: WhyMineWording = {
  explicit: 'given with --me',
  host: (host, from, fetchedAt) => hostSays(host, fetchedAt, from),
};

/** `GitHub says you are in it, as @alice (fetched 2025-01-31 09:12 UTC)` */
function hostSays(host: string, fetchedAt: number | undefined, from: string): string {
  const when = fetchedAt !== undefined ? ` (fetched ${utcMinute(fetchedAt)})` : '';
  return from === '' ? `your ${host} login${when}` : `${host} says you are in it, as ${from}${when}`;
}

function practices(g: Guidance, width: number): string[] {
  const out = ['  Practices'];
  for (const t of g.teams.filter((t) => t.practices.length > 0)) {
    out.push(`    ${sanitize(t.name ?? t.handle)} (${sanitize(t.handle)})`, ...bullets(t.practices, width, '      '));
  }
  for (const c of g.components.filter((c) => c.component.practices.length > 0)) {
    out.push(`    ${sanitize(c.component.name)} (${sanitize(c.pattern)})`, ...bullets(c.component.practices, width, '      '));
  }
  if (g.contributing) out.push(`    Contributing guide: ${sanitize(g.contributing)}`);
  if (out.length === 1) out.push(...wrap(noPracticesHint(g), width, '    ', '    '));
  return out;
}

/** Saying nothing would read as "no rules"; say why there is nothing and what would help. */
function noPracticesHint(g: Guidance): string {
  switch (g.situation) {
    case 'mine':
      return 'None published. Contributors would benefit from your practices in .github/ownership.yml or a CONTRIBUTING.md.';
    case 'upstream':
      return 'The owners publish none here; ask them before a large change.';
    default:
      return 'None: nobody owns this yet.';
  }
}

function expectations(g: Guidance, rubric: Rubric, width: number): string[] {
  const heading = `  ${sanitize(rubric.title)}, ${sanitize(rubric.level)}`;
  if (g.relevantCount === 0) {
    return [heading, ...wrap(g.expectations.map((e) => sanitize(e.title)).join('; '), width, '    ', '    ')];
  }
  const out = [`${heading}: what matters here`];
  const shown = Math.min(g.relevantCount, IN_FULL);
  for (const e of g.expectations.slice(0, shown)) {
    out.push(`    ${sanitize(e.title)}`, ...wrap(sanitize(e.text), width, '      ', '      '));
    if (e.ask.length > 0) out.push('      Ask yourself:', ...bullets(e.ask, width, '        ', '-'));
  }
  const rest = g.expectations.slice(shown);
  if (rest.length > 0) out.push(...wrap(`Also in this rubric: ${rest.map((e) => sanitize(e.title)).join('; ')}`, width, '    ', '    '));
  return out;
}

function bullets(items: string[], width: number, indent: string, mark = '•'): string[] {
  return items.flatMap((item) => wrap(sanitize(item), width, `${indent}${mark} `, `${indent}  `));
}

/** Greedy word wrap; a word longer than the line (a URL) gets a line of its own. */
export function wrap(text: string, width: number, first: string, rest: string): string[] {
  const lines: string[] = [];
  let line = first;
  let empty = true;
  for (const word of text.split(/\s+/).filter((w) => w.length > 0)) {
    if (!empty && line.length + 1 + word.length > width) {
      lines.push(line);
      line = rest;
      empty = true;
    }
    line += empty ? word : ` ${word}`;
    empty = false;
  }
  lines.push(line);
  return lines;
}
