// The rubrics shipped in `rubrics/`, and the choice between them and a team's own rubric.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { nodeFileSystem, type FileSystem } from '../fs';
import type { FileDiagnostic } from '../yaml/boundedYaml';
import { loadRubricFile } from './loadRubric';
import type { Rubric } from './types';

/** Short names accepted wherever a rubric is chosen (`--rubric l6`), with their files. */
export const BUNDLED_RUBRICS = {
  l4: 'l4-holistic-ownership.yaml',
  l6: 'l6-ownership-beyond-your-code.yaml',
} as const;
export type BundledRubricName = keyof typeof BUNDLED_RUBRICS;
export const DEFAULT_RUBRIC: BundledRubricName = 'l4';

/**
 * The `rubrics/` folder of this installation. The bundles live in `dist/`, one level below the
 * package root; under the unit tests this module runs from `src/core/rubric/`, three below.
 */
export function bundledRubricsDir(): string {
  const candidates = [path.join(__dirname, '..', 'rubrics'), path.join(__dirname, '..', '..', '..', 'rubrics')];
  const found = candidates.find((dir) => fs.existsSync(path.join(dir, BUNDLED_RUBRICS.l4)));
  if (!found) throw new Error(`the bundled rubrics are missing (looked in ${candidates.join(', ')}); the installation is incomplete`);
  return found;
}

/** Which bundled rubric a user's choice names: `l4`, `l6` or a full id; undefined for anything else. */
export function bundledRubricName(choice: string): BundledRubricName | undefined {
  const lower = choice.toLowerCase();
  for (const [name, file] of Object.entries(BUNDLED_RUBRICS) as Array<[BundledRubricName, string]>) {
    if (lower === name || lower === file || lower === file.replace(/\.yaml$/, '')) return name;
  }
  return undefined;
}

export function loadBundledRubric(name: BundledRubricName, dir: string = bundledRubricsDir()): Rubric {
  const { rubric, diagnostics } = loadRubricFile(path.join(dir, BUNDLED_RUBRICS[name]));
  // A bundled rubric is part of the product and covered by tests; a failure here is a bug.
  if (!rubric) throw new Error(`bundled rubric ${name} is invalid: ${diagnostics.map((d) => `${d.line}:${d.column} ${d.message}`).join('; ')}`);
  return rubric;
}

export interface RubricChoice {
  rubric: Rubric;
  /** Problems with a custom rubric; when it had errors, `rubric` is the default bundled one. */
  diagnostics: FileDiagnostic[];
  /** True when a custom rubric was asked for but could not be used. */
  fellBack: boolean;
}

/**
 * Resolves a choice (a bundled name, or a path to a custom rubric relative to `cwd`). A custom
 * rubric with errors yields its diagnostics and the default bundled rubric, so guidance never
 * disappears because of a broken file.
 */
export function chooseRubric(choice: string | undefined, cwd: string, options: { dir?: string; fs?: FileSystem } = {}): RubricChoice {
  const named = choice === undefined ? DEFAULT_RUBRIC : bundledRubricName(choice);
  if (named) return { rubric: loadBundledRubric(named, options.dir), diagnostics: [], fellBack: false };
  const absPath = path.resolve(cwd, choice as string);
  const custom = loadRubricFile(absPath, choice as string, options.fs ?? nodeFileSystem);
  if (custom.rubric) return { rubric: custom.rubric, diagnostics: custom.diagnostics, fellBack: false };
  return { rubric: loadBundledRubric(DEFAULT_RUBRIC, options.dir), diagnostics: custom.diagnostics, fellBack: true };
}
