// .github/ownership.yml: reading, validation, and what survives a broken entry.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { nodeFileSystem, type FileSystem } from '../../src/core/fs';
import { loadOwnershipConfig, parseOwnershipConfig } from '../../src/core/practices/loadOwnershipConfig';
import { aliasBomb, only } from './rubric-test-helpers';

const ISSUE_EXAMPLE = `teams:
  "@acme/payments":
    name: Payments
    members: ["@alice", "alice@acme.example"]
    contact: "#payments-eng"
    links: { runbook: "https://runbooks.acme.example/payments", docs: "https://docs.acme.example/payments" }
    practices:
      - Ship every change to money movement behind a feature flag.
components:
  - name: Payments API
    paths: ["services/payments/**"]
    practices: ["Run the contract tests before asking for review."]
etiquette:
  - Talk to the owning team before a large change.
`;

const FILE = '.github/ownership.yml';


describe('ownership.yml', () => {
  it('reads the format of the issue: teams, components, etiquette', () => {
    const { config, diagnostics } = parseOwnershipConfig(ISSUE_EXAMPLE, FILE);
    assert.deepEqual(diagnostics, []);
    assert.equal(config.file, FILE);
    const team = config.teams.get('@acme/payments');
    assert.deepEqual(team, {
      handle: '@acme/payments',
      name: 'Payments',
      members: ['@alice', 'alice@acme.example'],
      contact: '#payments-eng',
      links: { runbook: 'https://runbooks.acme.example/payments', docs: 'https://docs.acme.example/payments' },
      practices: ['Ship every change to money movement behind a feature flag.'],
    });
    assert.deepEqual(config.components, [
      { name: 'Payments API', paths: ['services/payments/**'], practices: ['Run the contract tests before asking for review.'], links: {} },
    ]);
    assert.deepEqual(config.etiquette, ['Talk to the owning team before a large change.']);
  });

  it('keys teams case-insensitively, as hosts compare handles', () => {
    const { config } = parseOwnershipConfig('teams:\n  "@Acme/Payments": { name: Payments }\n', FILE);
    assert.equal(config.teams.get('@acme/payments')?.handle, '@Acme/Payments');
  });

  it('reads people: the names and emails behind a handle', () => {
    const { config, diagnostics } = parseOwnershipConfig('people:\n  "@alice": { name: Alice Smith, emails: [alice@acme.example] }\n', FILE);
    assert.deepEqual(diagnostics, []);
    assert.deepEqual(config.people, [{ handle: '@alice', name: 'Alice Smith', emails: ['alice@acme.example'] }]);
  });

  it('an empty file is an empty configuration, not an error', () => {
    const { config, diagnostics } = parseOwnershipConfig('# nothing yet\n', FILE);
    assert.deepEqual(diagnostics, []);
    assert.equal(config.teams.size, 0);
    assert.equal(config.file, FILE);
  });

  it('an unquoted "#channel" after a value is reported: YAML drops it as a comment', () => {
    const text = 'etiquette:\n  - Tell #payments-eng before merging\n  - "Quoted #kept"\n  - Plain text # a real comment\n';
    const { config, diagnostics } = parseOwnershipConfig(text, FILE);
    assert.deepEqual(config.etiquette, ['Tell', 'Quoted #kept', 'Plain text']);
    const found = diagnostics.filter((d) => d.code === 'yaml-hash-comment');
    assert.equal(found.length, 1, JSON.stringify(diagnostics));
    assert.deepEqual([found[0].line, found[0].column, found[0].severity], [2, 10, 'warning']);
    assert.match(found[0].message, /"#payments-eng before merging" is read as a YAML comment, so this value is only "Tell"/);
  });

  it('a syntax error gives a positioned diagnostic and an empty configuration', () => {
    const { config, diagnostics } = parseOwnershipConfig(ISSUE_EXAMPLE.replace('name: Payments API', 'name: [Payments API'), FILE);
    const d = diagnostics.find((x) => x.code === 'yaml-syntax');
    assert.ok(d, JSON.stringify(diagnostics));
    assert.equal(d.file, FILE);
    assert.ok(d.line >= 10 && d.line <= 12, `line ${d.line}`);
    assert.equal(config.teams.size, 0);
    assert.equal(config.components.length, 0);
  });

  it('a team with a wrong type is left out with a positioned diagnostic; the other team stays', () => {
    const text = `teams:
  "@acme/payments":
    practices: Ship behind a flag.
  "@acme/search":
    name: Search
    practices: [Keep queries under 100 ms.]
`;
    const { config, diagnostics } = parseOwnershipConfig(text, FILE);
    const d = only(diagnostics, 'schema');
    assert.deepEqual([d.line, d.column], [3, 16]);
    assert.equal(d.message, 'teams.@acme/payments.practices: must be a list, not a string');
    assert.deepEqual([...config.teams.keys()], ['@acme/search']);
    assert.deepEqual(config.teams.get('@acme/search')?.practices, ['Keep queries under 100 ms.']);
  });

  it('a repeated key is an error where it is repeated; the first entry and the rest of the file apply', () => {
    const text = `teams:
  "@acme/payments":
    name: Payments
    practices: [Ship behind a flag.]
  "@acme/search":
    name: Search
  "@acme/payments":
    name: Payments again
    contact: "#ignored"
etiquette: [Say hello.]
etiquette: [Say it twice.]
`;
    const { config, diagnostics } = parseOwnershipConfig(text, FILE);
    assert.deepEqual(
      diagnostics.map((d) => [d.code, d.severity, d.line, d.column, d.message]),
      [
        ['yaml-duplicate-key', 'error', 7, 3, '"@acme/payments" is already a key of this mapping (line 2); this repeat is not used'],
        ['yaml-duplicate-key', 'error', 11, 1, '"etiquette" is already a key of this mapping (line 10); this repeat is not used'],
      ],
    );
    assert.deepEqual([...config.teams.keys()], ['@acme/payments', '@acme/search']);
    assert.deepEqual([config.teams.get('@acme/payments')?.name, config.teams.get('@acme/payments')?.contact], ['Payments', undefined]);
    assert.deepEqual(config.teams.get('@acme/payments')?.practices, ['Ship behind a flag.']);
    assert.deepEqual(config.etiquette, ['Say hello.']);
  });

  it('keys that the plain data would merge (1 and "1") are a repeat too, though yaml allows them', () => {
    const { config, diagnostics } = parseOwnershipConfig('teams:\n  "@a/b":\n    links: { 1: "https://one.example", "1": "https://two.example" }\n', FILE);
    assert.deepEqual(diagnostics.map((d) => [d.code, d.line, d.column]), [['yaml-duplicate-key', 3, 40]]);
    assert.deepEqual(config.teams.get('@a/b')?.links, { 1: 'https://one.example' });
  });

  it('a repeat that holds an anchor is not dropped (an alias may name it): the file is not used', () => {
    const text = 'teams:\n  "@acme/a": { name: A }\n  "@acme/a": &shared { contact: "#shared" }\n  "@acme/b": *shared\netiquette: [Say hi.]\n';
    const { config, diagnostics } = parseOwnershipConfig(text, FILE);
    assert.deepEqual(diagnostics.map((d) => [d.code, d.line]), [['yaml-syntax', 3]]);
    assert.match(diagnostics[0].message, /unique/);
    assert.deepEqual([config.teams.size, config.etiquette], [0, []]);
  });

  it('a repeated key beside another syntax error: the file is not used, every error reported', () => {
    const { config, diagnostics } = parseOwnershipConfig('teams:\n  "@a/b": { name: A }\n  "@a/b": { name: B }\netiquette: [unclosed\n', FILE);
    assert.ok(diagnostics.some((d) => d.code === 'yaml-syntax' && /unique/.test(d.message)), JSON.stringify(diagnostics));
    assert.equal(config.teams.size, 0);
  });

  it('a member that is neither a handle nor an email says what is expected', () => {
    const { config, diagnostics } = parseOwnershipConfig('teams:\n  "@acme/payments":\n    members: [alice]\n', FILE);
    const d = only(diagnostics, 'schema');
    assert.deepEqual([d.line, d.column], [3, 15]);
    assert.match(d.message, /"alice" is not a handle \(@alice, @org\/team\) or an email address/);
    assert.equal(config.teams.size, 0);
  });

  it('a team handle without @ is reported at the key', () => {
    const { diagnostics } = parseOwnershipConfig('teams:\n  payments:\n    name: Payments\n', FILE);
    const d = only(diagnostics, 'schema');
    assert.deepEqual([d.line, d.column], [2, 3]);
    assert.match(d.message, /property name "payments" is not a handle/);
  });

  it('a component without paths is left out; the next component stays', () => {
    const text = 'components:\n  - name: Broken\n  - name: Fine\n    paths: [lib/]\n';
    const { config, diagnostics } = parseOwnershipConfig(text, FILE);
    assert.match(only(diagnostics, 'schema').message, /components\[0\]: missing required property "paths"/);
    assert.deepEqual(config.components.map((c) => c.name), ['Fine']);
  });

  it('an unknown top-level key is reported with a suggestion and ignored', () => {
    const { config, diagnostics } = parseOwnershipConfig(`team:\n  "@x/y": {}\n${ISSUE_EXAMPLE}`, FILE);
    const d = only(diagnostics, 'schema');
    assert.deepEqual([d.line, d.column], [1, 1]);
    assert.equal(d.message, 'team: unknown property "team"; did you mean "teams"?');
    assert.equal(config.teams.size, 1);
  });

  it('a link that is not http(s) or mailto is refused (links end up clickable)', () => {
    const { config, diagnostics } = parseOwnershipConfig('teams:\n  "@a/b":\n    links: { docs: "javascript:alert(1)" }\n', FILE);
    assert.match(only(diagnostics, 'schema').message, /is not an https:\/\/, http:\/\/ or mailto: link/);
    assert.equal(config.teams.size, 0);
  });

  it('a __proto__ key cannot pollute prototypes', () => {
    const { config } = parseOwnershipConfig('teams:\n  __proto__: { polluted: true }\n', FILE);
    assert.equal(config.teams.size, 0);
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
  });

  it('a document that is a list gives one error and an empty configuration', () => {
    const { config, diagnostics } = parseOwnershipConfig('- teams\n', FILE);
    assert.equal(only(diagnostics, 'schema').message, 'the document: must be a mapping, not a list');
    assert.equal(config.components.length, 0);
  });

  it('a YAML alias bomb is refused with a diagnostic and an empty configuration', () => {
    const { config, diagnostics } = parseOwnershipConfig(aliasBomb(), FILE);
    assert.equal(only(diagnostics, 'yaml-alias').line, 2);
    assert.equal(config.teams.size, 0);
  });

  describe('in a repository', () => {
    let root: string;
    beforeEach(() => {
      root = fs.mkdtempSync(path.join(os.tmpdir(), 'ol-ownership-'));
    });
    afterEach(() => fs.rmSync(root, { recursive: true, force: true }));
    const write = (rel: string, text: string | Buffer) => {
      fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
      fs.writeFileSync(path.join(root, rel), text);
    };

    it('prefers .github/ownership.yml over the root ownership.yml', () => {
      write('.github/ownership.yml', 'etiquette: [from .github]\n');
      write('ownership.yml', 'etiquette: [from the root]\n');
      const { config } = loadOwnershipConfig(root);
      assert.equal(config.file, '.github/ownership.yml');
      assert.deepEqual(config.etiquette, ['from .github']);
    });

    it('finds ownership.yaml at the root', () => {
      write('ownership.yaml', 'etiquette: [from the root]\n');
      assert.equal(loadOwnershipConfig(root).config.file, 'ownership.yaml');
    });

    it('without a file: an empty configuration and no diagnostics', () => {
      const { config, diagnostics } = loadOwnershipConfig(root);
      assert.equal(config.file, null);
      assert.deepEqual(diagnostics, []);
    });

    it('a 50 MB ownership.yml is refused from its size, without being read', () => {
      write('.github/ownership.yml', Buffer.alloc(50 * 1024 * 1024, 'etiquette: []\n'));
      let reads = 0;
      const counting: FileSystem = { ...nodeFileSystem, readFile: (p) => (reads++, nodeFileSystem.readFile(p)) };
      const { config, diagnostics } = loadOwnershipConfig(root, counting);
      const d = only(diagnostics, 'yaml-too-large');
      assert.deepEqual([d.file, d.line, d.column], ['.github/ownership.yml', 1, 1]);
      assert.equal(config.teams.size, 0);
      assert.equal(reads, 0);
    });

    it('a link out of the repository is not read: a diagnostic, and no configuration (as for CODEOWNERS)', () => {
      const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'ol-outside-'));
      fs.writeFileSync(path.join(outside, 'o.yml'), 'etiquette: [from outside]\n');
      fs.mkdirSync(path.join(root, '.github'), { recursive: true });
      fs.symlinkSync(path.join(outside, 'o.yml'), path.join(root, '.github', 'ownership.yml'));
      write('ownership.yml', 'etiquette: [from the root]\n');
      const { config, diagnostics } = loadOwnershipConfig(root);
      assert.equal(config.file, null);
      assert.deepEqual(config.etiquette, []);
      const d = only(diagnostics, 'outside-repository');
      assert.deepEqual([d.file, d.line, d.column, d.severity], ['.github/ownership.yml', 1, 1, 'error']);
    });

    it('a link inside the repository is read', () => {
      write('config/o.yml', 'etiquette: [linked]\n');
      fs.mkdirSync(path.join(root, '.github'), { recursive: true });
      fs.symlinkSync(path.join(root, 'config', 'o.yml'), path.join(root, '.github', 'ownership.yml'));
      const { config, diagnostics } = loadOwnershipConfig(root);
      assert.deepEqual([config.file, config.etiquette, diagnostics], ['.github/ownership.yml', ['linked'], []]);
    });

    it('a directory or a looping link where the file would be is skipped with a diagnostic; the next location is used', () => {
      fs.mkdirSync(path.join(root, '.github', 'ownership.yml'), { recursive: true });
      fs.symlinkSync('ownership.yaml', path.join(root, '.github', 'ownership.yaml'));
      write('ownership.yml', 'etiquette: [from the root]\n');
      const { config, diagnostics } = loadOwnershipConfig(root);
      assert.deepEqual([config.file, config.etiquette], ['ownership.yml', ['from the root']]);
      assert.deepEqual(diagnostics.map((d) => [d.file, d.line, d.column, d.code]), [
        ['.github/ownership.yml', 1, 1, 'not-a-file'],
        ['.github/ownership.yaml', 1, 1, 'not-a-file'],
      ]);
      assert.match(diagnostics[0].message, /is a directory/);
      assert.match(diagnostics[1].message, /looping link/);
    });
  });
});
