// Owners offered while typing in CODEOWNERS: which owners, in which order
// (core/analysis/owner-suggestions.ts), and where the cursor is typing one (ownerWordAt); and
// where it is typing a path in a pattern (patternPathAt, patternName).
import * as assert from 'node:assert/strict';
import { parseCodeowners } from '../../src/core';
import { ownerSuggestions } from '../../src/core/analysis/owner-suggestions';
import { parseOwnershipConfig } from '../../src/core/practices/loadOwnershipConfig';
import { ownerWordAt, patternName, patternPathAt } from '../../src/extension/codeowners/editing';

const config = (yaml: string) => parseOwnershipConfig(yaml, '.github/ownership.yml').config;

describe('owner suggestions', () => {
  const yml = config('teams:\n  "@acme/web": { name: Web, description: The web app }\n  "@acme/api": { name: API }\npeople:\n  "@jane": { name: Jane Doe, emails: [jane@acme.example] }\n');

  it('ownership.yml first (teams, then people and their emails, with names), then the owners the file names, most used first', () => {
    const text = '* @acme/web\n/a/ @bob\n/b/ @carol @bob\n/c/ @ACME/API\n/d/ not-an-owner\n';
    const got = ownerSuggestions(parseCodeowners(text, { flavor: 'github' }), yml);
    assert.deepEqual(
      got.map((s) => [s.text, s.kind, s.name ?? null, s.listed, s.uses]),
      [
        ['@acme/web', 'team', 'Web', true, 1],
        // Handles compare case-insensitively: the file's @ACME/API is this team.
        ['@acme/api', 'team', 'API', true, 1],
        ['@jane', 'user', 'Jane Doe', true, 0],
        ['jane@acme.example', 'email', 'Jane Doe', true, 0],
        ['@bob', 'user', null, false, 2],
        ['@carol', 'user', null, false, 1],
      ],
    );
    assert.equal(got[0].description, 'The web app');
  });

  it('GitLab: a header names its default owners, and so does each rule that takes them; the roles come last', () => {
    const text = '[Docs] @acme/docs\n*.md\n[docs] @acme/docs @acme/writers\n';
    const got = ownerSuggestions(parseCodeowners(text, { flavor: 'gitlab' }), config(''));
    assert.deepEqual(
      got.map((s) => [s.text, s.uses]),
      [
        ['@acme/docs', 3],
        ['@acme/writers', 1],
        ['@@developer', 0],
        ['@@maintainer', 0],
        ['@@owner', 0],
      ],
    );
  });

  it('offers no GitLab role in a GitHub file', () => {
    assert.deepEqual(ownerSuggestions(parseCodeowners('* @a\n', { flavor: 'github' }), config('')).map((s) => s.text), ['@a']);
  });
});

describe('ownerWordAt: is the cursor typing an owner?', () => {
  const at = (line: string, flavor: 'github' | 'gitlab' = 'github') => {
    const character = line.indexOf('|');
    const text = line.slice(0, character) + line.slice(character + 1);
    const w = ownerWordAt(text, character, flavor);
    return w && text.slice(w.start, w.end);
  };

  it('after the pattern: the owner word around the cursor, from its @', () => {
    assert.equal(at('/src/ @|'), '@');
    assert.equal(at('/src/ @acme/w|eb'), '@acme/web');
    assert.equal(at('/src/ @a @acme/|'), '@acme/');
    assert.equal(at('/src/ jane@ac|'), 'jane@ac');
    assert.equal(at('/src/  |'), '');
  });

  it('not on the pattern (an escaped space included), in a comment, or after an inline #', () => {
    assert.equal(at('/sr|c/ @a'), undefined);
    assert.equal(at('/my\\ fi|le @a'), undefined);
    assert.equal(at('# /src/ @|'), undefined);
    assert.equal(at('   |'), undefined);
    assert.equal(at('/src/ @a # ask @|'), undefined);
  });

  it('GitLab: after a section header and its approvals, not inside the brackets; GitHub reads brackets as a pattern', () => {
    assert.equal(at('[Docs] @|', 'gitlab'), '@');
    assert.equal(at('^[Docs][2] @acme/d|', 'gitlab'), '@acme/d');
    assert.equal(at('[Do|cs] @a', 'gitlab'), undefined);
    assert.equal(at('[Docs][|2] @a', 'gitlab'), undefined);
    assert.equal(at('[Docs] @|', 'github'), '@');
    assert.equal(at('[Do|cs] @a', 'github'), undefined);
  });
});

describe('patternPathAt: is the cursor typing a path in a pattern?', () => {
  const at = (line: string, flavor: 'github' | 'gitlab' = 'github') => {
    const character = line.indexOf('|');
    const text = line.slice(0, character) + line.slice(character + 1);
    const p = patternPathAt(text, character, flavor);
    return p && { dir: p.dir, name: text.slice(p.start, p.end) };
  };

  it('the folder typed so far, from the root, and the name being typed in it', () => {
    assert.deepEqual(at('/|'), { dir: '', name: '' });
    assert.deepEqual(at('/services/pay|'), { dir: 'services', name: 'pay' });
    assert.deepEqual(at('/services/pay|ments/ @a'), { dir: 'services', name: 'payments' });
    assert.deepEqual(at('docs/gu|'), { dir: 'docs', name: 'gu' });
    assert.deepEqual(at('REA|'), { dir: '', name: 'REA' });
    // Escaped spaces are the folder's own.
    assert.deepEqual(at('/my\\ notes/a|'), { dir: 'my notes', name: 'a' });
    assert.deepEqual(at('!/vendor/|', 'gitlab'), { dir: 'vendor', name: '' });
  });

  it('nothing once the pattern has a wildcard, on the owners, in a comment or header, or for . and ..', () => {
    for (const line of ['/src/*/|', '**/|', '/a/[bc]/|', '/src/ @a|', '# /src/|', '/src/../|', '/src//|']) assert.equal(at(line), undefined, line);
    assert.equal(at('[Docs] /|', 'gitlab'), undefined);
  });

  it('writes a name as a pattern does: spaces escaped, none for a name a pattern would read as a glob or comment', () => {
    assert.equal(patternName('meeting notes.md'), 'meeting\\ notes.md');
    for (const name of ['a*b', 'x?', '[id]', 'back\\slash', '#hash', '!bang']) assert.equal(patternName(name), null, name);
  });
});
