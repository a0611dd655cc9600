// Repository text on its way to the editor's UI (src/extension/util/inertText.ts): control and
// bidi characters shown as escapes, notification messages that cannot form a link. The
// browser-side check of the same is test/e2e/injection.mjs.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { iconInert, notificationMessage, showControls, withControlsShown } from '../../src/extension/util/inertText';
import { escapeMarkdown } from '../../src/extension/util/markdown';

// What VS Code 1.100's notifications take for a link (parseLinkedText in
// src/vs/base/common/linkedText.ts, copied from the workbench code-server ships).
const VSCODE_NOTIFICATION_LINK = /\[([^\]]+)\]\(((?:https?:\/\/|command:|file:)[^)\s]+)(?: (["'])(.+?)(\3))?\)/gi;
// eslint-disable-next-line no-control-regex -- finding them is the point
const RAW = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

describe('editor: inert repository text', () => {
  it('shows ANSI escapes and bidi controls as the escapes the CLI prints', () => {
    assert.equal(showControls('\u001b[31mred\u001b[0m'), '\\x1b[31mred\\x1b[0m');
    assert.equal(showControls('invoice\u202Efdp.exe'), 'invoice\\u202efdp.exe');
    assert.equal(showControls('\u2066a\u2069 \u2067b\u2069 \u2068c\u2069 \u200E\u200F\u061C \u202A\u202B\u202C\u202D'), '\\u2066a\\u2069 \\u2067b\\u2069 \\u2068c\\u2069 \\u200e\\u200f\\u061c \\u202a\\u202b\\u202c\\u202d');
    assert.equal(showControls('nul\u0000 del\u007f csi\u009b'), 'nul\\x00 del\\x7f csi\\x9b');
  });

  it('leaves tabs, line breaks (callers fold them) and every other character as they are', () => {
    assert.equal(showControls('a\tb\nc\r\nd'), 'a\tb\nc\r\nd');
    assert.equal(showControls('café <img src=x> [x](command:y) שלום \u200b'), 'café <img src=x> [x](command:y) שלום \u200b');
  });

  it('no control or bidi character survives, whatever the text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => !RAW.test(showControls(s))),
      { seed: 8, numRuns: 2000 },
    );
  });

  it('escapeMarkdown shows them too (hovers and Markdown tooltips)', () => {
    assert.equal(escapeMarkdown('a\u202Eb\u001b'), 'a\\\\u202eb\\\\x1b');
    assert.equal(escapeMarkdown('one\ntwo'), 'one two');
  });

  it('a notification message cannot form a link: `](` gets a zero-width space before a link target', () => {
    const hostile = 'Hostile [corpus-run](command:workbench.action.quit) [x](HTTPS://example.invalid) [f](file:///etc/passwd)';
    assert.equal([...hostile.matchAll(VSCODE_NOTIFICATION_LINK)].length, 3, 'the oracle sees the links');
    const message = notificationMessage(hostile);
    assert.equal([...message.matchAll(VSCODE_NOTIFICATION_LINK)].length, 0, message);
    assert.equal(message, 'Hostile [corpus-run]\u200b(command:workbench.action.quit) [x]\u200b(HTTPS://example.invalid) [f]\u200b(file:///etc/passwd)');
    // Anything else reads exactly as written.
    assert.equal(notificationMessage('docs/[draft](v2).md: Payments (@acme/payments).'), 'docs/[draft](v2).md: Payments (@acme/payments).');
    assert.equal(notificationMessage('red \u001b[31m'), 'red \\x1b[31m');
  });

  it('no notification message forms a link, whatever the text', () => {
    const pieces = fc.constantFrom('[', ']', '(', ')', 'command:', 'http://', 'https://', 'file:', 'x', ' ', '"t"', "'", '\u202E');
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 30 }), (parts) => [...notificationMessage(parts.join('')).matchAll(VSCODE_NOTIFICATION_LINK)].length === 0),
      { seed: 8, numRuns: 3000 },
    );
  });

  it('iconInert escapes the $(icon) syntax of quick picks and the status bar, and shows controls', () => {
    assert.equal(iconInert('@acme/$(alert)team $(x'), '@acme/\\$(alert)team \\$(x');
    assert.equal(iconInert('a\u202Eb'), 'a\\u202eb');
    assert.equal(iconInert('$ (not one) $'), '$ (not one) $');
  });

  it('withControlsShown maps every string of plain data (the ownership map webview)', () => {
    const data = { owners: ['@acme/x', 'A\u202Eb'], root: { name: '\u001b', files: 3, rest: null, children: [{ name: 'c\u2066', owners: [[0, 1]] }] } };
    assert.deepEqual(withControlsShown(data), { owners: ['@acme/x', 'A\\u202eb'], root: { name: '\\x1b', files: 3, rest: null, children: [{ name: 'c\\u2066', owners: [[0, 1]] }] } });
    assert.equal(data.owners[1], 'A\u202Eb', 'the input is left alone');
  });
});
