// The compiled bundled rubrics (what the build writes to dist/rubrics/ so the editor needs no
// YAML parser for them): the same rubric as the YAML gives, and never a stale one.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { compileBundledRubrics, loadBundledRubricYaml } from '../../src/core/rubric/bundledRubrics';
import { BUNDLED_RUBRICS, bundledRubricsDir, compiledRubricPath, loadCompiledRubric, type BundledRubricName } from '../../src/core/rubric/compiledRubrics';

const NAMES = Object.keys(BUNDLED_RUBRICS) as BundledRubricName[];

describe('compiled bundled rubrics', () => {
  let tmp: string;
  let rubricsDir: string;
  let bundleDir: string;
  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ownership-lens-compiled-'));
    rubricsDir = path.join(tmp, 'rubrics');
    bundleDir = path.join(tmp, 'dist');
    fs.mkdirSync(rubricsDir);
    for (const file of [...Object.values(BUNDLED_RUBRICS), 'rubric.schema.json']) fs.copyFileSync(path.join(bundledRubricsDir(), file), path.join(rubricsDir, file));
  });
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('read back, each is the rubric its YAML gives, naming the YAML as its file', () => {
    const written = compileBundledRubrics(bundleDir, rubricsDir);
    assert.deepEqual(written, NAMES.map((n) => compiledRubricPath(n, bundleDir)));
    for (const name of NAMES) {
      const yamlPath = path.join(rubricsDir, BUNDLED_RUBRICS[name]);
      const compiled = loadCompiledRubric(name, yamlPath, bundleDir);
      assert.ok(compiled, `${name}: no compiled rubric read back`);
      assert.deepEqual(compiled, loadBundledRubricYaml(name, rubricsDir));
      assert.equal(compiled.file, yamlPath);
    }
  });

  it('a YAML edited after compiling is not answered from the stale compiled form', () => {
    compileBundledRubrics(bundleDir, rubricsDir);
    const yamlPath = path.join(rubricsDir, BUNDLED_RUBRICS.l4);
    fs.writeFileSync(yamlPath, fs.readFileSync(yamlPath, 'utf8').replace(/^title: .*$/m, 'title: Edited since the build'));
    assert.equal(loadCompiledRubric('l4', yamlPath, bundleDir), undefined);
    assert.equal(loadBundledRubricYaml('l4', rubricsDir).title, 'Edited since the build');
    // The other one is untouched and still compiled.
    assert.ok(loadCompiledRubric('l6', path.join(rubricsDir, BUNDLED_RUBRICS.l6), bundleDir));
  });

  it('nothing compiled, or a compiled file that is not JSON: undefined, so the YAML is read', () => {
    const yamlPath = path.join(rubricsDir, BUNDLED_RUBRICS.l4);
    assert.equal(loadCompiledRubric('l4', yamlPath, bundleDir), undefined);
    fs.mkdirSync(path.dirname(compiledRubricPath('l4', bundleDir)), { recursive: true });
    fs.writeFileSync(compiledRubricPath('l4', bundleDir), '{ not json');
    assert.equal(loadCompiledRubric('l4', yamlPath, bundleDir), undefined);
  });

  it('an invalid bundled rubric fails the compile (and so the build)', () => {
    fs.writeFileSync(path.join(rubricsDir, BUNDLED_RUBRICS.l6), 'id: broken\n');
    assert.throws(() => compileBundledRubrics(bundleDir, rubricsDir), /bundled rubric l6 is invalid/);
  });
});
