// The rubrics shipped in `rubrics/`, and the choice between them and a team's own rubric.
import fs = require('node:fs');
import path = require('node:path');
import { nodeFileSystem, type FileSystem } from '../fs';
import type { FileDiagnostic } from '../yaml/boundedYaml';
import { BUNDLED_RUBRICS, bundledRubricName, bundledRubricsDir, compiledRubricPath, DEFAULT_RUBRIC, loadCompiledBundledRubric, sha256Of, type BundledRubricName, type CompiledRubric } from './compiledRubrics';
import { loadRubricFile } from './loadRubric';
import type { Rubric } from './types';

export { BUNDLED_RUBRICS, bundledRubricName, bundledRubricsDir, DEFAULT_RUBRIC, type BundledRubricName } from './compiledRubrics';

/** A bundled rubric: its compiled form when the build left one for this YAML, else the YAML. */
export function loadBundledRubric(name: BundledRubricName, dir: string = bundledRubricsDir()): Rubric {
  return loadCompiledBundledRubric(name, dir) ?? loadBundledRubricYaml(name, dir);
}

/** A bundled rubric read from its YAML with the full loader. */
export function loadBundledRubricYaml(name: BundledRubricName, dir: string = bundledRubricsDir()): Rubric {
  const { rubric, diagnostics } = loadRubricFile(path.join(dir, BUNDLED_RUBRICS[name]));
  // A bundled rubric is part of the product and covered by tests; a failure here is a bug.
  if (!rubric) throw new Error(`bundled rubric ${name} is invalid: ${diagnostics.map((d) => `${d.line}:${d.column} ${d.message}`).join('; ')}`);
  return rubric;
}

/**
 * Writes the compiled form of every bundled rubric into `bundleDir/rubrics/` (the build calls
 * it for dist/). Throws when a bundled rubric is invalid, which fails the build.
 */
export function compileBundledRubrics(bundleDir: string, dir: string = bundledRubricsDir()): string[] {
  const written: string[] = [];
  for (const name of Object.keys(BUNDLED_RUBRICS) as BundledRubricName[]) {
    const yamlPath = path.join(dir, BUNDLED_RUBRICS[name]);
    const rubric: Partial<Rubric> = { ...loadBundledRubricYaml(name, dir) };
    // Where the rubric is read from is known only there.
    delete rubric.file;
    const compiled: CompiledRubric = { sha256: sha256Of(fs.readFileSync(yamlPath)), rubric: rubric as CompiledRubric['rubric'] };
    const out = compiledRubricPath(name, bundleDir);
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, JSON.stringify(compiled));
    written.push(out);
  }
  return written;
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
