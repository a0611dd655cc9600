// The editor's model without VS Code: repository discovery (nested repositories, folders
// below a repository root), caching and invalidation, unsaved buffers, identity without git
// (an untrusted workspace), rubric choice; and the Markdown escaping every hover relies on.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { nodeFileSystem, readHead, type FileSystem } from '../../src/core/fs';
import { OverlayFileSystem } from '../../src/extension/model/overlayFileSystem';
import { FileStamp, stampOf } from '../../src/extension/model/fileStamps';
import { RECHECK_INTERVAL_MS, RepositoryCatalog, type CatalogHost, type RepositorySettings } from '../../src/extension/model/repositoryCatalog';
import { RubricCatalog } from '../../src/extension/model/rubricCatalog';
import { commandLink, escapeMarkdown, externalLink, safeExternalUrl } from '../../src/extension/util/markdown';

function write(root: string, rel: string, text: string): void {
  const file = path.join(root, ...rel.split('/'));
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
}

describe('editor model: repositories', () => {
  let tmp: string;
  let fsys: OverlayFileSystem;
  let gitCalls: string[];
  let settings: RepositorySettings;
  let trusted: boolean;
  let catalog: RepositoryCatalog;

  beforeEach(() => {
    tmp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'ol-ext-model-')));
    write(tmp, 'mono/.git/HEAD', 'ref: refs/heads/main\n');
    write(tmp, 'mono/.github/CODEOWNERS', '*  @acme/all\n/packages/app/  @acme/app\n');
    write(tmp, 'mono/.github/ownership.yml', 'teams:\n  "@acme/app":\n    name: App\n    members: ["me@acme.example"]\n');
    write(tmp, 'mono/packages/app/src/index.ts', '');
    write(tmp, 'mono/vendor/lib/.git', 'gitdir: ../../.git/modules/lib\n');
    write(tmp, 'mono/vendor/lib/CODEOWNERS', '*  @lib/maintainers\n');
    write(tmp, 'mono/vendor/lib/a.js', '');
    write(tmp, 'plain/notes.md', '');
    fsys = new OverlayFileSystem(nodeFileSystem);
    gitCalls = [];
    settings = { flavor: 'auto', me: [] };
    trusted = true;
    const host: CatalogHost = {
      fs: fsys,
      settings: () => settings,
      gitUser: async (root) => {
        if (!trusted) return undefined;
        gitCalls.push(root);
        return { email: 'me@acme.example' };
      },
    };
    catalog = new RepositoryCatalog(host);
  });
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('finds the nearest CONTRIBUTING guide from probes made ahead, once per directory, and forgets them when a guide changes', async () => {
    write(tmp, 'mono/packages/app/CONTRIBUTING.md', '');
    const rubric = (await new RubricCatalog(fsys).get('l4', undefined)).rubric;
    const lookup = await catalog.lookup(path.join(tmp, 'mono/packages/app/src/index.ts'));
    assert.ok(lookup);
    assert.equal(catalog.guidance(lookup, rubric).contributing, null, 'not probed ahead: not looked for (the hover)');
    catalog.prepareGuidance(lookup);
    assert.equal(catalog.guidance(lookup, rubric).contributing, 'packages/app/CONTRIBUTING.md');
    fs.renameSync(path.join(tmp, 'mono/packages/app/CONTRIBUTING.md'), path.join(tmp, 'mono/packages/app/src/CONTRIBUTING.md'));
    assert.equal(catalog.guidance(lookup, rubric).contributing, 'packages/app/CONTRIBUTING.md', 'remembered until told');
    catalog.contributingChanged();
    catalog.prepareGuidance(lookup);
    assert.equal(catalog.guidance(lookup, rubric).contributing, 'packages/app/src/CONTRIBUTING.md', 'the nearer guide, once told');
  });

  it('probes, for a file in new directories, only the directories not probed before, and still finds the guide above them', async () => {
    write(tmp, 'mono/packages/app/CONTRIBUTING.md', '');
    write(tmp, 'mono/packages/app/src/deep/er/x.ts', '');
    const rubric = (await new RubricCatalog(fsys).get('l4', undefined)).rubric;
    const first = await catalog.lookup(path.join(tmp, 'mono/packages/app/src/index.ts'));
    const deeper = await catalog.lookup(path.join(tmp, 'mono/packages/app/src/deep/er/x.ts'));
    assert.ok(first && deeper);
    catalog.prepareGuidance(first);
    const probed: string[] = [];
    const kind = fsys.kind.bind(fsys);
    fsys.kind = (p) => (probed.push(p), kind(p));
    catalog.prepareGuidance(deeper);
    assert.deepEqual(new Set(probed.map((p) => path.dirname(p))), new Set([path.join(tmp, 'mono/packages/app/src/deep/er'), path.join(tmp, 'mono/packages/app/src/deep')]));
    assert.equal(probed.length, 14, 'seven spellings in each of the two new directories');
    assert.equal(catalog.guidance(deeper, rubric).contributing, 'packages/app/CONTRIBUTING.md');
    probed.length = 0;
    catalog.prepareGuidance(deeper);
    assert.deepEqual(probed, [], 'nothing new: no probe');
  });

  it('answers at once (lookupNow) only from a loaded repository, and not once it is forgotten', async () => {
    const file = path.join(tmp, 'mono/packages/app/src/index.ts');
    assert.equal(catalog.lookupNow(file), undefined, 'not loaded yet: the caller must wait');
    const waited = await catalog.lookup(file);
    const now = catalog.lookupNow(file);
    assert.ok(waited && now);
    assert.deepEqual([now.path, now.owners, now.rule, now.situation], [waited.path, waited.owners, waited.rule, waited.situation]);
    assert.equal(now.repo, waited.repo, 'the same loaded repository');
    catalog.invalidateFile(path.join(tmp, 'mono/.github/CODEOWNERS'));
    assert.equal(catalog.lookupNow(file), undefined, 'forgotten: to be read again');
    assert.equal(catalog.lookupNow(path.join(tmp, 'plain/notes.md')), undefined, 'in no repository');
  });

  it('uses the repository root above an opened folder: paths are repository-relative', async () => {
    const lookup = await catalog.lookup(path.join(tmp, 'mono/packages/app/src/index.ts'), { fallbackRoot: path.join(tmp, 'mono/packages/app') });
    assert.ok(lookup);
    assert.equal(lookup.repo.root, path.join(tmp, 'mono'));
    assert.equal(lookup.path, 'packages/app/src/index.ts');
    assert.deepEqual(lookup.owners, ['@acme/app']);
    assert.deepEqual(lookup.rule, { file: '.github/CODEOWNERS', line: 2, pattern: '/packages/app/' });
    assert.equal(lookup.situation, 'mine', 'git user.email is a member of @acme/app');
  });

  it('a nested repository (a .git file too) has its own CODEOWNERS', async () => {
    const lookup = await catalog.lookup(path.join(tmp, 'mono/vendor/lib/a.js'));
    assert.equal(lookup?.repo.root, path.join(tmp, 'mono/vendor/lib'));
    assert.equal(lookup?.path, 'a.js');
    assert.deepEqual(lookup?.owners, ['@lib/maintainers']);
  });

  it('a folder outside any repository falls back to the workspace folder; no CODEOWNERS is no-map', async () => {
    const lookup = await catalog.lookup(path.join(tmp, 'plain/notes.md'), { fallbackRoot: path.join(tmp, 'plain') });
    assert.equal(lookup?.situation, 'no-map');
    assert.equal(await catalog.lookup(path.join(tmp, 'plain/notes.md')), undefined, 'no folder, no repository');
  });

  it('folders are owned by who owns a new file in them', async () => {
    const lookup = await catalog.lookup(path.join(tmp, 'mono/packages/app'));
    assert.equal(lookup?.isDirectory, true);
    assert.deepEqual(lookup?.owners, ['@acme/app']);
  });

  it('parses once, asks git once, and re-reads only what a changed file affects', async () => {
    const file = path.join(tmp, 'mono/packages/app/src/index.ts');
    const first = await catalog.repository(path.join(tmp, 'mono'));
    await catalog.lookup(file);
    assert.equal(await catalog.repository(path.join(tmp, 'mono')), first, 'cached');
    const nested = await catalog.repository(path.join(tmp, 'mono/vendor/lib'));

    write(tmp, 'mono/.github/CODEOWNERS', '*  @acme/all\n/packages/app/  @acme/app-next\n');
    assert.deepEqual(catalog.invalidateFile(path.join(tmp, 'mono/.github/CODEOWNERS')), [path.join(tmp, 'mono')]);
    assert.deepEqual((await catalog.lookup(file))?.owners, ['@acme/app-next']);
    assert.equal(await catalog.repository(path.join(tmp, 'mono/vendor/lib')), nested, 'the nested repository is untouched');
    assert.deepEqual(gitCalls, [path.join(tmp, 'mono'), path.join(tmp, 'mono/vendor/lib')], 'git is asked once per repository');
  });

  it('notices a change on disk that no watcher reported, comparing at most every RECHECK_INTERVAL_MS (or at once when forced)', async () => {
    let now = 1_000_000;
    const stamped: string[][] = [];
    const watched = new RepositoryCatalog({
      fs: fsys,
      settings: () => ({ flavor: 'auto', me: [], codeownersPath: 'OWNERS.txt' }),
      gitUser: async () => undefined,
      now: () => now,
      stamp: (paths) => (stamped.push([...paths]), stampOf(paths)),
    });
    const mono = path.join(tmp, 'mono');
    const file = path.join(mono, 'packages/app/src/index.ts');
    write(tmp, 'mono/OWNERS.txt', '/packages/app/  @acme/named\n');
    assert.deepEqual((await watched.lookup(file))?.owners, ['@acme/named']);
    const paths = stamped[0].map((p) => path.relative(mono, p).split(path.sep).join('/'));
    for (const rel of ['.github/CODEOWNERS', 'CODEOWNERS', 'docs/CODEOWNERS', '.gitlab/CODEOWNERS', '.bitbucket/CODEOWNERS', '.github/ownership.yml', 'ownership.yaml', 'OWNERS.txt']) {
      assert.ok(paths.includes(rel), `${rel} is stamped: ${paths.join(' ')}`);
    }
    assert.equal(watched.recheck(mono), false, 'nothing changed');

    write(tmp, 'mono/OWNERS.txt', '/packages/app/  @acme/renamed-team\n');
    const calls = stamped.length;
    now += RECHECK_INTERVAL_MS - 1;
    assert.equal(watched.recheck(mono), false, 'too soon: not compared');
    assert.equal(stamped.length, calls, 'no stat calls made');
    assert.ok(watched.lookupNow(file), 'still loaded');
    now += 1;
    assert.equal(watched.recheck(mono), true, 'compared: changed');
    assert.equal(watched.lookupNow(file), undefined, 'forgotten');
    assert.deepEqual((await watched.lookup(file))?.owners, ['@acme/renamed-team']);

    // A file appearing where the hosts look first is a change too, and so is one going.
    write(tmp, 'mono/.github/ownership.yml', 'teams: {}\n');
    assert.deepEqual(watched.recheckAll(), [mono], 'forced: compared at once');
    await watched.lookup(file);
    fs.rmSync(path.join(mono, '.github'), { recursive: true });
    now += RECHECK_INTERVAL_MS;
    assert.equal(watched.recheck(path.join(mono, 'vendor/lib')), false, 'a repository never loaded: nothing to compare');
    assert.equal(watched.recheck(mono), true);
  });

  it("reads an open file's unsaved buffer instead of the disk", async () => {
    const file = path.join(tmp, 'mono/packages/app/src/index.ts');
    const codeowners = path.join(tmp, 'mono/.github/CODEOWNERS');
    assert.ok(fsys.set(codeowners, '/packages/  @acme/unsaved\n'));
    catalog.invalidateFile(codeowners);
    assert.deepEqual((await catalog.lookup(file))?.owners, ['@acme/unsaved']);
    assert.ok(fsys.set(codeowners, undefined));
    catalog.invalidateFile(codeowners);
    assert.deepEqual((await catalog.lookup(file))?.owners, ['@acme/app']);
    assert.equal(fsys.set(path.join(tmp, 'mono/new/CODEOWNERS'), 'x'), true);
    assert.equal(fsys.kind(path.join(tmp, 'mono/new/CODEOWNERS')), null, 'an unsaved new file is not on disk');
  });

  it('untrusted: git is never run, "me" comes from the settings and ownership.yml', async () => {
    trusted = false;
    const file = path.join(tmp, 'mono/packages/app/src/index.ts');
    const lookup = await catalog.lookup(file);
    assert.equal(lookup?.situation, 'upstream');
    assert.equal(lookup?.repo.usedGit, false);
    assert.deepEqual(gitCalls, []);
    settings = { flavor: 'auto', me: ['me@acme.example'] };
    catalog.invalidateAll();
    assert.equal((await catalog.lookup(file))?.situation, 'mine', 'the setting names me, and ownership.yml my team');
  });

  it('the CODEOWNERS path and flavor settings', async () => {
    write(tmp, 'mono/OWNERS.txt', '[Docs]\n*.ts @acme/ts-docs\n');
    settings = { flavor: 'gitlab', me: [], codeownersPath: 'OWNERS.txt' };
    const lookup = await catalog.lookup(path.join(tmp, 'mono/packages/app/src/index.ts'));
    assert.equal(lookup?.repo.ownership.file, 'OWNERS.txt');
    assert.equal(lookup?.repo.ownership.flavor, 'gitlab');
    assert.deepEqual(lookup?.result.sections?.map((s) => s.section), ['Docs']);
  });
});

describe('editor model: rubrics', () => {
  let tmp: string;
  before(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ol-ext-rubric-'));
    write(tmp, 'bad.yaml', 'id: [not, valid\n');
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('bundled by name (l4 by default), cached', async () => {
    const rubrics = new RubricCatalog(nodeFileSystem);
    assert.equal((await rubrics.get(undefined, undefined)).rubric.id, 'l4-holistic-ownership');
    assert.equal((await rubrics.get('L6', undefined)).rubric.id, 'l6-ownership-beyond-your-code');
    assert.equal(await rubrics.get('l4', undefined), await rubrics.get('', undefined));
  });

  it('a broken custom file: its diagnostics, and the bundled rubric stands in', async () => {
    const state = await new RubricCatalog(nodeFileSystem).get('bad.yaml', tmp);
    assert.equal(state.fellBack, true);
    assert.equal(state.customFile, path.join(tmp, 'bad.yaml'));
    assert.equal(state.rubric.id, 'l4-holistic-ownership');
    assert.ok(state.diagnostics.some((d) => d.severity === 'error'));
  });

  it('a relative path needs a folder', async () => {
    const state = await new RubricCatalog(nodeFileSystem).get('ours.yaml', undefined);
    assert.equal(state.fellBack, true);
    assert.match(state.diagnostics[0].message, /workspace folder/);
  });
});

describe('editor: Markdown escaping', () => {
  it('escapes every ASCII punctuation character, line breaks and icon syntax', () => {
    assert.equal(escapeMarkdown('a*b_c [x](command:y) <img> `c` #h'), 'a\\*b\\_c \\[x\\]\\(command\\:y\\) \\<img\\> \\`c\\` \\#h');
    assert.equal(escapeMarkdown('one\ntwo\r\nthree'), 'one two  three');
    // After Markdown parsing `\$(` remains, which VS Code's icon renderer leaves as text.
    assert.equal(escapeMarkdown('$(bug)'), '\\\\\\$\\(bug\\)');
    assert.equal(escapeMarkdown('café €5'), 'café €5', 'other characters unchanged');
  });

  it('links: command arguments encoded, only http(s) and mailto pages', () => {
    assert.equal(commandLink('a]b', 'x.y', [{ file: '/a b', line: 2 }]), '[a\\]b](command:x.y?%5B%7B%22file%22%3A%22%2Fa%20b%22%2C%22line%22%3A2%7D%5D)');
    assert.equal(safeExternalUrl('javascript:alert(1)'), undefined);
    assert.equal(safeExternalUrl('command:workbench.action.quit'), undefined);
    assert.equal(safeExternalUrl('https://x.example/a b)c'), 'https://x.example/a%20b%29c');
    assert.equal(externalLink('run', 'file:///etc/passwd'), 'run\\: file\\:\\/\\/\\/etc\\/passwd');
  });
});

describe('editor model: file stamps', () => {
  it('a file written, replaced by another, deleted or created since is a change, told once; a file read is none', () => {
    const tmp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'ol-stamps-')));
    try {
      const index = path.join(tmp, 'index');
      const exclude = path.join(tmp, 'info', 'exclude');
      fs.writeFileSync(index, 'one');
      const files = new FileStamp([index, exclude]);
      assert.equal(files.changed(), false);
      fs.readFileSync(index);
      assert.equal(files.changed(), false, 'read, not changed');
      fs.writeFileSync(index, 'two!');
      assert.equal(files.changed(), true, 'rewritten');
      assert.equal(files.changed(), false, 'told once');
      // As git writes its index: a new file renamed over the old one, same size.
      fs.writeFileSync(`${index}.lock`, 'two?');
      fs.renameSync(`${index}.lock`, index);
      assert.equal(files.changed(), true, 'replaced');
      write(tmp, 'info/exclude', '*.log\n');
      assert.equal(files.changed(), true, 'created');
      fs.rmSync(index);
      assert.equal(files.changed(), true, 'deleted');
      assert.equal(files.changed(), false);
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });
});

describe('editor model: the overlay file system', () => {
  it('reads only the head of a file from disk, and cuts an unsaved buffer the same way', () => {
    const calls: string[] = [];
    const disk: FileSystem = {
      kind: () => 'file',
      size: () => 50 * 1024 * 1024,
      readFile: () => (calls.push('readFile'), Buffer.alloc(50 * 1024 * 1024)),
      readHead: (_p, bytes) => (calls.push(`readHead ${bytes}`), Buffer.alloc(bytes, 0x61)),
      realpath: (p) => p,
    };
    const overlay = new OverlayFileSystem(disk);
    assert.equal(readHead(overlay, '/r/CODEOWNERS', 1024).length, 1024);
    assert.deepEqual(calls, ['readHead 1024'], 'the disk is asked for the head only');
    overlay.set('/r/CODEOWNERS', 'x'.repeat(4096));
    assert.equal(readHead(overlay, '/r/CODEOWNERS', 1024).toString(), 'x'.repeat(1024));
    assert.equal(readHead(overlay, '/r/CODEOWNERS', 10_000).length, 4096);
    assert.deepEqual(calls, ['readHead 1024'], 'an unsaved buffer is cut, the disk not read');
  });
});
