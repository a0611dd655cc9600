// Which tokens count as owners. Emails are the loosest kind, so they get their own table:
// addresses real CODEOWNERS files use are accepted, and tokens built to look like something
// else (a Markdown link, reordered or invisible text, a huge string) are invalid owners.
import assert from 'node:assert/strict';
import { parseCodeowners } from '../../src/core';
import { classifyOwner } from '../../src/core/codeowners/owners';

const ACCEPTED = [
  'dev@example.com',
  'alin.jerpelea@sony.com',
  '59230071+hartmannathan@users.noreply.github.com',
  'first_last@sub.example.co.uk',
  'a-b@x-y.io',
  'ops+alerts@example.org',
  'UPPER.Case@Example.COM',
  // RFC 5322 atext, and a real surname: escaped wherever it is shown, like any text.
  "o'neil@x.io",
];

const REJECTED = [
  '[x](command:workbench.action.quit)@x.io',
  '[click](https://evil.example)@x.io',
  'a(b)@x.io',
  'a<b>@x.io',
  'a"b"@x.io',
  'a:b@x.io',
  'ad\u202emin@x.io',
  'admin@x\u202e.io',
  'ad\u200bmin@x.io',
  'ad\u2066min\u2069@x.io',
  'a\u0000b@x.io',
  'a\u001b[31mb@x.io',
  'a\u00a0b@x.io',
  'jos\u00e9@x.io',
  '.a@x.io',
  'a.@x.io',
  'a@x',
  'a@x.',
  'a@.x.io',
  'a@x..io',
  'a@-x.io',
  'a@x.123',
  'a@b@x.io',
  `${'a'.repeat(65)}@x.io`,
  `a@${'b'.repeat(250)}.io`,
  `a@${'x'.repeat(64)}.io`,
];

describe('owners: email addresses', () => {
  for (const flavor of ['github', 'gitlab', 'bitbucket'] as const) {
    it(`${flavor}: real-world addresses are email owners`, () => {
      for (const email of ACCEPTED) assert.equal(classifyOwner(email, flavor), 'email', email);
    });
    it(`${flavor}: links, brackets, control, bidi and zero-width characters, malformed and oversized addresses are not owners`, () => {
      for (const token of REJECTED) assert.equal(classifyOwner(token, flavor), null, JSON.stringify(token));
    });
  }
  it('a hostile address is an invalid-owner diagnostic at its column, and the rule keeps its valid owners', () => {
    const text = '/src/ @team [x](command:workbench.action.quit)@x.io ok@x.io\n';
    const gh = parseCodeowners(text, { flavor: 'github' });
    assert.deepEqual(gh.rules[0].owners.map((o) => o.text), ['@team', 'ok@x.io']);
    const d = gh.diagnostics.find((x) => x.code === 'invalid-owner');
    assert.deepEqual([d?.line, d?.column], [1, 13]);
    // GitLab scans the text for references: it reads `@x.io` (after the ")") as a user, and
    // nothing of the link; the word is flagged where it starts.
    const gl = parseCodeowners(text, { flavor: 'gitlab' });
    assert.deepEqual(gl.rules[0].owners.map((o) => o.text), ['@team', '@x.io', 'ok@x.io']);
    const w = gl.diagnostics.find((x) => x.code === 'owner-read-as');
    assert.deepEqual([w?.line, w?.column, w?.message], [1, 13, 'GitLab reads "[x](command:workbench.action.quit)@x.io" as @x.io.']);
  });
});
