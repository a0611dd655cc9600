// `ownership-lens report` on real git repositories (text, JSON, exit codes), and the HTML page:
// self-contained under its own Content Security Policy, every repository string escaped, and
// its script drawing the map with text only (run here against a minimal DOM).
import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vm from 'node:vm';
import { main } from '../../src/cli/main';
import type { CliIO } from '../../src/cli/io';
import { parseCodeowners } from '../../src/core';
import { buildReport, FileTree, ownershipMap, OwnershipAnalyzer, renderReportHtml, type OwnershipReport } from '../../src/core/analysis';
import { commitAll, makeRepo, type TestRepo } from '../support/gitRepo';

async function run(argv: string[], cwd: string, env: Record<string, string>): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIO = { cwd, env, stdout: (t) => (out += t), stderr: (t) => (err += t), readStdin: async () => new Uint8Array() };
  const code = await main(argv, io);
  return { code, out, err };
}

const HOSTILE = '<img src=x onerror=alert(1)>';

const FILES: Record<string, string> = {
  '.github/CODEOWNERS': '* @acme/all\n/src/ @acme/src\n/src/vendor/\n/docs/ @acme/docs @acme/all\n',
  '.github/ownership.yml': `teams:\n  "@acme/src": { name: "${HOSTILE}" }\n`,
  'README.md': '',
  'docs/guide.md': '',
  'src/main.c': '',
  'src/vendor/a.c': '',
  'src/vendor/b.c': '',
  [`src/vendor/${HOSTILE}.c`]: '',
};

describe('cli: report in a git repository', () => {
  let repo: TestRepo;
  beforeEach(() => {
    repo = makeRepo(FILES);
    commitAll(repo);
  });
  afterEach(() => repo.remove());

  it('prints coverage, owners by files, top-level directories and the unowned files', async () => {
    const r = await run(['report'], repo.root, repo.env);
    assert.equal(r.code, 0);
    assert.equal(r.err, '');
    assert.equal(
      r.out,
      [
        'Ownership of 8 tracked files (.github/CODEOWNERS, github)',
        '  owned    5  62.5%',
        '  unowned  3  37.5%',
        '',
        'Owners by number of files',
        // Columns: owner (10 wide), name (as wide as the longest), files and share right-aligned.
        `OWNER${' '.repeat(5 + 2)}NAME${' '.repeat(HOSTILE.length - 4 + 2)}FILES  SHARE`,
        `@acme/all${' '.repeat(1 + 2 + HOSTILE.length + 2)}    4  50.0%`,
        `@acme/docs${' '.repeat(2 + HOSTILE.length + 2)}    1  12.5%`,
        `@acme/src${' '.repeat(1 + 2)}${HOSTILE}${' '.repeat(2)}    1  12.5%`,
        '',
        'Top-level directories',
        'DIRECTORY     FILES  OWNED  UNOWNED  COVERAGE',
        '(root files)      1      1        0    100.0%',
        '.github/          2      2        0    100.0%',
        'docs/             1      1        0    100.0%',
        'src/              4      1        3     25.0%',
        '',
        'Unowned files (3)',
        `  src/vendor/${HOSTILE}.c`,
        '  src/vendor/a.c',
        '  src/vendor/b.c',
        '',
      ].join('\n'),
    );
  });

  it('prints one JSON document with every figure, the unowned files and every rule', async () => {
    const r = await run(['report', '--json'], repo.root, repo.env);
    assert.equal(r.code, 0);
    const report = JSON.parse(r.out) as OwnershipReport;
    assert.deepEqual(report.files, { total: 8, owned: 5, unowned: 3 });
    assert.deepEqual(report.owners, [
      { owner: '@acme/all', files: 4 },
      { owner: '@acme/docs', files: 1 },
      { owner: '@acme/src', name: HOSTILE, files: 1 },
    ]);
    assert.deepEqual(report.unowned, [`src/vendor/${HOSTILE}.c`, 'src/vendor/a.c', 'src/vendor/b.c']);
    assert.deepEqual(report.rules, [
      { line: 1, pattern: '*', matched: 8, won: 3 },
      { line: 2, pattern: '/src/', matched: 4, won: 1 },
      { line: 3, pattern: '/src/vendor/', matched: 3, won: 3 },
      { line: 4, pattern: '/docs/', matched: 1, won: 1 },
    ]);
    assert.equal(report.codeowners, '.github/CODEOWNERS');
  });

  it('lists 50 unowned files unless --all', async () => {
    for (let i = 0; i < 60; i++) repo.write(`loose/f${String(i).padStart(2, '0')}.txt`, '');
    repo.write('.github/CODEOWNERS', '/src/ @acme/src\n');
    commitAll(repo, 'more');
    const some = await run(['report'], repo.root, repo.env);
    assert.match(some.out, /Unowned files \(64\)\n( {2}.+\n){50} {2}\.\.\. and 14 more \(--all or --json lists them all\)\n$/);
    const all = await run(['report', '--all'], repo.root, repo.env);
    assert.match(all.out, /Unowned files \(64\)\n( {2}.+\n){64}$/);
  });

  it('--html writes a self-contained page and still prints the report', async () => {
    const target = path.join(repo.root, '..', 'out.html');
    const r = await run(['report', '--html', target], repo.root, repo.env);
    assert.equal(r.code, 0);
    assert.match(r.out, /^Ownership of 8 tracked files/);
    assert.equal(r.err, `ownership-lens report: wrote ${target}\n`);
    assertSafePage(fs.readFileSync(target, 'utf8'));
  });

  it('without a CODEOWNERS: every file unowned, said on stderr, exit 0', async () => {
    repo.git('rm', '-q', '.github/CODEOWNERS');
    commitAll(repo, 'no map');
    const r = await run(['report', '--json'], repo.root, repo.env);
    assert.equal(r.code, 0);
    assert.match(r.err, /no CODEOWNERS found/);
    const report = JSON.parse(r.out) as OwnershipReport;
    assert.deepEqual([report.codeowners, report.flavor, report.files.unowned], [null, null, 7]);
  });

  it('outside a git repository: exit 2 with one line', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ol-report-nogit-'));
    try {
      fs.writeFileSync(path.join(dir, 'CODEOWNERS'), '* @a\n');
      const r = await run(['report', '--root', dir], os.tmpdir(), { PATH: process.env.PATH ?? '' });
      assert.equal(r.code, 2);
      assert.equal(r.err.split('\n').length, 2);
      assert.match(r.err, /^ownership-lens report: the tracked files come from git, and git cannot list them in /);
      assert.equal(r.out, '');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('--help, and bad options exit 2', async () => {
    const help = await run(['report', '--help'], repo.root, repo.env);
    assert.equal(help.code, 0);
    assert.match(help.out, /Usage: ownership-lens report/);
    assert.match(help.out, /--html FILE/);
    assert.equal((await run(['report', '--html'], repo.root, repo.env)).code, 2);
    assert.equal((await run(['report', '--bogus'], repo.root, repo.env)).code, 2);
  });
});

const TAGS = new Set(['html', 'head', 'meta', 'title', 'style', 'body', 'header', 'h1', 'h2', 'div', 'section', 'b', 'nav', 'label', 'select', 'option', 'noscript', 'p', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'meter', 'em', 'ul', 'li', 'code', 'script']);
const ATTRIBUTES = new Set(['lang', 'charset', 'http-equiv', 'content', 'name', 'class', 'id', 'aria-label', 'value', 'min', 'max', 'low', 'optimum', 'type', 'nonce']);

/** Everything the page must be: nothing loaded, nothing executable from the repository. */
function assertSafePage(html: string): void {
  assert.ok(!html.includes('<img'), 'the hostile name never appears as markup');
  assert.ok(html.includes('&lt;img src=x onerror=alert(1)&gt;'), 'it appears escaped as text');
  assert.doesNotMatch(html, /https?:|url\(|@import/i, 'nothing refers to anything outside the page');
  // Every element and attribute, outside the style and script bodies, is one the page writes
  // itself: no src, href, inline style or event handler, whatever the repository holds.
  const markup = html.replace(/(<(style|script)[^>]*>)[\s\S]*?(<\/\2>)/g, '$1$3');
  for (const [, tag, attrs] of markup.matchAll(/<\/?([a-zA-Z][a-zA-Z0-9-]*)([^>]*)>/g)) {
    assert.ok(TAGS.has(tag.toLowerCase()), `unexpected element <${tag}>`);
    for (const [, name] of attrs.matchAll(/\s([^\s=]+)(?:="[^"]*")?/g)) assert.ok(ATTRIBUTES.has(name.toLowerCase()), `unexpected attribute ${name} on <${tag}>`);
  }
  assert.doesNotMatch(markup.replace(/<[^>]*>/g, ''), /[<>]/, 'no stray angle bracket in the text');
  // A strict policy, allowing only the page's own inline style and script, by hash.
  const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1] ?? '';
  assert.match(policy, /^default-src 'none'; base-uri 'none'; form-action 'none'; style-src 'sha256-[^']+'; script-src 'sha256-[^']+'$/);
  const hash = (s: string) => `'sha256-${createHash('sha256').update(s, 'utf8').digest('base64')}'`;
  const style = /<style>([\s\S]*?)<\/style>/.exec(html)?.[1] ?? '';
  const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
  assert.equal(scripts.length, 1, 'one executable script; the data block is JSON');
  assert.ok(policy.includes(`style-src ${hash(style)}`), 'the style is the one the policy allows');
  assert.ok(policy.includes(`script-src ${hash(scripts[0])}`), 'the script is the one the policy allows');
}

/** The page's script against a minimal DOM: what it builds, with text only. */
function runPageScript(html: string, width = 900, height = 540): FakeElement[] {
  const data = /<script type="application\/json" id="map-data">([\s\S]*?)<\/script>/.exec(html)?.[1] ?? '';
  const script = /<script>([\s\S]*?)<\/script>/.exec(html)?.[1] ?? '';
  const byId: Record<string, FakeElement> = {};
  for (const id of ['treemap', 'crumbs', 'legend', 'mode']) byId[id] = new FakeElement('div');
  byId.mode.value = 'owner';
  byId.treemap.clientWidth = width;
  byId.treemap.clientHeight = height;
  const dataEl = new FakeElement('script');
  dataEl.textContent = data;
  const document = {
    documentElement: new FakeElement('html'),
    getElementById: (id: string) => (id === 'map-data' ? dataEl : byId[id] ?? null),
    createElement: (tag: string) => new FakeElement(tag),
    createTextNode: (text: string) => Object.assign(new FakeElement('#text'), { textContent: text }),
  };
  const window = { addEventListener: () => undefined };
  vm.runInNewContext(script, { document, window, getComputedStyle: () => ({ getPropertyValue: () => '' }) });
  return [byId.treemap, byId.crumbs, byId.legend, byId.mode];
}

class FakeElement {
  className = '';
  title = '';
  tabIndex = -1;
  value = '';
  clientWidth = 0;
  clientHeight = 0;
  type = '';
  readonly style: Record<string, string> = {};
  readonly children: FakeElement[] = [];
  readonly listeners: Record<string, Array<(e: unknown) => void>> = {};
  private text = '';
  constructor(readonly tagName: string) {}
  get textContent(): string {
    return this.text + this.children.map((c) => c.textContent).join('');
  }
  set textContent(t: string) {
    this.text = t;
    this.children.length = 0;
  }
  set innerHTML(_: string) {
    throw new Error('the page must not write markup');
  }
  appendChild(c: FakeElement): FakeElement {
    this.children.push(c);
    return c;
  }
  setAttribute(): void {}
  addEventListener(type: string, f: (e: unknown) => void): void {
    (this.listeners[type] ??= []).push(f);
  }
  all(): FakeElement[] {
    return [this, ...this.children.flatMap((c) => c.all())];
  }
}

describe('report: the HTML page', () => {
  const files = ['README.md', 'src/a.c', 'src/b.c', 'src/lib/c.c', 'src/lib/d.c', `${HOSTILE}/x.c`, 'docs/e.md'];
  const text = `* @all\n/src/ @src\n/src/lib/ @lib\n/${HOSTILE.replace(/ /g, '\\ ')}/ @evil\n`;
  const parts = () => buildReport(new OwnershipAnalyzer(FileTree.from(files)).analyze(parseCodeowners(text, { flavor: 'github' })), '.github/CODEOWNERS');

  it('escapes a hostile owner, path and CODEOWNERS name everywhere and loads nothing', () => {
    const { report, map } = parts();
    report.owners.forEach((o) => o.owner === '@all' && (o.owner = HOSTILE));
    map.owners[map.owners.indexOf('@all')] = HOSTILE;
    report.codeowners = `${HOSTILE}/CODEOWNERS`;
    report.unowned.push(`${HOSTILE}.txt`);
    const html = renderReportHtml(report, map);
    assertSafePage(html);
    // In the JSON data block `<` is \u003c, so no string can close the script element.
    const data = /id="map-data">([\s\S]*?)<\/script>/.exec(html)?.[1] ?? '';
    assert.ok(!data.includes('<') && data.includes('\\u003cimg src=x onerror=alert(1)\\u003e'));
  });

  it('draws the map with text only, labels directories, and zooms on click', () => {
    const { report, map } = parts();
    report.owners.forEach((o) => o.owner === '@all' && (o.owner = HOSTILE));
    map.owners[map.owners.indexOf('@all')] = HOSTILE;
    const [box, crumbs, legend] = runPageScript(renderReportHtml(report, map));
    const cells = box.all().filter((e) => e.className.split(' ').includes('cell'));
    assert.ok(cells.length >= 3, `cells drawn: ${cells.length}`);
    for (const c of cells) for (const k of ['left', 'top', 'width', 'height']) assert.match(c.style[k], /^\d+px$/);
    assert.ok(box.textContent.includes(`${HOSTILE}/`), 'a hostile directory name is drawn as text');
    assert.ok(legend.textContent.includes(HOSTILE), 'a hostile owner is drawn as text');
    assert.equal(crumbs.children.length, 1);
    const src = cells.find((c) => c.className.includes('zoomable') && c.textContent.startsWith('src/'));
    assert.ok(src, 'src/ can be opened');
    src.listeners.click[0]({ stopPropagation: () => undefined });
    assert.deepEqual(crumbs.children.filter((c) => c.tagName === 'button').map((b) => b.textContent), ['repository', 'src']);
    assert.ok(box.textContent.startsWith('lib/') || box.textContent.includes('lib/'), 'inside src/: lib/');
  });

  it('inside a VS Code webview: nonce instead of hashes, the webview source for styles', () => {
    const { report, map } = parts();
    const html = renderReportHtml(report, map, { webview: { nonce: 'abc123', cspSource: 'vscode-webview://x' } });
    assert.match(html, /content="default-src 'none'; base-uri 'none'; form-action 'none'; style-src vscode-webview:\/\/x 'nonce-abc123'; script-src 'nonce-abc123'"/);
    assert.match(html, /<style nonce="abc123">/);
    assert.match(html, /<script nonce="abc123">/);
  });

  it('the map keeps the largest directories within its budget, and the rest of each directory', () => {
    const sizes: Record<string, number> = { a: 5, b: 3, c: 1, d: 1, e: 1 };
    const many = Object.entries(sizes).flatMap(([dir, k]) => Array.from({ length: k }, (_, i) => `pkg/${dir}/f${i}.c`)).concat(['pkg/top.c']);
    const analysis = new OwnershipAnalyzer(FileTree.from(many)).analyze(parseCodeowners('* @a\n/pkg/c/\n', { flavor: 'github' }));
    const map = ownershipMap(analysis, { maxNodes: 4 });
    const pkg = map.root.children[0];
    assert.deepEqual([map.root.files, pkg.name, pkg.files, pkg.unowned], [12, 'pkg', 12, 1]);
    assert.deepEqual(pkg.children.map((c) => [c.name, c.files]), [['a', 5], ['b', 3]], 'root, pkg and the two largest packages');
    assert.deepEqual(pkg.rest, { files: 4, unowned: 1, owners: [[0, 3]] });
    assert.equal(map.root.rest, null, 'no file directly at the root');
  });
});

