// Differential test on seven real repositories: for every file in each repository, the fast
// matcher must agree with the slow reference matcher (test/support/reference-matcher.ts).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { compileMatcher, parseCodeowners, type Flavor } from '../../src/core';
import { referenceGithub, referenceGitlab, type ReferenceRule } from '../support/reference-matcher';

const root = path.join(__dirname, '..', 'fixtures', 'realworld');
const datasets = fs.readdirSync(root).filter((d) => fs.existsSync(path.join(root, d, 'meta.json')));

describe('real-world CODEOWNERS: fast matcher agrees with the reference on every file', () => {
  it('has all seven datasets', () => assert.equal(datasets.length, 7));
  for (const name of datasets) {
    it(name, function () {
      this.timeout(120_000);
      const meta = JSON.parse(fs.readFileSync(path.join(root, name, 'meta.json'), 'utf8')) as { flavor: Flavor; rules: number };
      const text = fs.readFileSync(path.join(root, name, 'CODEOWNERS'), 'utf8');
      const paths = fs.readFileSync(path.join(root, name, 'paths.txt'), 'utf8').split('\n').filter(Boolean);
      const parsed = parseCodeowners(text, { flavor: meta.flavor });
      assert.equal(parsed.flavor, meta.flavor);
      const rules: ReferenceRule[] = parsed.rules
        .filter((r) => r.applied)
        .map((r) => ({
          pattern: r.exclusion ? r.pattern.slice(1) : r.pattern,
          owners: r.owners.map((o) => o.text),
          section: r.section,
          exclusion: r.exclusion,
        }));
      const matcher = compileMatcher(parsed);
      const refGithub = referenceGithub(rules);
      const refGitlab = referenceGitlab(rules);
      // The reference is slow (every rule for every path): sample big datasets evenly.
      const budget = 15_000_000;
      const step = Math.max(1, Math.ceil((paths.length * rules.length) / budget));
      let compared = 0;
      for (let i = 0; i < paths.length; i += step) {
        const p = paths[i];
        const ours = matcher.match(p);
        if (meta.flavor === 'gitlab') {
          const bySection: Record<string, string[]> = {};
          for (const s of ours.sections ?? []) bySection[s.section] = s.owners;
          assert.deepEqual(bySection, refGitlab(p), `${name}: ${p}`);
        } else {
          assert.deepEqual(ours.owners, refGithub(p) ?? [], `${name}: ${p}`);
        }
        compared++;
      }
      assert.ok(compared >= Math.min(paths.length, 500), `compared ${compared} paths`);
    });
  }
});
