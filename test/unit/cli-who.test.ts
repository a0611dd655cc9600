// `ownership-lens who` and `check`: run in-process with a recording CliIO, and end to end
// through the bundled dist/cli.js (built by `npm test` before the unit tests).
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { jsonString } from '../../src/cli/commands/who';
import { main } from '../../src/cli/main';
import type { CliIO } from '../../src/cli/io';
import { tempRepo } from './temp-repo';

interface Run {
  code: number;
  out: string;
  err: string;
}

/** Runs in-process; with `bytes`, standard output takes bytes (stdoutBytes), as in the real process. */
async function run(argv: string[], cwd: string, stdin = '', bytes = false): Promise<Run> {
  let out = '';
  let err = '';
  const io: CliIO = { cwd, env: {}, stdout: (t) => (out += t), stderr: (t) => (err += t), readStdin: async () => Buffer.from(stdin, 'utf8') };
  if (bytes) {
    const chunks: Buffer[] = [];
    io.stdoutBytes = (b) => chunks.push(Buffer.from(b));
    const code = await main(argv, io);
    return { code, out: out + Buffer.concat(chunks).toString('utf8'), err };
  }
  const code = await main(argv, io);
  return { code, out, err };
}

const repo = (files: Record<string, string>): string => tempRepo(files, 'ol-cli-');

const jsonLines = (s: string): unknown[] => s.trim().split('\n').map((l) => JSON.parse(l) as unknown);

describe('cli: who', () => {
  const gh = repo({ '.github/CODEOWNERS': '* @all\n/src/ @org/src\n/src/vendor/\n', 'src/sub/x.ts': '' });

  it('bitbucket: the table says how reviewers are picked from a group; the JSON lists the group', async () => {
    const bb = repo({ '.bitbucket/CODEOWNERS': '* a@example.com\n*.py @ws/backend:least_busy(2) @bob\n*.tf @teams/sre:random(2)\n*.js @ws/fe:all\n' });
    const table = await run(['who', 'app/x.py', 'infra/main.tf', 'web/a.js'], bb);
    assert.match(table.out, /app\/x\.py\s+@ws\/backend \(the 2 least busy\) @bob\s+\.bitbucket\/CODEOWNERS:2/);
    assert.match(table.out, /infra\/main\.tf\s+@teams\/sre \(2 at random\)/);
    assert.match(table.out, /web\/a\.js\s+@ws\/fe \(all members\)/);
    const json = await run(['who', '--json', 'app/x.py'], bb);
    assert.deepEqual((jsonLines(json.out)[0] as { owners: string[] }).owners, ['@ws/backend', '@bob']);
  });

  it('a path ending in / is a folder: the owners of a new file in it, given as an argument or on stdin', async () => {
    for (const stdin of [false, true]) {
      const paths = ['src/', 'src', 'src/vendor/'];
      const r = stdin ? await run(['who', '--json', '--stdin'], gh, paths.join('\n'), true) : await run(['who', '--json', ...paths], gh);
      assert.deepEqual(
        jsonLines(r.out).map((x) => (x as { owners: string[] }).owners),
        [['@org/src'], ['@all'], []],
        `stdin: ${stdin}`,
      );
    }
  });

  it('prints JSON Lines with owners and the deciding rule', async () => {
    const r = await run(['who', '--json', 'src/a.ts', 'README.md', 'src/vendor/lib.c'], gh);
    assert.equal(r.code, 0);
    assert.deepEqual(jsonLines(r.out), [
      { path: 'src/a.ts', owners: ['@org/src'], rule: { file: '.github/CODEOWNERS', line: 2, pattern: '/src/' } },
      { path: 'README.md', owners: ['@all'], rule: { file: '.github/CODEOWNERS', line: 1, pattern: '*' } },
      { path: 'src/vendor/lib.c', owners: [], rule: { file: '.github/CODEOWNERS', line: 3, pattern: '/src/vendor/' } },
    ]);
  });

  it('reads paths from stdin (CRLF too) and finds the root from a subdirectory', async () => {
    const r = await run(['who', '--json', '--stdin'], path.join(gh, 'src', 'sub'), 'src/a.ts\r\n\r\nREADME.md\n');
    assert.deepEqual((jsonLines(r.out) as Array<{ path: string }>).map((x) => x.path), ['src/a.ts', 'README.md']);
  });

  it('answers each line of stdin, given as bytes, with the record its path gets as an argument', async () => {
    // Lines the byte-level walker decides and copies as they are, and lines it hands to the
    // string matcher: quotes, backslashes, control characters, non-ASCII, invalid UTF-8,
    // non-canonical and absolute paths. Each record must be exactly the argument's.
    const kinds = ['src/a.ts', 'README.md', 'src/vendor/lib.c', 'src/"q".ts', 'src\\w.ts', 'src/tab\there', 'src/é.ts', 'src/\u{1F600}', './src/a.ts', '/src/a.ts', 'src//a.ts', 'src/', path.join(gh, 'src', 'a.ts'), 'src/\x7f'];
    // Enough lines for the walker to be worth building (OwnershipMatcher.lineMatcher).
    const lines = Array.from({ length: 20 }, () => kinds).flat();
    const r = await run(['who', '--json', '--stdin'], gh, `${lines.join('\n')}\n`, true);
    const byArgument = await run(['who', '--json', ...lines], gh);
    assert.equal(r.code, 0);
    assert.equal(r.out, byArgument.out);
    assert.equal(r.out.split('\n').length, lines.length + 1);
    // Invalid UTF-8 is decoded as the rest of the text would be, with U+FFFD.
    const chunks: Buffer[] = [];
    const io: CliIO = { cwd: gh, env: {}, stdout: () => {}, stderr: () => {}, readStdin: async () => Buffer.from([0x73, 0x72, 0x63, 0x2f, 0xff, 0x0a]), stdoutBytes: (b) => chunks.push(Buffer.from(b)) };
    assert.equal(await main(['who', '--json', '--stdin'], io), 0);
    assert.deepEqual(jsonLines(Buffer.concat(chunks).toString('utf8')), [{ path: 'src/\uFFFD', owners: ['@org/src'], rule: { file: '.github/CODEOWNERS', line: 2, pattern: '/src/' } }]);
  });

  it('takes an absolute path inside the repository relative to its root, and prints it as given', async () => {
    const abs = path.join(gh, 'src', 'a.ts');
    const r = await run(['who', '--json', abs], gh);
    assert.deepEqual(jsonLines(r.out), [{ path: abs, owners: ['@org/src'], rule: { file: '.github/CODEOWNERS', line: 2, pattern: '/src/' } }]);
  });

  it('gitlab: a section named like an Object property (__proto__, toString) is a key of the JSON like any other', async () => {
    const gl = repo({ CODEOWNERS: '[__proto__] @p\n*.md\n[toString]\n*.md @t\n' });
    const r = await run(['who', '--json', 'a.md'], gl);
    assert.equal(r.code, 0, r.err);
    assert.equal(r.out, '{"path":"a.md","owners":["@p","@t"],"rule":{"file":"CODEOWNERS","line":4,"pattern":"*.md"},"sections":{"__proto__":["@p"],"toString":["@t"]}}\n');
  });

  it('an absolute path through a link to the repository, or with .. in it, is the same file; the root itself has no owner', async () => {
    const link = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ol-link-')), 'checkout');
    fs.symlinkSync(gh, link);
    const paths = [path.join(link, 'src', 'a.ts'), path.join(gh, 'lib', '..', 'src', 'a.ts'), path.join(link, 'src', 'new') + path.sep, gh, '/src/a.ts', '/README.md'];
    const r = await run(['who', '--json', ...paths], link);
    assert.equal(r.code, 0, r.err);
    const src = { file: '.github/CODEOWNERS', line: 2, pattern: '/src/' };
    assert.deepEqual(jsonLines(r.out), [
      { path: paths[0], owners: ['@org/src'], rule: src },
      { path: paths[1], owners: ['@org/src'], rule: src },
      { path: paths[2], owners: ['@org/src'], rule: src },
      { path: gh, owners: [], rule: null },
      // Not a path of the file system's repository: a path from the root, as CODEOWNERS writes them.
      { path: '/src/a.ts', owners: ['@org/src'], rule: src },
      { path: '/README.md', owners: ['@all'], rule: { file: '.github/CODEOWNERS', line: 1, pattern: '*' } },
    ]);
    const out = await run(['who', `${gh}${path.sep}..${path.sep}elsewhere`], gh);
    assert.equal(out.code, 2);
    assert.match(out.err, /elsewhere is outside the repository/);
  });

  it('resolves . and .. segments; a path they take out of the repository is an error as an argument, and unowned with a warning on stdin', async () => {
    const owners = (r: Run) => jsonLines(r.out).map((x) => (x as { owners: string[] }).owners);
    const dotted = await run(['who', '--json', 'src/../README.md', 'lib/./../src/a.ts', './src/a.ts', 'src/.', 'src/sub/..'], gh);
    assert.equal(dotted.code, 0, dotted.err);
    // Printed as given; answered as README.md, src/a.ts, src/a.ts, and the folders src/ and src/.
    assert.deepEqual(jsonLines(dotted.out).map((x) => (x as { path: string }).path), ['src/../README.md', 'lib/./../src/a.ts', './src/a.ts', 'src/.', 'src/sub/..']);
    assert.deepEqual(owners(dotted), [['@all'], ['@org/src'], ['@org/src'], ['@org/src'], ['@org/src']]);
    // Resolved, not read as names: src/vendor/x is left unowned by /src/vendor/; the literal path would fall under /src/.
    assert.deepEqual(owners(await run(['who', '--json', 'src/sub/../vendor/x'], gh)), [[]]);

    const outside = await run(['who', '--json', 'README.md', 'src/../../etc/passwd'], gh);
    assert.equal(outside.code, 2);
    assert.equal(outside.out, '', 'nothing printed before the usage error');
    assert.equal(outside.err.trim().split('\n').length, 1);
    assert.match(outside.err, /src\/\.\.\/\.\.\/etc\/passwd is outside the repository/);

    // Line 4 of standard input (a blank line counts) climbs out: printed unowned, the rest answered.
    for (const json of [true, false]) {
      const r = await run(['who', ...(json ? ['--json'] : []), '--stdin'], gh, 'src/a.ts\n\nREADME.md\n../x\nsrc/sub/../b.ts\n', json);
      assert.equal(r.code, 0, r.err);
      assert.match(r.err, /standard input line 4: \.\.\/x is outside the repository; printed as unowned/);
      if (json) {
        assert.deepEqual(jsonLines(r.out), [
          { path: 'src/a.ts', owners: ['@org/src'], rule: { file: '.github/CODEOWNERS', line: 2, pattern: '/src/' } },
          { path: 'README.md', owners: ['@all'], rule: { file: '.github/CODEOWNERS', line: 1, pattern: '*' } },
          { path: '../x', owners: [], rule: null },
          { path: 'src/sub/../b.ts', owners: ['@org/src'], rule: { file: '.github/CODEOWNERS', line: 2, pattern: '/src/' } },
        ]);
      } else assert.match(r.out, /\.\.\/x\s+\(outside the repository\)\s+-/);
    }
  });

  it('. and a path that .. brings back to the root name the root, which, as / does, has no owner of its own', async () => {
    const r = await run(['who', '--json', '/', '.', 'src/..', './'], gh);
    assert.deepEqual(
      jsonLines(r.out).map((x) => [(x as { owners: string[] }).owners, (x as { rule: unknown }).rule]),
      [[[], null], [[], null], [[], null], [[], null]],
    );
    // Not read as the names `.` and `src/..`, which `*` would own.
    assert.deepEqual((jsonLines((await run(['who', '--json', '.x'], gh)).out)[0] as { owners: string[] }).owners, ['@all']);
  });

  it('a --root that is no directory or a --codeowners that is no file is a usage error, not an unowned answer', async () => {
    for (const args of [['--root', path.join(gh, 'nope')], ['--root', path.join(gh, 'src', 'sub', 'x.ts')], ['--codeowners', 'nope/CODEOWNERS'], ['--codeowners', 'src']]) {
      const r = await run(['who', '--json', ...args, 'src/a.ts'], gh);
      assert.equal(r.code, 2, args.join(' '));
      assert.equal(r.out, '');
      assert.match(r.err, new RegExp(`^ownership-lens who: ${args[0]} \\S+: (no such directory|not a directory|no such file|not a file)\n$`));
    }
  });

  it('adds per-section owners for GitLab', async () => {
    const gl = repo({ '.gitlab/CODEOWNERS': '* @all\n[Docs] @docs\n*.md\n[Legal]\nLICENSE @legal\n' });
    const r = await run(['who', '--json', 'README.md', 'LICENSE', 'x.c'], gl);
    assert.deepEqual(jsonLines(r.out), [
      { path: 'README.md', owners: ['@all', '@docs'], rule: { file: '.gitlab/CODEOWNERS', line: 3, pattern: '*.md' }, sections: { codeowners: ['@all'], Docs: ['@docs'] } },
      { path: 'LICENSE', owners: ['@all', '@legal'], rule: { file: '.gitlab/CODEOWNERS', line: 5, pattern: 'LICENSE' }, sections: { codeowners: ['@all'], Legal: ['@legal'] } },
      { path: 'x.c', owners: ['@all'], rule: { file: '.gitlab/CODEOWNERS', line: 1, pattern: '*' }, sections: { codeowners: ['@all'] } },
    ]);
  });

  it('honours --root, --codeowners and --flavor', async () => {
    const other = repo({ 'owners/map': '[S]\n/a/ @s\n' });
    const r = await run(['who', '--json', '--root', other, '--codeowners', path.join(other, 'owners/map'), '--flavor', 'gitlab', 'a/x'], os.tmpdir());
    assert.deepEqual(jsonLines(r.out), [{ path: 'a/x', owners: ['@s'], rule: { file: 'owners/map', line: 2, pattern: '/a/' }, sections: { S: ['@s'] } }]);
  });

  it('prints a readable table without --json, with repository text made inert', async () => {
    const evil = repo({ CODEOWNERS: '/x\u001bc\u202e/ @a\n' });
    const r = await run(['who', 'x\u001bc\u202e/f', 'README.md'], evil);
    assert.equal(r.code, 0);
    assert.ok(!r.out.includes('\u001b') && !r.out.includes('\u202e'), 'no raw escape or bidi override reaches the terminal');
    assert.match(r.out, /^PATH\s+OWNERS\s+RULE\s+PATTERN\n/);
    assert.match(r.out, /x\\x1bc\\u202e\/f\s+@a\s+CODEOWNERS:1\s+\/x\\x1bc\\u202e\/\n/);
    assert.match(r.out, /README\.md\s+\(unowned\)\s+-\n/);
  });

  it('lines up the patterns of rules whose line numbers differ in width, and the sections of a GitLab answer', async () => {
    const lines = ['* @all', ...Array.from({ length: 10 }, (_, i) => `/gen${i}/ @g${i}`), '[Docs] @docs', '/gen9/'];
    const r = await run(['who', 'a', 'gen9/x'], repo({ CODEOWNERS: `${lines.join('\n')}\n` }));
    const rows = r.out.trimEnd().split('\n');
    const at = rows.map((row) => row.search(/(PATTERN|\*|\/gen9\/)$/));
    assert.deepEqual(rows.map((row, i) => row.slice(at[i])), ['PATTERN', '*', '/gen9/', '/gen9/', '/gen9/']);
    assert.equal(new Set(at).size, 1, r.out);
    assert.match(rows[3], /^\s+\[codeowners\] @g9\s+CODEOWNERS:11\s/);
    assert.match(rows[4], /^\s+\[Docs\] @docs\s+CODEOWNERS:13\s/);
  });

  it('exits 2 with one line on bad usage, and --help exits 0', async () => {
    const bad = await run(['who', '--flavor', 'svn', 'x'], gh);
    assert.equal(bad.code, 2);
    assert.equal(bad.err.trim().split('\n').length, 1);
    assert.match(bad.err, /--flavor must be one of/);
    const unknown = await run(['who', '--nope'], gh);
    assert.equal(unknown.code, 2);
    assert.match(unknown.err, /Unknown option '--nope'/);
    // An empty --root (a variable that was empty) is no directory, not the current one.
    const emptyRoot = await run(['who', '--root=', 'x'], gh);
    assert.deepEqual([emptyRoot.code, emptyRoot.err], [2, 'ownership-lens who: --root needs a directory\n']);
    // An option whose value is missing before another option: that, and how to give a value starting with -.
    const noValue = await run(['who', '--root', '--json', 'x'], gh);
    assert.deepEqual([noValue.code, noValue.err], [2, 'ownership-lens who: --root needs a value (a value starting with "-" is written --root=-VALUE)\n']);
    // Nothing to answer is a mistake, not an empty answer; an empty standard input is an answer.
    const nothing = await run(['who', '--json'], gh);
    assert.deepEqual([nothing.code, nothing.out, nothing.err], [2, '', 'ownership-lens who: who needs at least one PATH, or --stdin\n']);
    assert.deepEqual(await run(['who', '--json', '--stdin'], gh, '', true).then((r) => [r.code, r.out]), [0, '']);
    const help = await run(['who', '--help'], gh);
    assert.equal(help.code, 0);
    assert.match(help.out, /Usage: ownership-lens who/);
    assert.equal((await run(['frobnicate'], gh)).code, 2);
    // Found by the fuzzer: names of Object.prototype members are not commands.
    assert.equal((await run(['valueOf'], gh)).code, 2);
    assert.equal((await run(['help', 'constructor'], gh)).code, 0);
    assert.equal((await run(['--help'], gh)).code, 0);
  });
});

describe('cli: who --json quotes paths as JSON.stringify does', () => {
  it('for plain paths and for every character that needs escaping', () => {
    const tricky = ['src/a b.ts', 'ünï/cødé.md', 'a"b', 'a\\b', 'tab\there', 'nl\nx', '\u0000', '\u001f', '\u007f', '\u2028', 'emoji 😀', 'lone \ud800', 'lone \udfff x', '', '\ud83d\ude00\ud83d'];
    for (const s of tricky) assert.equal(jsonString(s), JSON.stringify(s), JSON.stringify(s));
    for (let c = 0; c < 0x10000; c++) {
      const s = `x${String.fromCharCode(c)}y`;
      assert.equal(jsonString(s), JSON.stringify(s), `U+${c.toString(16)}`);
    }
  });
});

describe('cli: check', () => {
  it('prints file:line:col: severity code message and exits 1 on errors', async () => {
    const root = repo({ '.github/CODEOWNERS': '* @a\n!x @b\n*.md @c\n*.md @d\n' });
    const r = await run(['check'], root);
    assert.equal(r.code, 1);
    assert.deepEqual(r.out.trim().split('\n').map((l) => l.split(' ').slice(0, 3).join(' ')), [
      '.github/CODEOWNERS:2:1: error unsupported-negation',
      '.github/CODEOWNERS:4:1: warning duplicate-pattern',
    ]);
    const json = jsonLines((await run(['check', '--json'], root)).out) as Array<{ code: string; line: number }>;
    assert.deepEqual(json.map((d) => [d.line, d.code]), [[2, 'unsupported-negation'], [4, 'duplicate-pattern']]);
  });
  it('exits 0 on a clean file and when there are only warnings', async () => {
    assert.equal((await run(['check'], repo({ CODEOWNERS: '* @a\n' }))).code, 0);
    assert.equal((await run(['check'], repo({ CODEOWNERS: '*.md @a\n*.md @b\n' }))).code, 0);
  });
});

describe('cli: the bundled dist/cli.js', () => {
  const cli = path.join(__dirname, '..', '..', 'dist', 'cli.js');
  it('answers who --stdin --json as a separate process', function () {
    if (!fs.existsSync(cli)) throw new Error('dist/cli.js is missing: run `npm run build` first (npm test does)');
    const root = repo({ '.github/CODEOWNERS': '* @all\ndocs/ @docs\n' });
    const r = spawnSync(process.execPath, [cli, 'who', '--stdin', '--json', '--root', root], { input: 'docs/a.md\nsrc/b.c\n', encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual((jsonLines(r.stdout) as Array<{ owners: string[] }>).map((x) => x.owners), [['@docs'], ['@all']]);
    const bad = spawnSync(process.execPath, [cli, 'who', '--bogus'], { encoding: 'utf8' });
    assert.equal(bad.status, 2);
    assert.ok(!bad.stderr.includes('    at '), 'no stack trace for a user mistake');
  });

  it('every command says a user mistake in one line and exits 2 (the commands other than who run from their own bundle)', function () {
    if (!fs.existsSync(cli)) throw new Error('dist/cli.js is missing: run `npm run build` first (npm test does)');
    const root = repo({ '.github/CODEOWNERS': '* @all\n' });
    const mistakes: Array<[string[], RegExp]> = [
      [['who', '--codeowners', 'nope'], /^ownership-lens who: --codeowners nope: no such file$/],
      [['who'], /^ownership-lens who: who needs at least one PATH, or --stdin$/],
      [['explain'], /^ownership-lens explain: explain needs at least one PATH$/],
      [['explain', '--root', 'nope', 'a'], /^ownership-lens explain: --root nope: no such directory$/],
      [['check', '--flavor', 'svn'], /^ownership-lens check: --flavor must be one of/],
      [['check', '--root', 'nope'], /^ownership-lens check: --root nope: no such directory$/],
      // Nothing is staged here: the mistake is found before git is asked.
      [['precommit', '--flavor', 'svn'], /^ownership-lens precommit: --flavor must be one of/],
      [['report', '--root', 'nope'], /^ownership-lens report: --root nope: no such directory$/],
      [['report', '--html', '.github'], /^ownership-lens report: --html \.github: is a folder; name the page's file$/],
      [['report', '--html', 'no/such/map.html'], /^ownership-lens report: --html no\/such\/map\.html: no such folder /],
      [['report', '--html='], /^ownership-lens report: --html needs the name of the page's file$/],
      [['check', '--root='], /^ownership-lens check: --root needs a directory$/],
      [['precommit', '--root', 'nope'], /^ownership-lens precommit: --root nope: no such directory$/],
      [['check', '--root', '.github/CODEOWNERS'], /^ownership-lens check: --root \.github\/CODEOWNERS: not a directory$/],
      [['hook', 'sideways'], /^ownership-lens hook: /],
      [['hook', 'status', '--root', 'nope'], /^ownership-lens hook: --root nope: no such directory$/],
    ];
    for (const [args, message] of mistakes) {
      const r = spawnSync(process.execPath, [cli, ...args], { cwd: root, encoding: 'utf8' });
      assert.equal(r.status, 2, `${args.join(' ')}: ${r.stderr}`);
      assert.match(r.stderr.trimEnd(), message, args.join(' '));
      assert.equal(r.stderr.trimEnd().split('\n').length, 1, args.join(' '));
    }
  });
});
