// Files whose bytes are not what a text file should be: invalid UTF-8, NUL bytes, CRLF line
// ends, a byte-order mark, collections nested thousands deep. CODEOWNERS, ownership.yml and
// a custom rubric each give a positioned diagnostic, or none when the file is fine, and what
// can still be used is used (the rest of the file, or the defaults).
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { loadRepositoryOwnership } from '../../src/core';
import { loadOwnershipConfig, parseOwnershipConfig } from '../../src/core/practices/loadOwnershipConfig';
import { BUNDLED_RUBRICS, bundledRubricsDir, chooseRubric, DEFAULT_RUBRIC, loadBundledRubric } from '../../src/core/rubric/bundledRubrics';
import { parseRubric } from '../../src/core/rubric/loadRubric';
import { decodeUtf8, firstInvalidUtf8 } from '../../src/core/utf8';
import { MAX_YAML_DEPTH } from '../../src/core/yaml/nesting';
import { tempRepo } from './temp-repo';

const SEED = Number(process.env.FUZZ_SEED ?? 424242);

const repo = (files: Record<string, string | Buffer>): string => tempRepo(files, 'ol-bytes-');

const bytes = (...parts: Array<string | number[]>): Buffer => Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p))));
const where = (d: { line: number; column: number; code: string }): string => `${d.line}:${d.column} ${d.code}`;

const TEAM = '"@acme/payments":\n  description: Payments\n';
const bundledText = (): string => fs.readFileSync(path.join(bundledRubricsDir(), BUNDLED_RUBRICS[DEFAULT_RUBRIC]), 'utf8');

describe('hostile bytes: invalid UTF-8 is found at its first bad byte', () => {
  it('agrees with the fatal TextDecoder on arbitrary bytes, and points at the first bad one', () => {
    const fatal = new TextDecoder('utf-8', { fatal: true });
    const valid = (b: Uint8Array): boolean => {
      try {
        fatal.decode(b);
        return true;
      } catch {
        return false;
      }
    };
    // Bytes around the boundaries of the encoding: overlongs, surrogates, >U+10FFFF, cut sequences.
    const byte = fc.oneof(fc.integer({ min: 0, max: 255 }), fc.constantFrom(0x41, 0x0a, 0x80, 0x9f, 0xa0, 0xbf, 0xc0, 0xc1, 0xc2, 0xdf, 0xe0, 0xed, 0xef, 0xf0, 0xf4, 0xf5, 0xff));
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 24 }), fc.array(byte, { maxLength: 12 }), (a, b) => {
        const all = Uint8Array.from([...a, ...b]);
        const bad = firstInvalidUtf8(all);
        assert.equal(bad < 0, valid(all));
        if (bad >= 0) {
          assert.ok(valid(all.subarray(0, bad)), 'everything before the reported byte is valid');
          // No character starts at the reported byte: decoding from there begins with U+FFFD.
          assert.equal(new TextDecoder('utf-8').decode(all.subarray(bad, bad + 4))[0], '\uFFFD');
        }
      }),
      { seed: SEED, numRuns: 20_000 },
    );
  });
  it('gives the line and the UTF-16 column of the bad byte, and keeps the text around it', () => {
    const r = decodeUtf8(bytes('* @a\n/docs/ ', [0xc3, 0xa9], 'x', [0xff], 'y @b\n'));
    assert.equal(r.text, '* @a\n/docs/ éx\uFFFDy @b\n');
    assert.equal(where(r.invalid!), '2:10 invalid-utf8');
    assert.equal(r.invalid!.severity, 'warning');
    assert.equal(decodeUtf8(bytes('\uFEFF', [0xed, 0xa0, 0x80])).invalid!.column, 1, 'a BOM is not a column; an encoded surrogate is bad');
    assert.equal(decodeUtf8(bytes('ok\r\nfine ✓\n')).invalid, null);
  });
  it('CODEOWNERS: a warning at the bad byte, and every rule still applies', () => {
    const root = repo({ '.github/CODEOWNERS': bytes('* @a\n/docs/ @b\n/caf', [0xe9], '/ @c\n/src/ @d\n') });
    const r = loadRepositoryOwnership(root);
    assert.deepEqual(r.diagnostics.map((d) => [d.file, where(d), d.severity]), [['.github/CODEOWNERS', '3:5 invalid-utf8', 'warning']]);
    assert.deepEqual(r.match('src/x.ts').owners, ['@d']);
    assert.deepEqual(r.match('docs/a.md').owners, ['@b']);
    assert.deepEqual(r.match('caf\uFFFD/a').owners, ['@c'], 'the rule is read with U+FFFD in place of the byte');
  });
  it('ownership.yml: a warning at the bad byte, and the file is used', () => {
    const root = repo({ '.github/ownership.yml': bytes('teams:\n  "@acme/payments":\n    description: Pay', [0xc0, 0xaf], 'ments\n') });
    const r = loadOwnershipConfig(root);
    assert.deepEqual(r.diagnostics.map((d) => [d.file, where(d)]), [['.github/ownership.yml', '3:21 invalid-utf8']]);
    assert.equal(r.config.teams.get('@acme/payments')?.description, 'Pay\uFFFD\uFFFDments');
  });
  it('a custom rubric: a warning at the bad byte, and the rubric is used', () => {
    const text = bundledText().replace(/^title: (.*)$/m, 'title: $1 \uFFFF');
    const [before, after] = text.split('\uFFFF');
    const root = repo({ 'team-rubric.yaml': bytes(before, [0xf8], after) });
    const line = before.split('\n').length;
    const choice = chooseRubric('team-rubric.yaml', root);
    assert.equal(choice.fellBack, false);
    assert.deepEqual(choice.diagnostics.map(where), [`${line}:${before.length - before.lastIndexOf('\n')} invalid-utf8`]);
    assert.match(choice.rubric.title, /\uFFFD$/);
  });
});

describe('hostile bytes: binary, CRLF and BOM in ownership.yml and a rubric', () => {
  it('ownership.yml with NUL bytes: a binary-file error where the first one is, and the empty configuration', () => {
    const root = repo({ '.github/ownership.yml': bytes(`teams:\n  ${TEAM.replace('\n  ', '\n    ')}`, [0, 0, 0xff, 0x10]) });
    const r = loadOwnershipConfig(root);
    // Binary content is seldom valid UTF-8 either: both are said.
    assert.deepEqual(r.diagnostics.map((d) => [where(d), d.severity]), [['4:3 invalid-utf8', 'warning'], ['4:1 binary-file', 'error']]);
    assert.equal(r.config.teams.size, 0);
  });
  it('a rubric with NUL bytes: a binary-file error, and the bundled rubric stands', () => {
    const root = repo({ 'team-rubric.yaml': bytes(bundledText().slice(0, 200), [0, 1, 2, 0]) });
    const choice = chooseRubric('team-rubric.yaml', root);
    assert.equal(choice.fellBack, true);
    assert.deepEqual(choice.diagnostics.map((d) => d.code), ['binary-file']);
    assert.deepEqual(choice.rubric, loadBundledRubric(DEFAULT_RUBRIC));
  });
  it('ownership.yml with CRLF line ends, a BOM, or both reads as it does without them', () => {
    const plain = `teams:\n  ${TEAM.replace('\n  ', '\n    ')}etiquette:\n  - Ask in the payments channel first\n`;
    const expected = parseOwnershipConfig(plain, 'o.yml');
    assert.equal(expected.config.teams.get('@acme/payments')?.description, 'Payments');
    for (const variant of [plain.replace(/\n/g, '\r\n'), `\uFEFF${plain}`, `\uFEFF${plain.replace(/\n/g, '\r\n')}`]) {
      const root = repo({ '.github/ownership.yml': variant });
      const r = loadOwnershipConfig(root);
      assert.deepEqual(r.diagnostics, [], JSON.stringify(variant.slice(0, 12)));
      assert.deepEqual(r.config, { ...expected.config, file: '.github/ownership.yml' });
    }
  });
  it('a rubric with CRLF line ends, a BOM, or both is the same rubric', () => {
    const plain = bundledText();
    const expected = parseRubric(plain, 'r.yaml');
    assert.ok(expected.rubric);
    for (const variant of [plain.replace(/\n/g, '\r\n'), `\uFEFF${plain}`, `\uFEFF${plain.replace(/\n/g, '\r\n')}`]) {
      const root = repo({ 'r.yaml': variant });
      const choice = chooseRubric('r.yaml', root);
      assert.equal(choice.fellBack, false);
      assert.deepEqual(choice.diagnostics, []);
      assert.deepEqual(choice.rubric, expected.rubric);
    }
  });
});

describe('hostile bytes: deeply nested YAML', () => {
  /** A flow sequence `depth` deep, as the value of `key` under a top-level mapping (two levels). */
  const flow = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;
  /** Block mappings `depth` deep, each one more space in. */
  const block = (depth: number) => Array.from({ length: depth }, (_, i) => `${' '.repeat(i + 4)}k${i}:`).join('\n') + ' x\n';
  // The first collection past the limit: the top-level mapping and the team are levels 1 and 2.
  const firstFlowColumn = 'etiquette: '.length + (MAX_YAML_DEPTH - 1) + 1;

  for (const depth of [64, 10_000]) {
    it(`ownership.yml nested ${depth} deep (flow and block): yaml-too-deep at the first level past the limit; the other files stand`, () => {
      const flowRoot = repo({ '.github/ownership.yml': `etiquette: ${flow(depth)}\n` });
      const f = loadOwnershipConfig(flowRoot);
      assert.deepEqual(f.diagnostics.map(where), [`1:${firstFlowColumn} yaml-too-deep`]);
      assert.equal(f.config.teams.size, 0);
      assert.equal(f.config.file, '.github/ownership.yml');

      // Block nesting costs one more space per level, so it is cut at what fits in 1 MiB.
      const blockDepth = Math.min(depth, 1_000);
      const b = parseOwnershipConfig(`teams:\n  "@acme/x":\n${block(blockDepth)}`, 'o.yml');
      assert.deepEqual(b.diagnostics.map(where), [`${MAX_YAML_DEPTH + 1}:${MAX_YAML_DEPTH + 3} yaml-too-deep`]);
      assert.equal(b.config.teams.size, 0);
    });
    it(`a rubric nested ${depth} deep: yaml-too-deep with its position, and the bundled rubric stands`, () => {
      const root = repo({ 'deep.yaml': `${bundledText()}advice:\n  deep: ${flow(depth)}\n` });
      const lines = bundledText().split('\n').length;
      const choice = chooseRubric('deep.yaml', root);
      assert.equal(choice.fellBack, true);
      assert.deepEqual(choice.diagnostics.map(where), [`${lines + 1}:${'  deep: '.length + MAX_YAML_DEPTH - 1} yaml-too-deep`]);
      assert.deepEqual(choice.rubric, loadBundledRubric(DEFAULT_RUBRIC));
    });
  }
  it('nesting up to the limit is read as usual', () => {
    const r = parseOwnershipConfig(`etiquette: ${flow(MAX_YAML_DEPTH - 1)}\n`, 'o.yml');
    assert.deepEqual(r.diagnostics.map((d) => d.code), ['schema'], 'the schema, not the depth, rejects it');
  });
});
