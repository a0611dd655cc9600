// "Did you mean" for a rule whose literal path names nothing (nearestPath.ts).
import * as assert from 'node:assert/strict';
import { editDistance } from '../../src/core/editDistance';
import { nearestPath } from '../../src/extension/codeowners/nearestPath';

const TREE: Record<string, string[]> = {
  '': ['docs', 'services', 'README.md'],
  docs: ['guide.md', 'guides', 'api.md'],
  services: ['payments', 'payouts', 'identity'],
  'services/payments': ['api', 'README.md'],
  'services/payouts': ['api'],
};
const list = (dir: readonly string[]) => TREE[dir.join('/')] ?? null;
const near = (path: string) => nearestPath(path.split('/'), list)?.join('/') ?? null;

describe('nearestPath: the path that is there, for a literal path that is not', () => {
  it('one name spelled a little differently: a letter missing, extra, changed or swapped', () => {
    assert.equal(near('docs/guid.md'), 'docs/guide.md');
    assert.equal(near('services/paymnets/api'), 'services/payments/api');
    assert.equal(near('Services/identity'), 'services/identity');
    assert.equal(near('README.MD'), 'README.md');
  });

  it('nothing when the closest is ambiguous, too far, the name too short, or the rest of the path is not there', () => {
    // payment → payments (1 edit), payouts (3): fine; paymts → payments (2) and payouts (2): ambiguous.
    assert.equal(near('services/payment'), 'services/payments');
    assert.equal(near('services/paymts'), null);
    assert.equal(near('docs/handbook.md'), null);
    assert.equal(near('services/payments/ap'), null, 'two letters: the one edit to api is half of them');
    assert.equal(near('services/paymnets/web'), null, 'payments/web is not there either');
    assert.equal(near('nowhere/x'), null);
  });

  it('nothing when the path is there as written, or a folder cannot be read', () => {
    assert.equal(near('docs/guide.md'), null);
    assert.equal(nearestPath(['docs', 'x'], () => null), null);
  });

  it('counts edits as Levenshtein does, an adjacent swap as one, and stops at the limit', () => {
    assert.equal(editDistance('kitten', 'sitting', 9), 3);
    assert.equal(editDistance('ab', 'ba', 9), 1);
    assert.equal(editDistance('payments', 'paymnets', 9), 1);
    assert.equal(editDistance('a', 'abcdef', 3), 3);
    assert.equal(editDistance('', '', 3), 0);
  });
});
