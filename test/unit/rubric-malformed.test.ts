// Broken rubrics: each problem is reported with file, line and column, the broken rubric is
// not used, and the bundled rubric keeps working.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { nodeFileSystem, type FileSystem } from '../../src/core/fs';
import { chooseRubric } from '../../src/core/rubric/bundledRubrics';
import { loadRubricFile, parseRubric } from '../../src/core/rubric/loadRubric';
import { aliasBomb, only } from './rubric-test-helpers';

const VALID = `id: team-rubric
title: Our ownership
level: Everyone
expectations:
  - id: keep-it-tested
    title: Keep it tested
    text: Every change comes with tests.
    situations: [mine, upstream]
examples:
  - id: added-tests
    text: They added the missing tests before fixing the bug.
    illustrates: [keep-it-tested]
    situations: [mine]
`;


describe('a malformed rubric', () => {
  it('a valid custom rubric loads, with defaults filled in', () => {
    const { rubric, diagnostics } = parseRubric(VALID, 'team.yaml');
    assert.deepEqual(diagnostics, []);
    assert.equal(rubric?.expectations[0].ask.length, 0);
    assert.equal(rubric?.examples[0].kind, 'behaviour');
    assert.equal(rubric?.file, 'team.yaml');
  });

  it('a YAML syntax error is reported at its line and column, and the rubric is not used', () => {
    const text = VALID.replace('title: Our ownership', 'title: [Our ownership');
    const { rubric, diagnostics } = parseRubric(text, 'team.yaml');
    assert.equal(rubric, null);
    const d = diagnostics.find((x) => x.code === 'yaml-syntax');
    assert.ok(d, JSON.stringify(diagnostics));
    assert.equal(d.file, 'team.yaml');
    assert.equal(d.severity, 'error');
    assert.ok(d.line >= 2 && d.line <= 4, `line ${d.line}`);
  });

  it('a duplicated key is an error, not a silent overwrite, and the rubric is not used', () => {
    const { rubric, diagnostics } = parseRubric(VALID.replace('level: Everyone', 'level: Everyone\ntitle: Again'), 'team.yaml');
    assert.equal(rubric, null);
    const d = only(diagnostics, 'yaml-duplicate-key');
    assert.deepEqual([d.line, d.column, d.severity], [4, 1, 'error']);
  });

  it('a wrong type points at the value with the wrong type', () => {
    const { rubric, diagnostics } = parseRubric(VALID.replace('text: Every change comes with tests.', 'text: [every, change]'), 'team.yaml');
    assert.equal(rubric, null);
    const d = only(diagnostics, 'schema');
    assert.deepEqual([d.line, d.column], [7, 11]);
    assert.match(d.message, /^expectations\[0\]\.text: must be a string, not a list$/);
  });

  it('a value outside its enumeration points at that value', () => {
    const { diagnostics } = parseRubric(VALID.replace('situations: [mine, upstream]', 'situations: [mine, sideways]'), 'team.yaml');
    const d = only(diagnostics, 'schema');
    assert.deepEqual([d.line, d.column, d.endColumn], [8, 24, 32]);
    assert.match(d.message, /must be one of mine, upstream, unowned, commit, not "sideways"/);
  });

  it('an unknown property points at its key and suggests the close one', () => {
    const { diagnostics } = parseRubric(VALID.replace('    title: Keep it tested', '    titel: Keep it tested'), 'team.yaml');
    const unknown = diagnostics.find((d) => /unknown property "titel"/.test(d.message));
    assert.ok(unknown, JSON.stringify(diagnostics));
    assert.deepEqual([unknown.line, unknown.column], [6, 5]);
    assert.match(unknown.message, /did you mean "title"\?/);
    // ...and the expectation now lacks its title: reported on the expectation itself.
    const missing = diagnostics.find((d) => /missing required property "title"/.test(d.message));
    assert.deepEqual([missing?.line, missing?.column], [5, 5]);
  });

  it('a document that is not a mapping is one clear error', () => {
    const { rubric, diagnostics } = parseRubric('- just\n- a list\n', 'team.yaml');
    assert.equal(rubric, null);
    assert.equal(only(diagnostics, 'schema').message, 'the document: must be a mapping, not a list');
  });

  it('an example illustrating an expectation that does not exist is reported at the id', () => {
    const { rubric, diagnostics } = parseRubric(VALID.replace('illustrates: [keep-it-tested]', 'illustrates: [keep-it-tested, keep-it-fast]'), 'team.yaml');
    assert.equal(rubric, null);
    const d = only(diagnostics, 'rubric-unknown-expectation');
    assert.deepEqual([d.line, d.column], [12, 35]);
  });

  it('two expectations with the same id are reported at the second', () => {
    const twice = VALID.replace('examples:', '  - id: keep-it-tested\n    title: Again\n    text: Again.\n    situations: [mine]\nexamples:');
    const d = only(parseRubric(twice, 'team.yaml').diagnostics, 'rubric-duplicate-id');
    assert.deepEqual([d.line, d.column], [9, 9]);
  });

  it('a YAML alias bomb is refused quickly with a diagnostic, without expanding it', () => {
    const started = process.hrtime.bigint();
    const { rubric, diagnostics } = parseRubric(aliasBomb(), 'bomb.yaml');
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    assert.equal(rubric, null);
    const d = only(diagnostics, 'yaml-alias');
    assert.equal(d.line, 2);
    assert.match(d.message, /too many alias expansions/);
    // Expanding 9^9 strings would take minutes and gigabytes; refusing it takes milliseconds.
    assert.ok(ms < 2000, `took ${ms} ms`);
  });

  describe('files on disk', () => {
    let dir: string;
    before(() => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ol-rubric-'));
    });
    after(() => fs.rmSync(dir, { recursive: true, force: true }));

    it('a 50 MB rubric is refused from its size, without being read', () => {
      const file = path.join(dir, 'huge.yaml');
      fs.writeFileSync(file, Buffer.alloc(50 * 1024 * 1024, 'x: y\n'));
      let reads = 0;
      const counting: FileSystem = { ...nodeFileSystem, readFile: (p) => (reads++, nodeFileSystem.readFile(p)) };
      const { rubric, diagnostics } = loadRubricFile(file, 'huge.yaml', counting);
      assert.equal(rubric, null);
      const d = only(diagnostics, 'yaml-too-large');
      assert.deepEqual([d.file, d.line, d.column], ['huge.yaml', 1, 1]);
      assert.match(d.message, /50\.0 MB/);
      assert.equal(reads, 0);
    });

    it('a missing rubric file is a diagnostic, not an exception', () => {
      const { rubric, diagnostics } = loadRubricFile(path.join(dir, 'nope.yaml'), 'nope.yaml');
      assert.equal(rubric, null);
      assert.equal(only(diagnostics, 'file-not-found').file, 'nope.yaml');
    });

    it('choosing a broken custom rubric yields its diagnostics and the bundled L4 rubric', () => {
      fs.writeFileSync(path.join(dir, 'broken.yaml'), VALID.replace('situations: [mine, upstream]', 'situations: maybe'));
      const choice = chooseRubric('broken.yaml', dir);
      assert.equal(choice.fellBack, true);
      assert.equal(choice.rubric.id, 'l4-holistic-ownership');
      const d = only(choice.diagnostics, 'schema');
      assert.deepEqual([d.file, d.line], ['broken.yaml', 8]);
    });

    it('choosing a valid custom rubric uses it', () => {
      fs.writeFileSync(path.join(dir, 'team.yaml'), VALID);
      const choice = chooseRubric('team.yaml', dir);
      assert.equal(choice.fellBack, false);
      assert.equal(choice.rubric.id, 'team-rubric');
      assert.equal(choice.rubric.file, 'team.yaml');
    });
  });

  it('bundled rubrics are chosen by short name, full id or file name, case-insensitively; L4 by default', () => {
    assert.equal(chooseRubric(undefined, os.tmpdir()).rubric.id, 'l4-holistic-ownership');
    assert.equal(chooseRubric('L6', os.tmpdir()).rubric.id, 'l6-ownership-beyond-your-code');
    assert.equal(chooseRubric('l6-ownership-beyond-your-code', os.tmpdir()).rubric.id, 'l6-ownership-beyond-your-code');
    assert.equal(chooseRubric('l4-holistic-ownership.yaml', os.tmpdir()).rubric.id, 'l4-holistic-ownership');
  });
});
