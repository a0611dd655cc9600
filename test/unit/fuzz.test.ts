// Fuzzing: whatever a repository holds, the loaders and the matcher return results and
// diagnostics, never an exception; the hover's path finding stays within the line and its
// window; the CLI answers every argument list with an exit code, and a failure with one line.
// Seeded and reproducible. `npm run fuzz` runs the same properties with FUZZ_SCALE (default
// 20) times more cases.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import { compileMatcher, parseCodeowners } from '../../src/core';
import { parseRubric } from '../../src/core/rubric/loadRubric';
import { parseOwnershipConfig } from '../../src/core/practices/loadOwnershipConfig';
import { main } from '../../src/cli/main';
import { MAX_PATH_LENGTH, pathCandidatesAt, WINDOW, type CandidateOptions } from '../../src/extension/hover/pathCandidates';
import type { CliIO } from '../../src/cli/io';

const SCALE = Number(process.env.FUZZ_SCALE ?? 1);
const runs = (n: number): number => Math.max(1, Math.round(n * SCALE));
const SEED = Number(process.env.FUZZ_SEED ?? 424242);

/** Text built from the characters that matter to the parsers, plus anything at all. */
const codeownersText = fc
  .array(
    fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom('*', '**', '/', '\\', '[', ']', '!', '#', '^', '@', '@@', ' ', '\t', '\n', '\r\n', '.', '?', 'a', 'b/', '[S]', '[2]', 'x@y.z', '\uFEFF', '\u202e', '\0') },
      { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 8 }) },
    ),
    { maxLength: 60 },
  )
  .map((parts) => parts.join(''));

const anyPath = fc.oneof(
  fc.array(fc.constantFrom('a', 'b', '.x', '*', '[', ' ', 'é', '\u202e', ''), { maxLength: 6 }).map((s) => s.join('/')),
  fc.string({ unit: 'binary', maxLength: 30 }),
);

function wellFormed(d: { line: number; column: number; severity: string; code: string; message: string }): void {
  assert.ok(Number.isInteger(d.line) && d.line >= 1, `line ${d.line}`);
  assert.ok(Number.isInteger(d.column) && d.column >= 1, `column ${d.column}`);
  assert.ok(['error', 'warning', 'info'].includes(d.severity));
  assert.ok(d.code.length > 0 && d.message.length > 0);
}

describe('fuzz: CODEOWNERS parser and matcher', () => {
  for (const flavor of ['github', 'gitlab', 'bitbucket', 'auto'] as const) {
    it(`${flavor}: never throws; diagnostics are positioned; owners come from the file`, () => {
      fc.assert(
        fc.property(codeownersText, fc.array(anyPath, { maxLength: 4 }), (text, paths) => {
          const parsed = parseCodeowners(text, { flavor });
          const lines = text.split('\n').length;
          for (const d of parsed.diagnostics) {
            wellFormed(d);
            assert.ok(d.line <= Math.max(1, lines), `line ${d.line} of ${lines}`);
          }
          const known = new Set(parsed.rules.flatMap((r) => r.owners.map((o) => o.text)));
          const m = compileMatcher(parsed);
          for (const p of paths) for (const o of m.match(p).owners) assert.ok(known.has(o), o);
        }),
        { seed: SEED, numRuns: runs(60_000) },
      );
    });
  }
});

describe('fuzz: rubric and ownership.yml loaders', () => {
  const yamlish = fc
    .array(fc.oneof(fc.constantFrom('a:', ' ', '  - ', '\n', '&x ', '*x', '[', ']', '{', '}', '"', "'", '#', 'id: e1', 'expectations:', 'teams:', '"@acme/x":', 'practices:', '!!str', '---', '\t', '\0'), fc.string({ maxLength: 6 })), { maxLength: 40 })
    .map((p) => p.join(''));
  it('rubric: never throws; a rubric with errors is not used', () => {
    fc.assert(
      fc.property(yamlish, (text) => {
        const r = parseRubric(text, 'custom.yaml');
        r.diagnostics.forEach(wellFormed);
        if (r.diagnostics.some((d) => d.severity === 'error')) assert.equal(r.rubric, null);
      }),
      { seed: SEED, numRuns: runs(15_000) },
    );
  });
  it('ownership.yml: never throws; always yields a configuration', () => {
    fc.assert(
      fc.property(yamlish, (text) => {
        const r = parseOwnershipConfig(text, '.github/ownership.yml');
        r.diagnostics.forEach(wellFormed);
        assert.ok(r.config);
      }),
      { seed: SEED, numRuns: runs(15_000) },
    );
  });
});

describe('fuzz: CLI arguments', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'ol-fuzz-'));
  fs.mkdirSync(path.join(root, '.git'));
  fs.mkdirSync(path.join(root, '.github'));
  fs.writeFileSync(path.join(root, '.github', 'CODEOWNERS'), '* @a\n/src/ @b\n');
  const arg = fc.oneof(
    fc.constantFrom('who', 'check', 'explain', 'help', '--json', '--stdin', '--root', root, '--flavor', 'gitlab', 'svn', '--codeowners', '--me', '--rubric', 'l6', '-h', '--', '--bogus', 'src/a.ts', '=', ''),
    fc.string({ maxLength: 8 }),
  );
  /** A line of a V8 stack trace: `    at fn (file.ts:1:2)` or `    at file.ts:1:2`. */
  const STACK_LINE = /^\s+at .*:\d+:\d+\)?$/m;
  it('always ends with exit code 0, 1 or 2, never throws, and says a usage error in one line without a stack trace', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(arg, { maxLength: 6 }), async (argv) => {
        let out = '';
        let err = '';
        const io: CliIO = { cwd: root, env: {}, stdout: (t) => (out += t), stderr: (t) => (err += t), readStdin: async () => Buffer.from('src/x\n') };
        const code = await main(argv, io);
        const what = `exit ${code} for ${JSON.stringify(argv)}: ${JSON.stringify(err)}`;
        assert.ok([0, 1, 2].includes(code), what);
        assert.ok(!STACK_LINE.test(err) && !STACK_LINE.test(out), `a stack trace, ${what}`);
        // Exit 2 is a usage error: exactly one line on stderr, naming the tool.
        if (code === 2) assert.match(err, /^ownership-lens[^\n]*: [^\n]+\n$/, what);
        // Exit 1 is findings (on stdout); whatever goes to stderr is still one line per message.
        for (const line of err.split('\n').filter(Boolean)) assert.match(line, /^ownership-lens[ :]/, what);
      }),
      { seed: SEED, numRuns: runs(1_500) },
    );
  });
});

describe('fuzz: hover path candidates', () => {
  const piece = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom('/', '.', 'a', 'src', 'x.ts', ' ', '\t', '"', "'", '`', '[', ']', '(', ')', '](', '<', '>', '#', '?', ':', ':12', '#L3', '%', '%zz', '%2F', '\\', '\\ ', '*', '**', '${', '{{', 'é', '\u202e', '\0', '\uD800', 'https:', '~', '@', ',', ';') },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) },
  );
  // Lines longer than the window on either side of the mouse, now and then.
  const line = fc.tuple(fc.nat(1_200), fc.array(piece, { maxLength: 80 }), fc.nat(1_200)).map(([pad, parts, tail]) => `${'a'.repeat(pad)}${parts.join('')}${'/'.repeat(tail)}`);
  const options = fc.constantFrom<CandidateOptions>({ languageId: 'typescript' }, { languageId: 'markdown' }, { languageId: 'yaml' }, { languageId: 'codeowners', codeowners: true });
  it('never throws; every candidate is a span of the line near the mouse, and what it holds', () => {
    fc.assert(
      fc.property(line, fc.double({ min: -0.1, max: 1.1, noNaN: true }), options, (text, where, opts) => {
        const ch = Math.round(where * text.length);
        const found = pathCandidatesAt(text, ch, opts);
        assert.ok(found.length <= 3, `${found.length} candidates`);
        if (ch < 0 || ch > text.length) assert.deepEqual(found, []);
        const paths = new Set<string>();
        for (const c of found) {
          const at = `${JSON.stringify(c)} at ${ch} of ${text.length}`;
          assert.ok(Number.isInteger(c.start) && Number.isInteger(c.end) && c.start >= 0 && c.start < c.end && c.end <= text.length, at);
          assert.ok(c.start >= ch - WINDOW && c.end <= ch + WINDOW, `outside the window: ${at}`);
          assert.ok(c.path.length > 0 && c.path.length <= MAX_PATH_LENGTH, at);
          assert.ok(![...c.path].some((x) => x.charCodeAt(0) < 32), `a control character: ${at}`);
          assert.ok(!paths.has(c.path), `a repeat: ${at}`);
          paths.add(c.path);
          const span = text.slice(c.start, c.end);
          // Links name their target (next to the label the mouse may be on) and are URI-decoded.
          if (c.kind === 'link') continue;
          // A quoted string covers the mouse, its quotes included; a word covers it.
          assert.ok(c.kind === 'quoted' ? c.start - 1 <= ch && ch <= c.end : c.start <= ch && ch <= c.end, `not under the mouse: ${at}`);
          // In CODEOWNERS `\\ ` is unescaped: compare without backslashes there.
          const plain = (t: string) => (opts.codeowners ? t.replace(/\\/g, '') : t);
          assert.ok(plain(span).includes(plain(c.path)), `not in its span ${JSON.stringify(span)}: ${at}`);
        }
      }),
      { seed: SEED, numRuns: runs(20_000) },
    );
  });
});
