// The byte-level walker (line-matcher.ts) against the string matcher it is built from: on
// every file of the seven real repositories, on the benchmark's generated monorepo, and on
// random files and paths (non-canonical, non-ASCII and hostile ones included), `matchLines`
// must hand back, line by line, the very result `match` gives for the decoded line. And the
// walker must really decide the common paths itself: a walker that always handed back
// FALLBACK would agree with everything.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { execFileSync } from 'node:child_process';
import * as os from 'node:os';
import fc from 'fast-check';
import { compileMatcher, FALLBACK, NO_RULE, parseCodeowners, type Flavor, type OwnershipMatcher, type OwnershipResult } from '../../src/core';

const SCALE = Number(process.env.FUZZ_SCALE ?? 1);
const SEED = Number(process.env.FUZZ_SEED ?? 20261202);

const encoder = new TextEncoder();

/** Every line's result from matchLines, with the line's text as matchLines bounded it. */
function viaLines(m: OwnershipMatcher, text: string): Array<{ line: string; result: OwnershipResult }> {
  const bytes = encoder.encode(text);
  const out: Array<{ line: string; result: OwnershipResult }> = [];
  m.matchLines(bytes, (start, end, result) => out.push({ line: Buffer.from(bytes.subarray(start, end)).toString('utf8'), result }));
  return out;
}

/** The lines matchLines must visit: split on LF, a trailing CR dropped, empty ones skipped. */
function expectedLines(text: string): string[] {
  return text
    .split('\n')
    .map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l))
    .filter((l) => l.length > 0);
}

/**
 * matchLines agrees with match on every line of `text`, and so does the walker on every line
 * it decides itself (matchLines leaves it out of batches too small to pay for it); returns how
 * many lines the walker decided.
 */
function agree(codeowners: string, flavor: Flavor, text: string): number {
  const parsed = parseCodeowners(codeowners, { flavor });
  const lines = expectedLines(text);
  const viaString = compileMatcher(parsed);
  const got = viaLines(compileMatcher(parsed), text);
  assert.deepEqual(
    got.map((g) => g.line),
    lines,
  );
  const same = (result: OwnershipResult, line: string, how: string) => {
    const want = viaString.match(line);
    // Results are shared frozen objects for GitHub: the same object, not only an equal one.
    if (result !== want) assert.deepEqual(result, want, `${how}: ${JSON.stringify(line)} in\n${codeowners}`);
  };
  for (let i = 0; i < lines.length; i++) same(got[i].result, lines[i], 'matchLines');
  const matcher = compileMatcher(parsed);
  const walker = matcher.lineMatcher();
  if (walker === null) return 0;
  let decided = 0;
  for (const l of lines) {
    const bytes = encoder.encode(l);
    const id = walker.decide(bytes, 0, bytes.length);
    if (id === FALLBACK) continue;
    decided++;
    same(matcher.resultOfId(id), l, 'the walker');
  }
  // And as batches (decideNext), in the order given and sorted: a path resumes after the
  // directories it shares with the one before. (matchLines leaves the walker out of a batch
  // as small as most here.)
  for (const order of [lines, [...lines].sort()]) {
    const bytes = encoder.encode(order.join('\n'));
    walker.beginBatch();
    let at = 0;
    for (const l of order) {
      const end = at + encoder.encode(l).length;
      const id = walker.decideNext(bytes, at, end);
      if (id !== FALLBACK) same(matcher.resultOfId(id), l, 'the walker, in a batch');
      at = end + 1;
    }
  }
  return decided;
}

/** The benchmark generator's monorepo of 20,000 paths (shuffled, as it writes them) and 500 rules. */
function generatedMonorepo(seed: number): { codeowners: string; paths: string } {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'ol-gen-'));
  try {
    execFileSync(process.execPath, [path.join(__dirname, '..', '..', 'bench', 'gen-monorepo.mjs'), '--seed', String(seed), '--paths', '20000', '--rules', '500', '--name', 'mid', '--out', out]);
    return { codeowners: fs.readFileSync(path.join(out, 'mid', 'CODEOWNERS'), 'utf8'), paths: fs.readFileSync(path.join(out, 'mid', 'paths.txt'), 'utf8') };
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
}

/** Directories of the canonical paths among `lines` (a path's segments but its last). */
function directoriesOf(lines: string[]): number {
  return lines.reduce((n, l) => n + l.split('/').length - 1, 0);
}

/** Lines with a byte over 0x7f: the walker hands those to the string matcher. */
function nonAscii(text: string): number {
  return expectedLines(text).filter((l) => [...l].some((c) => c.charCodeAt(0) > 0x7f)).length;
}

const realworld = path.join(__dirname, '..', 'fixtures', 'realworld');

describe('line matcher: matchLines gives what match gives, line by line', () => {
  for (const name of fs.readdirSync(realworld).filter((d) => fs.existsSync(path.join(realworld, d, 'meta.json')))) {
    it(`every file of ${name}`, function () {
      this.timeout(60_000);
      const meta = JSON.parse(fs.readFileSync(path.join(realworld, name, 'meta.json'), 'utf8')) as { flavor: Flavor };
      const codeowners = fs.readFileSync(path.join(realworld, name, 'CODEOWNERS'), 'utf8');
      const paths = fs.readFileSync(path.join(realworld, name, 'paths.txt'), 'utf8');
      const decided = agree(codeowners, meta.flavor, paths);
      const total = expectedLines(paths).length;
      // GitLab files with rules in several sections or an exclusion go to the string matcher;
      // the rest (esp-idf's has no section header) are decided on bytes.
      const walks = compileMatcher(parseCodeowners(codeowners, { flavor: meta.flavor })).lineMatcher() !== null;
      if (meta.flavor === 'gitlab' && !walks) assert.equal(decided, 0);
      else assert.equal(decided, total - nonAscii(paths), `${name}: the walker decided ${decided} of ${total} paths itself`);
      if (name === 'espressif__esp-idf') assert.ok(walks, 'esp-idf: one section, no exclusion');
      if (name === 'gitlabhq__gitlab-runner' || name === 'gitlabhq__omnibus-gitlab') assert.ok(!walks, `${name}: several sections`);
    });
  }

  it('every path of the generated 20,000-path monorepo, all decided by the walker', function () {
    this.timeout(60_000);
    const { codeowners, paths } = generatedMonorepo(7);
    assert.equal(agree(codeowners, 'github', paths), 20_000);
  });

  it('a sorted batch resumes after the directories a path shares with the one before; a shuffled one rarely can', function () {
    this.timeout(60_000);
    const dir = path.join(realworld, 'RIOT-OS__RIOT');
    const codeowners = fs.readFileSync(path.join(dir, 'CODEOWNERS'), 'utf8');
    const sorted = expectedLines(fs.readFileSync(path.join(dir, 'paths.txt'), 'utf8'));
    // git ls-files order, as `git ls-files | ownership-lens who --stdin` gives it.
    assert.deepEqual(sorted, [...sorted].sort());
    const shuffled = fc.sample(fc.shuffledSubarray(sorted, { minLength: sorted.length }), { seed: SEED, numRuns: 1 })[0];
    const resumed = (lines: string[]): number => {
      const m = compileMatcher(parseCodeowners(codeowners, { flavor: 'github' }));
      const owners: string[][] = [];
      m.matchLines(encoder.encode(lines.join('\n')), (_s, _e, r) => owners.push(r.owners));
      const viaString = compileMatcher(parseCodeowners(codeowners, { flavor: 'github' }));
      assert.deepEqual(owners, lines.map((l) => viaString.match(l).owners));
      const walker = m.lineMatcher();
      assert.ok(walker, 'RIOT is a batch the walker pays for');
      return walker.resumedDirs / directoriesOf(lines);
    };
    // RIOT has 3.8 files per directory: most directories of a sorted list are the previous path's.
    const inOrder = resumed(sorted);
    assert.ok(inOrder > 0.7, `sorted: ${inOrder} of the directories resumed`);
    const outOfOrder = resumed(shuffled);
    assert.ok(outOfOrder < 0.5 * inOrder, `shuffled: ${outOfOrder} of the directories resumed`);
  });

  it('pauses keeping directories while a batch is shuffled, and takes it up again when the batch turns sorted', function () {
    this.timeout(60_000);
    const { codeowners, paths } = generatedMonorepo(11);
    const shuffled = expectedLines(paths);
    const sorted = [...shuffled].sort();
    const parsed = parseCodeowners(codeowners, { flavor: 'github' });
    const m = compileMatcher(parsed);
    const walker = m.lineMatcher();
    assert.ok(walker);
    // One batch: the generator's shuffled list, then the same paths sorted, then shuffled again.
    const parts = [shuffled, sorted, shuffled];
    const lines = parts.flat();
    const bytes = encoder.encode(lines.join('\n'));
    // Where the sorted part's paths from the 8 × 2,048th on start: keeping is on again there.
    const settled = shuffled.length + 8 * 2048;
    const marks = new Map([shuffled.length, settled, shuffled.length + sorted.length, lines.length].map((i) => [i, 0]));
    walker.beginBatch();
    let at = 0;
    lines.forEach((l, i) => {
      const end = at + l.length;
      const id = walker.decideNext(bytes, at, end);
      assert.notEqual(id, FALLBACK, l);
      // The string matcher's answer, from the same compile: the same shared result object.
      assert.equal(m.resultOfId(id), m.match(l), l);
      at = end + 1;
      if (marks.has(i + 1)) marks.set(i + 1, walker.resumedDirs);
    });
    const [endFirst, endSettling, endSorted, endAll] = [...marks.values()];
    const share = (resumed: number, part: string[]) => resumed / directoriesOf(part);
    // Keeping pauses on the shuffled parts (when it keeps, a directory in ten resumes there)...
    assert.ok(share(endFirst, shuffled) < 0.05, `first shuffled part: ${share(endFirst, shuffled)} of its directories resumed`);
    assert.ok(share(endAll - endSorted, shuffled) < 0.05, `last shuffled part: ${share(endAll - endSorted, shuffled)}`);
    // ...and is taken up again within 8 × 2,048 paths of the sorted part: from there on, most resume.
    const rest = sorted.slice(8 * 2048);
    assert.ok(rest.length > 2000);
    assert.ok(share(endSorted - endSettling, rest) > 0.8, `sorted part, once settled: ${share(endSorted - endSettling, rest)}`);
  });

  it('decide() starts afresh every time; decideNext() after beginBatch() reads a changed buffer afresh', () => {
    const parsed = parseCodeowners('/a/b/ @ab\n/c/d/ @cd\n/a/**/x @ax\n', { flavor: 'github' });
    const m = compileMatcher(parsed);
    const walker = m.lineMatcher();
    assert.ok(walker);
    const owners = (id: number) => m.resultOfId(id).owners;
    const b = encoder.encode('a/b/f\na/b/x');
    assert.deepEqual(owners(walker.decide(b, 0, 5)), ['@ab']);
    assert.deepEqual(owners(walker.decide(b, 6, 11)), ['@ax']);
    assert.equal(walker.resumedDirs, 0);
    walker.beginBatch();
    assert.deepEqual(owners(walker.decideNext(b, 0, 5)), ['@ab']);
    assert.deepEqual(owners(walker.decideNext(b, 6, 11)), ['@ax']);
    assert.equal(walker.resumedDirs, 2, 'a/ and b/ resumed');
    // The caller reuses its buffer for another batch: the same offsets, other directories.
    b.set(encoder.encode('c/d/f\nc/d/x'));
    walker.beginBatch();
    assert.deepEqual(owners(walker.decideNext(b, 0, 5)), ['@cd']);
    assert.deepEqual(owners(walker.decideNext(b, 6, 11)), ['@cd']);
    assert.equal(walker.resumedDirs, 4);
  });

  it('hands back paths with a . or .. segment (a caller may resolve them) and decides names that only start with dots', () => {
    const m = compileMatcher(parseCodeowners('* @all\n/a/ @a\n', { flavor: 'github' }));
    const walker = m.lineMatcher();
    assert.ok(walker);
    const decide = (p: string) => {
      const b = encoder.encode(p);
      return walker.decide(b, 0, b.length);
    };
    for (const p of ['a/../b', 'a/./b', 'a/.', 'a/..', '..', '.', 'x/y/../z']) assert.equal(decide(p), FALLBACK, p);
    for (const p of ['a/..b', 'a/.b', '.github/x', 'a/b.', 'a/...', '...']) {
      const id = decide(p);
      assert.notEqual(id, FALLBACK, p);
      assert.equal(m.resultOfId(id), m.match(p), p);
    }
  });

  it('lines as a caller gives them: CRLF, blank lines, no final newline, a BOM', () => {
    const codeowners = '* @all\n/src/ @src\n*.md @docs\n';
    const text = '\uFEFFsrc/a.md\r\n\r\n\nsrc/b\nREADME.md\r\nlib/x';
    const parsed = parseCodeowners(codeowners, { flavor: 'github' });
    const got = viaLines(compileMatcher(parsed), text);
    assert.deepEqual(
      got.map((g) => [g.line, g.result.owners]),
      [
        ['\uFEFFsrc/a.md', ['@docs']],
        ['src/b', ['@src']],
        ['README.md', ['@docs']],
        ['lib/x', ['@all']],
      ],
    );
  });

  it('hands back to the string matcher what is not canonical ASCII, and decides the rest', () => {
    const parsed = parseCodeowners('* @all\n/src/ @src\n', { flavor: 'github' });
    const walker = compileMatcher(parsed).lineMatcher();
    assert.ok(walker);
    const decide = (p: string): number => {
      const b = encoder.encode(p);
      return walker.decide(b, 0, b.length);
    };
    for (const p of ['/src/a', './src/a', 'src//a', 'src/a/', 'src/é', '']) assert.equal(decide(p), FALLBACK, p);
    assert.equal(decide('src/a'), 1);
    assert.equal(decide('lib/a'), 0);
    assert.equal(compileMatcher(parseCodeowners('/src/ @src\n', { flavor: 'github' })).lineMatcher()?.decide(encoder.encode('lib/a'), 0, 5), NO_RULE);
  });

  it('builds the walker for a batch big enough to pay for it, not for a few paths against many rules', () => {
    const rules = Array.from({ length: 100 }, (_, i) => `/src/m${i}/ @t${i}`).join('\n');
    const few = compileMatcher(parseCodeowners(rules, { flavor: 'github' }));
    assert.equal(few.lineMatcher(1000), null);
    // Still answered, by the string matcher.
    const seen: string[][] = [];
    few.matchLines(encoder.encode('src/m7/a.ts\n'), (_s, _e, r) => seen.push(r.owners));
    assert.deepEqual(seen, [['@t7']]);
    assert.equal(few.lineMatcher(1000), null);
    const many = compileMatcher(parseCodeowners(rules, { flavor: 'github' }));
    const walker = many.lineMatcher(1_000_000);
    assert.ok(walker);
    // Once built, it serves any batch.
    assert.equal(many.lineMatcher(10), walker);
  });

  it('has a walker for a GitLab file whose entries are all in one section with no exclusion, and none otherwise', () => {
    const walker = (text: string) => compileMatcher(parseCodeowners(text, { flavor: 'gitlab' })).lineMatcher();
    assert.ok(walker('/src/ @a\n*.md @docs\n'), 'no header: the implicit section');
    assert.ok(walker('[Docs][2] @docs\n*.md\n/src/ @a\n'), 'one named section, its defaults and approvals');
    assert.ok(walker('^[Docs] @docs\n*.md\n'), 'one optional section');
    assert.ok(walker('[A]\n[B]\n/src/ @b\n'), 'an empty section besides');
    assert.equal(walker('/src/ @a\n[S]\n/src/ @s\n'), null, 'two sections with rules');
    assert.equal(walker('/src/ @a\n!/src/vendor/\n'), null, 'an exclusion');
    assert.ok(compileMatcher(parseCodeowners('/src/ @a\n', { flavor: 'bitbucket' })).lineMatcher());
    // Its answers are match()'s, sections and all, for the walker's paths and for no rule at all.
    const parsed = parseCodeowners('[Docs][2] @docs\n*.md\n/src/ @a\n/src/x.md @x\n', { flavor: 'gitlab' });
    assert.deepEqual(parsed.diagnostics, []);
    const m = compileMatcher(parsed);
    const w = m.lineMatcher();
    assert.ok(w);
    for (const p of ['src/a.ts', 'src/x.md', 'README.md', 'lib/a.c']) {
      const b = encoder.encode(p);
      const id = w.decide(b, 0, b.length);
      assert.notEqual(id, FALLBACK, p);
      assert.deepEqual(m.resultOfId(id), m.match(p), p);
    }
    assert.deepEqual(m.resultOfId(NO_RULE), m.match('lib/a.c'));
    assert.deepEqual(m.match('src/x.md').sections?.map((x) => [x.section, x.owners, x.optional, x.approvals]), [['Docs', ['@x'], false, 2]]);
  });

  it('random GitLab files of one section (and with a second section or an exclusion, no walker) agree with match()', () => {
    const segment = fc.constantFrom('a', 'b', 'ab', 'a.b', 'x', 'b.md', 'A', '.a', 'é');
    const patternSegment = fc.oneof({ weight: 3, arbitrary: segment }, { weight: 2, arbitrary: fc.constantFrom('*', '**', '?', 'a*', '*.md', '[ab]', '[!a]*', '[a-c]', 'a?') });
    const pattern = fc
      .tuple(fc.constantFrom('', '/', '**/'), fc.array(patternSegment, { minLength: 1, maxLength: 4 }), fc.boolean())
      .map(([lead, segs, trail]) => `${lead}${segs.join('/')}${trail ? '/' : ''}`);
    const owner = fc.constantFrom('@o1', '@o2', '@g/t', 'e@x.io', '');
    const header = fc.constantFrom('', '[S]\n', '^[S] @dflt\n', '[S][2] @dflt\n', '[S] @dflt @g/t\n');
    const extra = fc.constantFrom('', '', '[T]\n/a/ @t\n', '!/a/b\n');
    const pathLine = fc.array(segment, { minLength: 1, maxLength: 5 }).map((x) => x.join('/'));
    fc.assert(
      fc.property(header, fc.array(fc.tuple(pattern, owner), { minLength: 1, maxLength: 10 }), extra, fc.array(pathLine, { minLength: 1, maxLength: 10 }), (head, rules, tail, paths) => {
        const text = `${head}${rules.map(([p, o]) => `${p} ${o}`.trimEnd()).join('\n')}\n${tail}`;
        const decided = agree(text, 'gitlab', paths.join('\n'));
        const walks = compileMatcher(parseCodeowners(text, { flavor: 'gitlab' })).lineMatcher() !== null;
        // (A second section does not always hold rules: a pattern like `[ab]` opens a section.)
        if (tail.startsWith('!')) assert.equal(walks, false, text);
        // The walker decides every ASCII path itself: agreement is not bought by handing all back.
        assert.equal(decided, walks ? paths.filter((x) => [...x].every((c) => c.charCodeAt(0) < 0x80)).length : 0, text);
      }),
      { seed: SEED + 2, numRuns: Math.max(1, Math.round(1500 * SCALE)) },
    );
  });

  it('random bigger files and deeper paths: many tails under one prefix, names of 31 bytes and more', () => {
    const long = ['n'.repeat(31), 'n'.repeat(32), 'm'.repeat(40)];
    const segment = fc.constantFrom('a', 'b', 'ab', 'a.b', 'b.md', 'x', ...long);
    const patternSegment = fc.oneof({ weight: 3, arbitrary: segment }, { weight: 2, arbitrary: fc.constantFrom('*', '**', 'a*', '*b', '*.md', 'a?', '*a*', `${long[0]}*`, `*${long[1]}`) });
    const pattern = fc
      .tuple(fc.constantFrom('', '/', '/a/', '**/'), fc.array(patternSegment, { minLength: 1, maxLength: 7 }), fc.boolean())
      .map(([lead, segs, trail]) => `${lead}${segs.join('/')}${trail ? '/' : ''}`);
    const owner = fc.constantFrom('@o1', '@o2', '');
    const pathLine = fc.array(segment, { minLength: 1, maxLength: 14 }).map((s) => s.join('/'));
    fc.assert(
      fc.property(fc.array(fc.tuple(pattern, owner), { minLength: 1, maxLength: 40 }), fc.array(pathLine, { minLength: 1, maxLength: 20 }), (rules, paths) => {
        agree(rules.map(([p, o]) => `${p} ${o}`.trimEnd()).join('\n'), 'github', paths.join('\n'));
      }),
      { seed: SEED + 1, numRuns: Math.max(1, Math.round(500 * SCALE)) },
    );
  });

  it('a path under a prefix that holds more wildcard tails than the walker first makes room for', () => {
    // 70 tails at /a/ (the walker starts with room for 64 and grows), and a file at /a itself.
    const rules = ['/a @file', ...Array.from({ length: 70 }, (_, i) => `/a/**/n${i}/ @t${i}`), '/a/**/*.md @docs'].join('\n');
    const paths = ['a', 'a/b/n69/c.ts', 'a/n3/x/y.md', 'a/n3/x/y.ts', 'a/z'].join('\n');
    assert.equal(agree(rules, 'github', paths), 5);
    const m = compileMatcher(parseCodeowners(rules, { flavor: 'github' }));
    assert.deepEqual(
      ['a', 'a/b/n69/c.ts', 'a/n3/x/y.md', 'a/n3/x/y.ts'].map((p) => m.match(p).owners),
      [['@file'], ['@t69'], ['@docs'], ['@t3']],
    );
  });

  it('random files and paths (GitHub and Bitbucket), hostile bytes included', () => {
    const segment = fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom('a', 'b', 'ab', 'ba', '.a', 'a.b', 'x', 'b.md', 'A', 'é', '.', '..') },
      { weight: 1, arbitrary: fc.string({ maxLength: 4 }) },
    );
    const patternSegment = fc.oneof(
      { weight: 4, arbitrary: segment },
      { weight: 3, arbitrary: fc.constantFrom('*', '**', '?', 'a*', '*b', '*.b', '*.md', 'a?', '*a*', 'a**b', '\\*', '*a?*', '[ab]', '?*?', '*.', 'é*') },
    );
    const pattern = fc
      .tuple(fc.constantFrom('', '/', '**/'), fc.array(patternSegment, { minLength: 1, maxLength: 4 }), fc.boolean())
      .map(([lead, segs, trail]) => `${lead}${segs.join('/')}${trail ? '/' : ''}`);
    const owner = fc.constantFrom('@o1', '@o2', '@org/t3', 'e@x.io', '');
    const pathLine = fc.oneof(
      { weight: 5, arbitrary: fc.array(segment, { minLength: 1, maxLength: 5 }).map((s) => s.join('/')) },
      { weight: 1, arbitrary: fc.tuple(fc.constantFrom('/', './', '', '//'), fc.array(segment, { minLength: 1, maxLength: 3 }), fc.constantFrom('', '/', '\r')).map(([a, s, z]) => `${a}${s.join('/')}${z}`) },
      { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
    );
    fc.assert(
      fc.property(fc.constantFrom<Flavor>('github', 'bitbucket'), fc.array(fc.tuple(pattern, owner), { minLength: 1, maxLength: 10 }), fc.array(pathLine, { minLength: 1, maxLength: 10 }), (flavor, rules, paths) => {
        agree(rules.map(([p, o]) => `${p} ${o}`.trimEnd()).join('\n'), flavor, paths.join('\n'));
      }),
      { seed: SEED, numRuns: Math.max(1, Math.round(3000 * SCALE)) },
    );
  });
});
