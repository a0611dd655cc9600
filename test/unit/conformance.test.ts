// The public conformance cases (GitHub and GitLab documentation), copied from the shared set:
// every case must give exactly the owners the host applies.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { compileMatcher, parseCodeowners, locateCodeowners, type Flavor } from '../../src/core';

interface Case {
  id: string;
  flavor: Flavor;
  codeowners: string;
  path: string;
  expected: string[];
  expected_by_section?: Record<string, string[]>;
  note?: string;
}

interface LocationCase {
  flavor: Flavor;
  present: string[];
  used: string | null;
}

const dir = path.join(__dirname, '..', 'fixtures', 'conformance');
const cases = JSON.parse(fs.readFileSync(path.join(dir, 'cases.json'), 'utf8')) as Case[];
const locations = JSON.parse(fs.readFileSync(path.join(dir, 'locations.json'), 'utf8')) as LocationCase[];

const sorted = (xs: string[]): string[] => [...xs].sort();

describe('conformance: documented CODEOWNERS cases', () => {
  it('has the whole public set', () => {
    assert.equal(cases.length, 139);
  });
  for (const c of cases) {
    it(`${c.id} (${c.flavor}) ${c.path}`, () => {
      const matcher = compileMatcher(parseCodeowners(c.codeowners, { flavor: c.flavor }));
      const result = matcher.match(c.path);
      assert.deepEqual(sorted(result.owners), sorted(c.expected), c.note);
      if (c.expected_by_section) {
        const bySection: Record<string, string[]> = {};
        for (const s of result.sections ?? []) bySection[s.section] = sorted(s.owners);
        const expected = Object.fromEntries(Object.entries(c.expected_by_section).map(([k, v]) => [k, sorted(v)]));
        assert.deepEqual(bySection, expected, c.note);
      }
    });
  }
});

describe('conformance: which CODEOWNERS file a host uses', () => {
  for (const c of locations) {
    it(`${c.flavor}: [${c.present.join(', ')}] -> ${c.used}`, () => {
      const present = new Set(c.present);
      const { located } = locateCodeowners((rel) => (present.has(rel) ? 'file' : null), c.flavor);
      assert.equal(located?.file ?? null, c.used);
    });
  }
});
