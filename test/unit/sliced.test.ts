// The sliced forms of loading a CODEOWNERS (what the editor uses, so that compiling a large
// file never holds the extension host's thread): they must give exactly the one-go answer,
// and they must really stop between slices and let queued work run.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  compileMatcher,
  compileMatcherSliced,
  loadRepositoryOwnership,
  loadRepositoryOwnershipAsync,
  ownershipFromText,
  ownershipFromTextAsync,
  parseCodeowners,
  parseCodeownersSliced,
  type Slicer,
} from '../../src/core';

const realworld = path.join(__dirname, '..', 'fixtures', 'realworld');

/** A slicer that ends a slice at every look, counting the slices it was asked for. */
function everyLook(): Slicer & { slices: number; otherWorkRan: number } {
  const s = {
    slices: 0,
    otherWorkRan: 0,
    due: () => true,
    next: () =>
      new Promise<void>((resolve) => {
        s.slices++;
        // Work queued by "someone else" while we were busy must run before the next slice.
        setImmediate(() => s.otherWorkRan++);
        setImmediate(resolve);
      }),
  };
  return s;
}

function cases(): Array<{ name: string; flavor: 'github' | 'gitlab'; text: string; paths: string[] }> {
  const out = [];
  for (const [name, flavor] of [['apache__nuttx', 'github'], ['espressif__esp-idf', 'gitlab']] as const) {
    const dir = path.join(realworld, name);
    const text = fs.readFileSync(path.join(dir, 'CODEOWNERS'), 'utf8');
    const paths = fs.readFileSync(path.join(dir, 'paths.txt'), 'utf8').split('\n').filter(Boolean);
    // A spread of the real paths: every 7th, enough to cover each part of the tree.
    out.push({ name, flavor, text, paths: paths.filter((_, i) => i % 7 === 0) });
  }
  return out;
}

describe('sliced parse and compile', () => {
  for (const c of cases()) {
    it(`${c.name}: the sliced parse and compile answer every path as the one-go forms do`, async () => {
      const slicer = everyLook();
      const parsed = await parseCodeownersSliced(c.text, { flavor: c.flavor }, slicer);
      const oneGo = parseCodeowners(c.text, { flavor: c.flavor });
      assert.deepEqual(parsed, oneGo);
      const sliced = await compileMatcherSliced(parsed, slicer);
      const reference = compileMatcher(oneGo);
      for (const p of c.paths) assert.deepEqual(sliced.match(p), reference.match(p), p);
      // 32 lines or entries per look: a file of N rules stops about 2N/32 times.
      assert.ok(slicer.slices >= Math.floor(oneGo.rules.length / 32), `${slicer.slices} slices for ${oneGo.rules.length} rules`);
      assert.equal(slicer.otherWorkRan, slicer.slices, 'work queued between slices ran');
    });
  }

  it('loadRepositoryOwnershipAsync and ownershipFromTextAsync equal their one-go forms, diagnostics included', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'ol-sliced-'));
    fs.mkdirSync(path.join(root, '.git'));
    fs.mkdirSync(path.join(root, '.github'));
    const text = '# owners\n* @org/all\n/src/ @org/src bad-owner\n!nope @x\n/docs/**/*.md @docs\n';
    fs.writeFileSync(path.join(root, '.github', 'CODEOWNERS'), text);
    const paths = ['a', 'src/x.ts', 'docs/a/b.md', 'docs/c.txt'];
    const pairs = [
      [await loadRepositoryOwnershipAsync(root, {}, everyLook()), loadRepositoryOwnership(root)],
      [await ownershipFromTextAsync(root, '.github/CODEOWNERS', text, 'github', [], everyLook()), ownershipFromText(root, '.github/CODEOWNERS', text, 'github')],
    ];
    for (const [sliced, oneGo] of pairs) {
      assert.deepEqual(sliced.diagnostics, oneGo.diagnostics);
      assert.ok(sliced.diagnostics.some((d) => d.code === 'invalid-owner' && d.file === '.github/CODEOWNERS'), JSON.stringify(sliced.diagnostics));
      assert.deepEqual([sliced.file, sliced.flavor], [oneGo.file, oneGo.flavor]);
      for (const p of paths) assert.deepEqual(sliced.match(p), oneGo.match(p), p);
    }
    // No CODEOWNERS: the same "no map" answer, without slicing anything.
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'ol-sliced-'));
    const none = await loadRepositoryOwnershipAsync(empty, {}, everyLook());
    assert.equal(none.file, null);
    assert.deepEqual(none.match('a'), loadRepositoryOwnership(empty).match('a'));
  });
});
