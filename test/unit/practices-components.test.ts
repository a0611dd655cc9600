// Components (ownership.yml paths, in CODEOWNERS syntax) and the CONTRIBUTING guide that
// applies to a file.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { nodeFileSystem } from '../../src/core/fs';
import { componentsFor, literalRoot } from '../../src/core/practices/componentPaths';
import { nearestContributing } from '../../src/core/practices/contributing';
import { EMPTY_OWNERSHIP_CONFIG, type Component, type OwnershipConfig } from '../../src/core/practices/types';

function configWith(...components: Array<Pick<Component, 'name' | 'paths'>>): OwnershipConfig {
  return { ...EMPTY_OWNERSHIP_CONFIG, components: components.map((c) => ({ ...c, links: {}, practices: [] })) };
}

describe('component paths', () => {
  // pattern, path, belongs: GitHub's CODEOWNERS rules.
  const table: Array<[string, string, boolean]> = [
    ['services/payments/**', 'services/payments/api.py', true],
    ['services/payments/**', 'services/payments/v1/handler.py', true],
    ['services/payments/**', 'services/payments-legacy/api.py', false],
    ['services/payments/', 'services/payments/v1/handler.py', true],
    ['services/payments', 'services/payments/v1/handler.py', true],
    ['docs/*', 'docs/guide.md', true],
    ['docs/*', 'docs/api/guide.md', false],
    ['*.proto', 'api/v1/payments.proto', true],
    ['*.proto', 'payments.proto.bak', false],
    ['/build', 'build/out.js', true],
    ['/build', 'tools/build/out.js', false],
    ['build', 'tools/build/out.js', true],
    ['services/*/api/**', 'services/search/api/query.py', true],
    ['services/*/api/**', 'services/search/lib/query.py', false],
    ['Services/Payments/', 'services/payments/api.py', false],
  ];
  for (const [pattern, file, belongs] of table) {
    it(`${pattern} ${belongs ? 'covers' : 'does not cover'} ${file}`, () => {
      assert.equal(componentsFor(file, configWith({ name: 'C', paths: [pattern] })).length, belongs ? 1 : 0);
    });
  }

  it('returns every component a path belongs to, in file order, with the pattern that matched', () => {
    const config = configWith({ name: 'Services', paths: ['services/'] }, { name: 'Other', paths: ['lib/'] }, { name: 'Payments', paths: ['x/', 'services/payments/**'] });
    const found = componentsFor('services/payments/api.py', config);
    assert.deepEqual(found.map((c) => [c.component.name, c.pattern, c.root]), [
      ['Services', 'services/', 'services'],
      ['Payments', 'services/payments/**', 'services/payments'],
    ]);
  });

  const roots: Array<[string, string, string]> = [
    ['services/payments/**', 'services/payments/v1/handler.py', 'services/payments'],
    ['/services/payments/', 'services/payments/api.py', 'services/payments'],
    ['services/payments/api.py', 'services/payments/api.py', 'services/payments'],
    ['services/*/api/**', 'services/search/api/query.py', 'services'],
    ['*.proto', 'api/v1/payments.proto', ''],
    ['build', 'tools/build/out.js', ''],
  ];
  for (const [pattern, file, root] of roots) {
    it(`the root of ${pattern} seen from ${file} is "${root}"`, () => assert.equal(literalRoot(pattern, file), root));
  }
});

describe('the nearest CONTRIBUTING guide', () => {
  let root: string;
  const write = (rel: string) => {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), 'x\n');
  };
  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'ol-contributing-'));
    write('CONTRIBUTING.md');
    write('services/payments/CONTRIBUTING.md');
    write('services/payments/v1/handler.py');
    write('services/search/index.py');
    write('services/legacy/contributing.md');
    write('services/legacy/old.py');
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));
  const nearest = (file: string, stopAt: string) => nearestContributing(nodeFileSystem, root, file, stopAt);

  it("finds the component's own guide above the file", () => {
    assert.equal(nearest('services/payments/v1/handler.py', 'services/payments'), 'services/payments/CONTRIBUTING.md');
  });

  it("does not climb above the component's root", () => {
    assert.equal(nearest('services/search/index.py', 'services/search'), null);
  });

  it('reaches the repository guide when the component is the whole repository', () => {
    assert.equal(nearest('services/search/index.py', ''), 'CONTRIBUTING.md');
  });

  it("counts a folder's own guide when the path is the folder", () => {
    assert.equal(nearest('services/payments', 'services/payments'), 'services/payments/CONTRIBUTING.md');
  });

  it('accepts the lower-case spelling', () => {
    assert.equal(nearest('services/legacy/old.py', 'services/legacy'), 'services/legacy/contributing.md');
  });

  it('looks in .github/ and docs/ for the repository guide, as GitHub does', () => {
    fs.rmSync(path.join(root, 'CONTRIBUTING.md'));
    write('.github/CONTRIBUTING.md');
    assert.equal(nearest('services/search/index.py', ''), '.github/CONTRIBUTING.md');
  });
});
