// Pattern semantics, table-driven (test/fixtures/patterns.json: flavor, pattern, path -> match),
// checked both through the fast matcher and the slow reference, so the table, the reference
// and the engine must all agree.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { compileMatcher, parseCodeowners, type Flavor } from '../../src/core';
import { githubRegex, gitlabRegex } from '../support/reference-matcher';

interface PatternCase {
  flavor: Flavor;
  pattern: string;
  paths: Record<string, boolean>;
}

const table = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'patterns.json'), 'utf8')) as PatternCase[];

describe('pattern semantics (table)', () => {
  for (const c of table) {
    describe(`${c.flavor}: ${c.pattern}`, () => {
      const escaped = c.pattern.startsWith('#') ? `\\${c.pattern}` : c.pattern;
      const matcher = compileMatcher(parseCodeowners(`${escaped} @owner\n`, { flavor: c.flavor }));
      for (const [p, expected] of Object.entries(c.paths)) {
        it(`${expected ? 'matches' : 'does not match'} ${p}`, () => {
          assert.equal(matcher.match(p).owners.length > 0, expected, 'engine');
          const re = c.flavor === 'gitlab' ? gitlabRegex(c.pattern) : githubRegex(c.pattern);
          const ref = re !== null && re.test(c.flavor === 'gitlab' ? `/${p}` : p);
          assert.equal(ref, expected, 'reference');
        });
      }
    });
  }
});
