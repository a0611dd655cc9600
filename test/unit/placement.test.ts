// placementDiagnostic: whether a CODEOWNERS is the one its repository is read by, for each
// host's search order, with the file the search found, a named file, and another host's view.
import * as assert from 'node:assert/strict';
import { placementDiagnostic, type Placement } from '../../src/core/codeowners/placement';
import type { EntryKind } from '../../src/core/fs';
import type { Flavor, FlavorSetting } from '../../src/core';

function place(relative: string, files: string[], searched: [string, Flavor] | null, options: { setting?: FlavorSetting; named?: string } = {}): Placement {
  const kindOf = (rel: string): EntryKind | null => (files.includes(rel) ? 'file' : null);
  return { relative, searched: searched && { file: searched[0], flavor: searched[1] }, named: options.named ?? null, setting: options.setting ?? 'auto', kindOf };
}

const codeOf = (p: Placement) => placementDiagnostic(p)?.code ?? null;

describe('placement: whether a CODEOWNERS takes effect', () => {
  it('the file the search found takes effect: no warning', () => {
    assert.equal(placementDiagnostic(place('.github/CODEOWNERS', ['.github/CODEOWNERS', 'CODEOWNERS'], ['.github/CODEOWNERS', 'github'])), null);
    assert.equal(placementDiagnostic(place('.gitlab/CODEOWNERS', ['.gitlab/CODEOWNERS'], ['.gitlab/CODEOWNERS', 'gitlab'])), null);
  });

  it('a CODEOWNERS in a subfolder is read by no host, and says where its rules belong and from where its patterns count', () => {
    const d = placementDiagnostic(place('packages/app/CODEOWNERS', ['.github/CODEOWNERS'], ['.github/CODEOWNERS', 'github']));
    assert.deepEqual({ ...d, message: undefined }, { line: 1, column: 1, severity: 'warning', code: 'unread-location', message: undefined, related: [{ file: '.github/CODEOWNERS', line: 1, column: 1, message: 'the CODEOWNERS GitHub reads' }] });
    assert.equal(
      d?.message,
      'No host reads a CODEOWNERS here, so its rules take no effect on reviews. Each host reads one file per repository, the first found of (GitHub: .github/CODEOWNERS, CODEOWNERS, docs/CODEOWNERS; GitLab: CODEOWNERS, docs/CODEOWNERS, .gitlab/CODEOWNERS; Bitbucket: .bitbucket/CODEOWNERS); files in other folders are not combined with it, so move these rules into .github/CODEOWNERS (its patterns are read from the repository root there, not from packages/app/).',
    );
  });

  it('with a flavor set, only that host is named; a place only another host reads is unread for it', () => {
    const d = placementDiagnostic(place('.gitlab/CODEOWNERS', ['.gitlab/CODEOWNERS'], null, { setting: 'github' }));
    assert.equal(d?.code, 'unread-location');
    assert.equal(d?.related, undefined, 'nothing is read: nothing to link to');
    assert.match(d?.message ?? '', /^GitHub does not read a CODEOWNERS here, .* the first found of \(GitHub: \.github\/CODEOWNERS, CODEOWNERS, docs\/CODEOWNERS\); .* move these rules into one of those \(its patterns are read from the repository root there, not from \.gitlab\/\)\.$/);
    assert.equal(codeOf(place('.github/CODEOWNERS', [], null, { setting: 'bitbucket' })), 'unread-location');
    assert.equal(codeOf(place('.github/CODEOWNERS', [], null, { setting: 'gitlab' })), 'unread-location');
  });

  it('a file behind one found first takes no effect, naming the host and the file it reads', () => {
    const d = placementDiagnostic(place('docs/CODEOWNERS', ['.github/CODEOWNERS', 'docs/CODEOWNERS'], ['.github/CODEOWNERS', 'github'], { setting: 'github' }));
    assert.equal(d?.code, 'not-in-effect');
    assert.equal(d?.message, 'GitHub reads .github/CODEOWNERS, which it finds before this file, so the rules here take no effect.');
    assert.deepEqual(d?.related, [{ file: '.github/CODEOWNERS', line: 1, column: 1, message: 'the CODEOWNERS GitHub reads' }], 'a link to the file read');
    const gitlab = placementDiagnostic(place('.gitlab/CODEOWNERS', ['CODEOWNERS', '.gitlab/CODEOWNERS'], ['CODEOWNERS', 'gitlab']));
    assert.equal(gitlab?.message, 'GitLab reads CODEOWNERS, which it finds before this file, so the rules here take no effect.');
    assert.deepEqual(gitlab?.related?.map((r) => [r.file, r.message]), [['CODEOWNERS', 'the CODEOWNERS GitLab reads']]);
  });

  it('under auto, says when another host would read this file (a .github/ file makes the repository GitHub, which GitLab never reads)', () => {
    const root = placementDiagnostic(place('CODEOWNERS', ['.github/CODEOWNERS', 'CODEOWNERS'], ['.github/CODEOWNERS', 'github']));
    assert.equal(root?.message, 'GitHub reads .github/CODEOWNERS, which it finds before this file, so the rules here take no effect. On GitLab this file is the one read: choose the gitlab flavor if the repository is hosted there.');
    // GitLab would read the root file before .gitlab/: no hint for .gitlab/ then.
    const behindRoot = placementDiagnostic(place('.gitlab/CODEOWNERS', ['.github/CODEOWNERS', 'CODEOWNERS', '.gitlab/CODEOWNERS'], ['.github/CODEOWNERS', 'github']));
    assert.equal(behindRoot?.message, 'GitHub reads .github/CODEOWNERS, which it finds before this file, so the rules here take no effect.');
    const bitbucket = placementDiagnostic(place('.bitbucket/CODEOWNERS', ['.github/CODEOWNERS', '.bitbucket/CODEOWNERS'], ['.github/CODEOWNERS', 'github']));
    assert.match(bitbucket?.message ?? '', / On Bitbucket this file is the one read: choose the bitbucket flavor if the repository is hosted there\.$/);
    // With the flavor set, the other hosts are not considered.
    assert.doesNotMatch(placementDiagnostic(place('CODEOWNERS', ['.github/CODEOWNERS', 'CODEOWNERS'], ['.github/CODEOWNERS', 'github'], { setting: 'github' }))?.message ?? '', /GitLab/);
  });

  it('a named file replaces the search: any other file is not read; a named file where no host looks is said to be read only because it is named', () => {
    const other = placementDiagnostic(place('.github/CODEOWNERS', ['.github/CODEOWNERS'], ['.github/CODEOWNERS', 'github'], { named: 'config/CODEOWNERS' }));
    assert.equal(other?.code, 'not-in-effect');
    assert.equal(other?.message, "The settings name config/CODEOWNERS as this repository's CODEOWNERS, so Ownership Lens does not read this file. GitHub reads this one, so the editor and reviews may disagree.");
    assert.deepEqual(other?.related?.map((r) => [r.file, r.message]), [['config/CODEOWNERS', 'the CODEOWNERS the settings name']]);
    const named = placementDiagnostic(place('config/CODEOWNERS', ['.github/CODEOWNERS'], ['.github/CODEOWNERS', 'github'], { named: 'config/CODEOWNERS' }));
    assert.equal(named?.code, 'unread-location');
    assert.match(named?.message ?? '', /move these rules into \.github\/CODEOWNERS \(its patterns are read from the repository root there, not from config\/\)\. Ownership Lens reads it only because it was named \(the codeownersPath setting, --codeowners\)\.$/);
    assert.equal(placementDiagnostic(place('.github/CODEOWNERS', ['.github/CODEOWNERS'], ['.github/CODEOWNERS', 'github'], { named: '.github/CODEOWNERS' })), null);
  });

  it('nothing is said where a host looks but nothing is in use yet (a file about to be saved there is found)', () => {
    assert.equal(placementDiagnostic(place('CODEOWNERS', [], null)), null);
    assert.equal(placementDiagnostic(place('docs/CODEOWNERS', [], null, { setting: 'gitlab' })), null);
  });
});
