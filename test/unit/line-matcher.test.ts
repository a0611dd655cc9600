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
  return decided;
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
      // GitLab files go to the string matcher (sections); GitHub ones are decided on bytes.
      if (meta.flavor === 'gitlab') assert.equal(decided, 0);
      else assert.equal(decided, total - nonAscii(paths), `${name}: the walker decided ${decided} of ${total} paths itself`);
    });
  }

  it('every path of the generated 20,000-path monorepo, all decided by the walker', function () {
    this.timeout(60_000);
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'ol-gen-'));
    try {
      execFileSync(process.execPath, [path.join(__dirname, '..', '..', 'bench', 'gen-monorepo.mjs'), '--seed', '7', '--paths', '20000', '--rules', '500', '--name', 'mid', '--out', out]);
      const codeowners = fs.readFileSync(path.join(out, 'mid', 'CODEOWNERS'), 'utf8');
      const text = fs.readFileSync(path.join(out, 'mid', 'paths.txt'), 'utf8');
      assert.equal(agree(codeowners, 'github', text), 20_000);
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
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

  it('has no walker for GitLab files, whose sections it does not handle', () => {
    assert.equal(compileMatcher(parseCodeowners('[S]\n/src/ @a\n', { flavor: 'gitlab' })).lineMatcher(), null);
    assert.ok(compileMatcher(parseCodeowners('/src/ @a\n', { flavor: 'bitbucket' })).lineMatcher());
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
