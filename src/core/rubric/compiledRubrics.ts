// The rubrics shipped in `rubrics/`, and their compiled form: the build reads each one with the
// full loader (YAML, schema, cross-references) and writes the result beside the bundles, as
// `dist/rubrics/<name>.json`. Showing guidance then costs a JSON.parse instead of loading the
// YAML parser and validating 15 KB of YAML in the editor's extension host (a 50 ms task on a
// busy machine). This module must not import the YAML side (loadRubric.ts), so that the
// extension's main bundle can hold it.
import { createHash } from 'node:crypto';
import fs = require('node:fs');
import path = require('node:path');
import type { Rubric } from './types';

/** Short names accepted wherever a rubric is chosen (`--rubric l6`), with their files. */
export const BUNDLED_RUBRICS = {
  l4: 'l4-holistic-ownership.yaml',
  l6: 'l6-ownership-beyond-your-code.yaml',
} as const;
export type BundledRubricName = keyof typeof BUNDLED_RUBRICS;
export const DEFAULT_RUBRIC: BundledRubricName = 'l4';

/** Which bundled rubric a user's choice names: `l4`, `l6` or a full id; undefined for anything else. */
export function bundledRubricName(choice: string): BundledRubricName | undefined {
  const lower = choice.toLowerCase();
  for (const [name, file] of Object.entries(BUNDLED_RUBRICS) as Array<[BundledRubricName, string]>) {
    if (lower === name || lower === file || lower === file.replace(/\.yaml$/, '')) return name;
  }
  return undefined;
}

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

/** What the build writes per bundled rubric. */
export interface CompiledRubric {
  /** SHA-256 of the YAML it was compiled from: a rubric edited since is read from its YAML. */
  sha256: string;
  /** The loaded rubric, without `file` (set to the YAML's path where it is read). */
  rubric: Omit<Rubric, 'file'>;
}

export function sha256Of(bytes: Buffer | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Where the compiled form of `name` is, beside the bundles (`dist/rubrics/`). */
export function compiledRubricPath(name: BundledRubricName, bundleDir: string = __dirname): string {
  return path.join(bundleDir, 'rubrics', `${name}.json`);
}

/**
 * The bundled rubric `name` from its compiled form, when there is one and it was compiled from
 * the YAML that is there now; undefined otherwise (the caller reads the YAML). `yamlPath` is
 * the rubric's file, which the result names.
 */
export function loadCompiledRubric(name: BundledRubricName, yamlPath: string, bundleDir: string = __dirname): Rubric | undefined {
  try {
    const compiled = JSON.parse(fs.readFileSync(compiledRubricPath(name, bundleDir), 'utf8')) as CompiledRubric;
    if (compiled.sha256 !== sha256Of(fs.readFileSync(yamlPath))) return undefined;
    return { ...compiled.rubric, file: yamlPath };
  } catch {
    // Not built (the unit tests run the sources), or unreadable: the YAML is the truth.
    return undefined;
  }
}

/** The bundled rubric `name` of the installation (its YAML in `dir`), from its compiled form when that is current. */
export function loadCompiledBundledRubric(name: BundledRubricName, dir: string = bundledRubricsDir()): Rubric | undefined {
  return loadCompiledRubric(name, path.join(dir, BUNDLED_RUBRICS[name]));
}
