// Fuzzing: whatever a repository holds, the loaders and the matcher return results and
// diagnostics, never an exception; the CLI answers every argument list with an exit code.
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
  it('always ends with exit code 0, 1 or 2 and never throws', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(arg, { maxLength: 6 }), async (argv) => {
        let out = '';
        const io: CliIO = { cwd: root, env: {}, stdout: (t) => (out += t), stderr: (t) => (out += t), readStdin: async () => 'src/x\n' };
        const code = await main(argv, io);
        assert.ok([0, 1, 2].includes(code), `exit ${code} for ${JSON.stringify(argv)}`);
      }),
      { seed: SEED, numRuns: runs(1_500) },
    );
  });
});
