// The staged changes as Markdown for a pull request: who must review which files and what
// they ask, with every piece of repository text escaped so that it renders as text. The
// rendering is checked with a CommonMark renderer (markdown-it, as the hosts' renderers
// follow CommonMark): no link, image or HTML comes out of hostile names and paths.
import assert from 'node:assert/strict';
import * as path from 'node:path';
import MarkdownIt from 'markdown-it';
import { ownershipFromText } from '../../src/core/codeowners/repository';
import { resolveIdentity } from '../../src/core/identity/identity';
import { parseOwnershipConfig } from '../../src/core/practices/loadOwnershipConfig';
import { remindersFor, type ReminderContext } from '../../src/core/reminders/reminders';
import { reviewMarkdown } from '../../src/core/reminders/reviewMarkdown';
import type { StagedChange } from '../../src/core/reminders/staged';
import { loadBundledRubric } from '../../src/core/rubric/bundledRubrics';
import { pathOwnership } from '../../src/core/situation/pathOwnership';

const ROOT = path.resolve('/repo');

function reminders(codeowners: string, yml: string, changes: StagedChange[]) {
  const config = parseOwnershipConfig(yml, '.github/ownership.yml').config;
  const repo = ownershipFromText(ROOT, '.github/CODEOWNERS', codeowners, 'github');
  const ctx: ReminderContext = {
    root: ROOT,
    fs: { kind: (p) => (p === path.join(ROOT, 'services/payments/CONTRIBUTING.md') ? 'file' : null), size: () => 1, readFile: () => Buffer.from(''), realpath: (p) => p },
    me: resolveIdentity({ git: { email: 'me@acme.example' }, config }),
    config,
    rubric: loadBundledRubric('l4'),
    ownership: (p) => pathOwnership(repo, p),
  };
  return remindersFor(changes, ctx);
}

const YML = `teams:
  "@acme/payments":
    name: Payments
    contact: "#payments-eng"
    practices: [Put money movement behind a feature flag.]
  "@acme/web":
    name: Web
    members: ["me@acme.example"]
`;
const CODEOWNERS = '/services/payments/ @acme/payments @carol\n/web/ @acme/web\n';

describe('review Markdown: the staged changes for a pull request', () => {
  it('names the reviews needed, then each group: whose, its files, what they ask, how to reach them; mine last and brief', () => {
    const r = reminders(CODEOWNERS, YML, [
      { status: 'modified', path: 'web/app.ts' },
      { status: 'modified', path: 'services/payments/charge.go' },
      { status: 'renamed', path: 'services/payments/new.go', from: 'services/payments/old.go' },
      { status: 'added', path: 'tools/x.sh' },
    ]);
    assert.equal(
      reviewMarkdown([{ name: 'repo', reminders: r }]),
      [
        '### Code owners of this change',
        '',
        'Reviews needed from: \\@acme\\/payments, \\@carol',
        '',
        '**Payments \\(\\@acme\\/payments\\)\\, \\@carol** · 2 files',
        '- services\\/payments\\/charge\\.go',
        '- services\\/payments\\/new\\.go (from services\\/payments\\/old\\.go)',
        '',
        'They ask:',
        '- Put money movement behind a feature flag\\.',
        '- Contributing guide: services\\/payments\\/CONTRIBUTING\\.md',
        '',
        'Contact: Payments, \\#payments\\-eng',
        '',
        '**Nobody owns these \\(no CODEOWNERS rule names an owner\\)** · 1 file',
        '- tools\\/x\\.sh',
        '',
        `${escapeAdvice(r.groups.find((g) => g.situation === 'unowned')?.advice)}`,
        '',
        '**Yours \\(\\@acme\\/web\\)** · 1 file',
        '- web\\/app\\.ts',
        '',
      ].join('\n'),
    );
    const html = new MarkdownIt().render(reviewMarkdown([{ name: 'repo', reminders: r }]));
    assert.match(html, /<strong>Payments \(@acme\/payments\), @carol<\/strong> · 2 files/);
    assert.match(html, /<li>services\/payments\/new\.go \(from services\/payments\/old\.go\)<\/li>/);
  });

  it('a heading per repository when there are several; nothing when nothing is staged', () => {
    const r = reminders(CODEOWNERS, YML, [{ status: 'modified', path: 'web/app.ts' }]);
    const text = reviewMarkdown([{ name: 'api', reminders: r }, { name: 'web_app', reminders: r }, { name: 'empty', reminders: reminders(CODEOWNERS, YML, []) }]);
    assert.deepEqual(text.split('\n').filter((l) => l.startsWith('#')), ['### Code owners of this change', '#### api', '#### web\\_app']);
    assert.doesNotMatch(text, /Reviews needed/, 'only my own code: nobody else to ask');
    assert.equal(reviewMarkdown([{ name: 'empty', reminders: reminders(CODEOWNERS, YML, []) }]), '');
  });

  it('hostile names, practices and paths render as the text they are: no link, image, HTML or emphasis', () => {
    const hostile = '<img src=x onerror=alert(1)> [run](command:workbench.action.quit) ![p](https://example.invalid/p.png) *em* `code` # h \u202Eevil';
    const yml = `teams:\n  "@acme/payments":\n    name: ${JSON.stringify(hostile)}\n    contact: ${JSON.stringify(hostile)}\n    practices: [${JSON.stringify(hostile)}]\n`;
    const file = 'services/payments/[x](javascript:alert(1)) <b>.go';
    const html = new MarkdownIt({ html: true, linkify: true }).render(reviewMarkdown([{ name: hostile, reminders: reminders(CODEOWNERS, yml, [{ status: 'modified', path: file }]) }, { name: 'b', reminders: reminders(CODEOWNERS, yml, [{ status: 'modified', path: file }]) }]));
    for (const tag of ['<a ', '<img', '<b>', '<em>', '<code>', '<script', '<h1', '<h2']) assert.ok(!html.includes(tag), `${tag} in ${html}`);
    assert.ok(html.includes('\\u202eevil'), 'the bidi override is shown, not applied');
    assert.ok(html.includes('&lt;img src=x onerror=alert(1)&gt; [run](command:workbench.action.quit)'), html);
  });
});

/** The rubric's unowned advice as the Markdown writes it. */
function escapeAdvice(advice: string | undefined): string {
  assert.ok(advice);
  return advice.replace(/[!-/:-@[-`{-~]/g, (c) => `\\${c}`);
}
