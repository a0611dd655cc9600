// Cases from the reference implementations' test tables and GitLab's own specs
// (test/fixtures/reference/, see its README), run the way the outside check runs them: through
// `ownership-lens who --json`, in-process, with the paths on standard input.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { main } from '../../src/cli/main';
import type { CliIO } from '../../src/cli/io';

interface Case {
  id: string;
  flavor: 'github' | 'gitlab' | 'bitbucket';
  codeowners: string;
  path: string;
  expected: string[];
  expected_by_section?: Record<string, string[]>;
  source: string;
  note?: string;
}

interface Record_ {
  path: string;
  owners: string[];
  sections?: Record<string, string[]>;
}

const dir = path.join(__dirname, '..', 'fixtures', 'reference');
const sets = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => ({ file: f, cases: JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as Case[] }));

const sorted = (xs: string[]): string[] => [...xs].sort();

/** `who --json --stdin` on one CODEOWNERS text and its paths: the records by path. */
async function who(flavor: string, codeowners: string, paths: string[]): Promise<Map<string, Record_>> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'ol-reference-'));
  try {
    fs.writeFileSync(path.join(root, 'CODEOWNERS'), codeowners);
    let out = '';
    let err = '';
    const io: CliIO = { cwd: root, env: {}, stdout: (t) => (out += t), stderr: (t) => (err += t), readStdin: async () => Buffer.from(paths.map((p) => `${p}\n`).join(''), 'utf8') };
    const chunks: Buffer[] = [];
    io.stdoutBytes = (b) => chunks.push(Buffer.from(b));
    const code = await main(['who', '--json', '--stdin', '--root', root, '--codeowners', 'CODEOWNERS', '--flavor', flavor], io);
    assert.equal(code, 0, err);
    const records = (out + Buffer.concat(chunks).toString('utf8'))
      .split('\n')
      .filter((l) => l !== '')
      .map((l) => JSON.parse(l) as Record_);
    assert.equal(records.length, paths.length, 'one record per path');
    return new Map(records.map((r) => [r.path, r]));
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

describe('reference cases through `who --json --stdin`', () => {
  it('has the sets (each with cases)', () => {
    assert.ok(sets.length >= 1);
    for (const s of sets) assert.ok(s.cases.length > 0, s.file);
  });

  for (const set of sets) {
    describe(set.file, () => {
      // One run per CODEOWNERS text, with all its cases' paths.
      const groups = new Map<string, Case[]>();
      for (const c of set.cases) {
        const key = `${c.flavor}\u0000${c.codeowners}`;
        groups.set(key, [...(groups.get(key) ?? []), c]);
      }
      const answers = new Map<string, Promise<Map<string, Record_>>>();
      const answerFor = (c: Case): Promise<Map<string, Record_>> => {
        const key = `${c.flavor}\u0000${c.codeowners}`;
        let a = answers.get(key);
        if (a === undefined) {
          a = who(c.flavor, c.codeowners, [...new Set((groups.get(key) ?? []).map((g) => g.path))]);
          answers.set(key, a);
        }
        return a;
      };
      for (const c of set.cases) {
        it(`${c.id} (${c.flavor}) ${JSON.stringify(c.path)}`, async () => {
          const record = (await answerFor(c)).get(c.path);
          assert.ok(record, `no record for ${c.path}`);
          const why = `${c.source}${c.note ? ` — ${c.note}` : ''}`;
          assert.deepEqual(sorted(record.owners), sorted(c.expected), why);
          if (c.expected_by_section) {
            const got = Object.fromEntries(Object.entries(record.sections ?? {}).map(([k, v]) => [k, sorted(v)]));
            const want = Object.fromEntries(Object.entries(c.expected_by_section).map(([k, v]) => [k, sorted(v)]));
            assert.deepEqual(got, want, why);
          }
        });
      }
    });
  }
});
