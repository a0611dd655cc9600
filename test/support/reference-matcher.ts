// A small, obviously-correct, slow reference for differential tests: each pattern becomes a
// RegExp by a direct reading of the hosts' rules, and every rule is tried for every path.
// Test code only: patterns here come from our fixtures, and speed does not matter.

// The regexes use the `u` flag: `[^/]` and classes take one code point, as the hosts count
// characters (an emoji is one), so `-` is escaped only inside a class.
function escapeRe(c: string, inClass = false): string {
  return /[\\^$.*+?()[\]{}|/]/.test(c) || (inClass && c === '-') ? `\\${c}` : c;
}

/** One segment's glob (no `/`) as a regex fragment. */
function segmentRe(seg: string, classes: boolean): string {
  let re = '';
  for (let i = 0; i < seg.length; i++) {
    const c = seg[i];
    if (c === '\\' && i + 1 < seg.length) re += escapeRe(seg[++i]);
    else if (c === '*') {
      while (seg[i + 1] === '*') i++;
      re += '[^/]*';
    } else if (c === '?') re += '[^/]';
    else if (c === '[' && classes && seg.indexOf(']', i + 2) > 0) {
      let j = i + 1;
      let cls = '';
      if (seg[j] === '!' || seg[j] === '^') {
        cls += '^';
        j++;
      }
      let first = true;
      while (j < seg.length && (seg[j] !== ']' || first)) {
        first = false;
        if (seg[j] === '\\') j++;
        cls += seg[j] === '-' && cls !== '' && cls !== '^' && seg[j + 1] !== ']' ? '-' : escapeRe(seg[j], true);
        j++;
      }
      if (j >= seg.length) {
        re += escapeRe(c);
        continue;
      }
      re += `(?![/])[${cls}]`;
      i = j;
    } else re += escapeRe(c);
  }
  return re;
}

function splitSlashes(p: string): string[] {
  const out: string[] = [];
  let cur = '';
  for (let i = 0; i < p.length; i++) {
    if (p[i] === '\\' && i + 1 < p.length) {
      cur += p[i] + p[i + 1];
      i++;
    } else if (p[i] === '/') {
      out.push(cur);
      cur = '';
    } else cur += p[i];
  }
  out.push(cur);
  return out;
}

/** GitHub: gitignore rules with `dir/*` non-recursive. Null: the pattern never matches. */
export function githubRegex(pattern: string): RegExp | null {
  let p = pattern;
  const lead = p.startsWith('/');
  if (lead) p = p.slice(1);
  // A final slash not escaped (an even run of backslashes before it); `\/` elsewhere is a `/`.
  const dirOnly = p.endsWith('/') && (/\\*\/$/.exec(p) as RegExpExecArray)[0].length % 2 === 1;
  if (dirOnly) p = p.slice(0, -1);
  p = p.replace(/\\(.)/gsu, (m: string, c: string) => (c === '/' ? '/' : m));
  if (p === '') return null;
  const segs = splitSlashes(p);
  const anchored = lead || segs.length > 1;
  let re = anchored ? '^' : '^(?:.*/)?';
  segs.forEach((s, i) => {
    const last = i === segs.length - 1;
    if (s === '**') re += last ? '.+' : '(?:[^/]+/)*';
    else re += segmentRe(s, false) + (last ? '' : '/');
  });
  const lastSeg = segs[segs.length - 1];
  if (lastSeg === '**') re += '$';
  else if (dirOnly) re += '/.+$';
  else if (lastSeg === '*') re += '$';
  else re += '(?:/.*)?$';
  return new RegExp(re, 'su');
}

/** GitLab's normalised pattern: also the key of its entry within a section. */
export function gitlabNormalized(pattern: string): string {
  let p = pattern;
  if (p === '*') return '/**/*';
  if (p.startsWith('\\#')) p = p.slice(1);
  p = p.replace(/\\\s+/g, ' ');
  if (!p.startsWith('/')) p = `/**/${p}`;
  if (p.endsWith('/')) p = `${p}**/*`;
  return p;
}

/** GitLab: File.fnmatch(normalized, "/" + path, FNM_PATHNAME | FNM_DOTMATCH). */
export function gitlabRegex(pattern: string): RegExp {
  const p = gitlabNormalized(pattern);
  const segs = splitSlashes(p.slice(1));
  let re = '^/';
  segs.forEach((s, i) => {
    const last = i === segs.length - 1;
    if (s === '**' && !last) re += '(?:[^/]+/)*';
    else re += segmentRe(s, true) + (last ? '' : '/');
  });
  return new RegExp(`${re}$`, 'su');
}

export interface ReferenceRule {
  pattern: string;
  owners: string[];
  section?: string;
  exclusion?: boolean;
}

/** GitHub/Bitbucket: the last matching rule's owners; null when none matches. */
export function referenceGithub(rules: ReferenceRule[]): (path: string) => string[] | null {
  const compiled = rules.map((r) => ({ re: githubRegex(r.pattern), owners: r.owners }));
  return (path) => {
    for (let i = compiled.length - 1; i >= 0; i--) {
      const re = compiled[i].re;
      if (re && re.test(path)) return compiled[i].owners;
    }
    return null;
  };
}

/** GitLab: per section (keyed by normalised pattern, first position kept), exclusions drop. */
export function referenceGitlab(rules: ReferenceRule[]): (path: string) => Record<string, string[]> {
  const bySection = new Map<string, Map<string, ReferenceRule & { re: RegExp }>>();
  for (const r of rules) {
    const section = r.section ?? 'codeowners';
    if (!bySection.has(section)) bySection.set(section, new Map());
    const re = gitlabRegex(r.pattern);
    bySection.get(section)!.set(gitlabNormalized(r.pattern), { ...r, re });
  }
  const sections = [...bySection].map(([name, entries]) => [name, [...entries.values()].reverse()] as const);
  return (path) => {
    const out: Record<string, string[]> = {};
    for (const [section, entries] of sections) {
      const matching = entries.filter((r) => r.re.test(`/${path}`));
      if (matching.length === 0 || matching.some((r) => r.exclusion)) continue;
      out[section] = matching[0].owners;
    }
    return out;
  };
}
