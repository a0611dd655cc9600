// The editor's path finding, without VS Code: which text under the mouse is a path
// candidate (pathCandidates.ts) and which real file it names (resolvePath.ts).
import assert from 'node:assert/strict';
import * as path from 'node:path';
import type { EntryKind } from '../../src/core/fs';
import { pathCandidatesAt, type CandidateOptions } from '../../src/extension/hover/pathCandidates';
import { MAX_PROBES, resolvePathCandidates, type ResolveContext } from '../../src/extension/hover/resolvePath';

/** Candidates at the `|` in `marked` (the bar is removed). */
function at(marked: string, options: CandidateOptions = { languageId: 'typescript' }) {
  const ch = marked.indexOf('|');
  const line = marked.slice(0, ch) + marked.slice(ch + 1);
  return pathCandidatesAt(line, ch, options).map((c) => ({ path: c.path, kind: c.kind, text: line.slice(c.start, c.end) }));
}
const paths = (marked: string, options?: CandidateOptions) => at(marked, options).map((c) => c.path);

describe('editor: path candidates under the mouse', () => {
  it('string literals and import specifiers, without their quotes', () => {
    assert.deepEqual(at(`import { a } from '../ap|i/payments';`), [{ path: '../api/payments', kind: 'quoted', text: '../api/payments' }]);
    assert.deepEqual(paths(`const a = "docs/caf|é menu.md";`), ['docs/café menu.md', 'docs/café'], 'the string, then the word');
    assert.deepEqual(paths(`throw new Error('see docs/gu|ide.md first')`), ['see docs/guide.md first', 'docs/guide.md']);
    assert.deepEqual(paths('const a = `src/|x.ts`;'), ['src/x.ts']);
    assert.deepEqual(paths(`f('a', 'b/|c.ts')`), ['b/c.ts'], 'the second of two strings');
    assert.deepEqual(paths(`f('a/b.ts' |+ x)`), [], 'between two strings');
    assert.deepEqual(paths(`'it\\'s/|a.ts'`)[0], "it\\'s/a.ts", 'an escaped quote does not end the string');
  });

  it('not identifiers, bare words in code, URLs, templates or globs', () => {
    assert.deepEqual(paths(`const serv|ices = 1;`), []);
    assert.deepEqual(paths(`'serv|ices'`), [], 'no slash and no extension');
    assert.deepEqual(paths(`'https://example.com/a|/b'`), []);
    assert.deepEqual(paths('`${root}/sr|c`'), []);
    assert.deepEqual(paths(`'src/**/*.t|s'`), []);
    assert.deepEqual(paths(`'hello wo|rld'`), []);
    assert.deepEqual(paths(`'1.|5'`), []);
    assert.deepEqual(paths(`'@acme/pay|ments'`), [], 'a package or an owner handle');
  });

  it('Markdown links: the target, from the label too; percent-encoding and fragments undone', () => {
    const md = { languageId: 'markdown' };
    assert.deepEqual(at('See [the gu|ide](../CONTRIBUTING.md#setup) first.', md)[0], { path: '../CONTRIBUTING.md', kind: 'link', text: '../CONTRIBUTING.md#setup' });
    assert.deepEqual(paths('See [guide](caf%C3%A9%20men|u.md).', md)[0], 'café menu.md');
    assert.deepEqual(paths('[x](<docs/a b|.md>)', md)[0], 'docs/a b.md');
    assert.deepEqual(paths('[ref]: ../REA|DME.md "title"', md), ['../README.md']);
    assert.deepEqual(paths('[x](https://exa|mple.com/a)', md), []);
    assert.deepEqual(paths('Edit src/app/ma|in.ts, then test.', md), ['src/app/main.ts'], 'a path in prose, without the comma');
    assert.deepEqual(paths('See ma|in.ts.', md), ['main.ts'], 'a file name in prose');
  });

  it('YAML and JSON values; a glob over a folder stands for the folder', () => {
    const yaml = { languageId: 'yaml' };
    assert.deepEqual(paths('entry: services/pay|ments/charge.go', yaml), ['services/payments/charge.go']);
    assert.deepEqual(paths('  - "services/pay|ments/**"', yaml), ['services/payments/']);
    assert.deepEqual(paths('  - services/pay|ments/*', yaml), ['services/payments/']);
    assert.deepEqual(paths('ke|y: value', yaml), []);
    assert.deepEqual(paths('{"entry": "src/ma|in.ts"}', { languageId: 'json' }), ['src/main.ts']);
  });

  it('CODEOWNERS: patterns with escaped spaces; owners and comments are not paths', () => {
    const co = { languageId: 'plaintext', codeowners: true };
    assert.deepEqual(paths('/docs/café\\ me|nu.md   @acme/cafe', co), ['/docs/café menu.md']);
    assert.deepEqual(paths('/services/pay|ments/   @acme/payments', co), ['/services/payments/']);
    assert.deepEqual(paths('/services/payments/   @acme/pay|ments', co), []);
    assert.deepEqual(paths('*.m|d   @acme/docs', co), []);
  });

  it('line and column suffixes are dropped', () => {
    assert.deepEqual(paths(`'src/a.t|s:12:3'`), ['src/a.ts']);
    assert.deepEqual(paths('see src/a.t|s#L10-L12', { languageId: 'markdown' }), ['src/a.ts']);
  });

  it('looks only at a window around the mouse: a huge line costs what a short one does', () => {
    const filler = 'x'.repeat(200_000);
    const line = `${filler} 'src/|a.ts' ${filler}`;
    const t = process.hrtime.bigint();
    assert.deepEqual(paths(line), ['src/a.ts']);
    assert.ok(process.hrtime.bigint() - t < 20_000_000n, 'under 20 ms');
    // An unterminated quote far away does not matter either.
    assert.deepEqual(paths(`'${'y'.repeat(5000)} 'src/|b.ts'`), ['src/b.ts']);
  });
});

describe('editor: resolving path candidates', () => {
  const root = path.join(path.sep, 'ws');
  const files = new Map<string, EntryKind>([
    [path.join(root, 'web', 'app', 'api', 'payments.ts'), 'file'],
    [path.join(root, 'web', 'app', 'api'), 'directory'],
    [path.join(root, 'docs', 'guide.md'), 'file'],
    [path.join(root, 'docs'), 'directory'],
    [path.join(root, 'pkg', 'index.ts'), 'file'],
    [path.join(root, 'pkg'), 'directory'],
  ]);
  let probes = 0;
  const ctx = (overrides: Partial<ResolveContext> = {}): ResolveContext => ({
    fs: { kind: (p) => (probes++, files.get(p) ?? null) },
    documentDir: path.join(root, 'web', 'app', 'pages'),
    folderRoot: root,
    repositoryRoot: root,
    codeowners: false,
    moduleLanguage: true,
    inWorkspace: (p) => p === root || p.startsWith(root + path.sep),
    ...overrides,
  });
  const resolve = (marked: string, overrides?: Partial<ResolveContext>, options: CandidateOptions = { languageId: 'typescript' }) => {
    const ch = marked.indexOf('|');
    const line = marked.slice(0, ch) + marked.slice(ch + 1);
    const r = resolvePathCandidates(pathCandidatesAt(line, ch, options), ctx(overrides));
    return r && { path: path.relative(root, r.absPath), kind: r.kind };
  };

  it('module specifiers relative to the document, extensions and index files added', () => {
    assert.deepEqual(resolve(`from '../api/pay|ments'`), { path: 'web/app/api/payments.ts', kind: 'file' });
    assert.deepEqual(resolve(`from '../../../p|kg'`), { path: 'pkg/index.ts', kind: 'file' });
    assert.deepEqual(resolve(`from '../a|pi'`, { moduleLanguage: false }), { path: 'web/app/api', kind: 'directory' });
  });

  it('then relative to the workspace folder or repository root', () => {
    assert.deepEqual(resolve(`'docs/gui|de.md'`), { path: 'docs/guide.md', kind: 'file' });
    assert.deepEqual(resolve(`'/docs/gui|de.md'`), { path: 'docs/guide.md', kind: 'file' });
  });

  it('never outside the workspace, whatever exists there', () => {
    files.set(path.join(path.sep, 'etc', 'passwd'), 'file');
    assert.equal(resolve(`'../../../../etc/pas|swd'`), undefined);
    assert.equal(resolve(`'/etc/pas|swd'`), undefined);
  });

  it('CODEOWNERS patterns resolve against the repository root only', () => {
    const co = { languageId: 'plaintext', codeowners: true };
    assert.deepEqual(resolve('/do|cs/   @acme/docs', { codeowners: true, moduleLanguage: false, documentDir: path.join(root, '.github') }, co), { path: 'docs', kind: 'directory' });
  });

  it(`makes at most ${MAX_PROBES} file-system probes`, () => {
    probes = 0;
    assert.equal(resolve(`'./a/b/c/d/e/f/g/h/i/j/k/l/m/n/o/p/q/r/s/t/u/v/w/x/y/|z'`), undefined);
    assert.ok(probes <= MAX_PROBES, String(probes));
  });
});
