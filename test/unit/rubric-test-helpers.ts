// Shared by the rubric and ownership.yml tests: hostile YAML, and picking one diagnostic.
import assert from 'node:assert/strict';
import type { FileDiagnostic } from '../../src/core/yaml/boundedYaml';

/** The single diagnostic with `code`; fails the test if there are none or several. */
export function only(diagnostics: FileDiagnostic[], code: string): FileDiagnostic {
  const found = diagnostics.filter((d) => d.code === code);
  assert.equal(found.length, 1, `expected one ${code} in ${JSON.stringify(diagnostics)}`);
  return found[0];
}

/** A billion-laughs document: nine levels of nine aliases each, 9^9 strings if expanded. */
export function aliasBomb(): string {
  const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let level = 1; level < 9; level++) {
    const name = String.fromCharCode(97 + level);
    const prev = String.fromCharCode(96 + level);
    lines.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`);
  }
  return `${lines.join('\n')}\n`;
}
