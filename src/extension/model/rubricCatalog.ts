// The rubric each workspace folder has chosen (a bundled one, or a team's own file), loaded
// once and kept until the file changes. A broken custom rubric keeps its diagnostics and the
// bundled default stands in, so guidance never disappears. No vscode import.
import nodePath = require('node:path');
import type { FileSystem } from '../../core/fs';
import type { Rubric } from '../../core/rubric/types';
import type { chooseRubric as ChooseRubric } from '../../core/rubric/bundledRubrics';
import { bundledRubricName, DEFAULT_RUBRIC, loadCompiledBundledRubric } from '../../core/rubric/compiledRubrics';
import type { FileDiagnostic } from '../../core/yaml/boundedYaml';
import { lazyBundle, type LazyBundles } from '../lazy';

export interface RubricState {
  rubric: Rubric;
  /** The setting as written (`l4`, `l6`, a path). */
  choice: string;
  /** Absolute path of the custom rubric file, when the choice is one. */
  customFile?: string;
  diagnostics: FileDiagnostic[];
  /** A custom rubric was chosen but cannot be used: `rubric` is the bundled default. */
  fellBack: boolean;
}

export class RubricCatalog {
  private readonly cache = new Map<string, RubricState>();

  constructor(private readonly fs: FileSystem) {}

  /** `baseDir` resolves a relative custom path (the workspace folder); none: only absolute paths work. */
  async get(choice: string | undefined, baseDir: string | undefined): Promise<RubricState> {
    const { name, bundled, customFile, key } = resolveChoice(choice, baseDir);
    let state = this.cache.get(key);
    if (!state && bundled) {
      // The build compiled the bundled rubrics: no YAML to parse, no parser to load.
      const rubric = loadCompiledBundledRubric(bundled);
      if (rubric) state = { rubric, choice: name, diagnostics: [], fellBack: false };
    }
    if (!state) {
      // The YAML parser and the schema validator load with the first custom rubric.
      const files: LazyBundles['files'] = typeof __LAZY_BUNDLES__ !== 'undefined' ? lazyBundle('files') : await import('../lazy/files.js');
      state = load(files.chooseRubric, this.fs, name, bundled, customFile);
    }
    this.cache.set(key, state);
    return state;
  }

  /** get() answered at once when the rubric is already loaded; undefined when it is not. */
  getNow(choice: string | undefined, baseDir: string | undefined): RubricState | undefined {
    return this.cache.get(resolveChoice(choice, baseDir).key);
  }

  /** Forgets a custom rubric read from `absPath`; true when one was. */
  invalidateFile(absPath: string): boolean {
    let dropped = false;
    for (const [key, state] of this.cache) {
      if (state.customFile === absPath) dropped = this.cache.delete(key) || dropped;
    }
    return dropped;
  }

  invalidateAll(): void {
    this.cache.clear();
  }

  get customFiles(): string[] {
    return [...this.cache.values()].flatMap((s) => (s.customFile ? [s.customFile] : []));
  }

}

/** What a rubric setting names: a bundled rubric, a custom file, or a path that cannot be resolved; and its cache key. */
function resolveChoice(choice: string | undefined, baseDir: string | undefined) {
  const name = (choice ?? '').trim() || DEFAULT_RUBRIC;
  const bundled = bundledRubricName(name);
  const customFile = bundled ? undefined : nodePath.isAbsolute(name) ? name : baseDir ? nodePath.resolve(baseDir, name) : undefined;
  return { name, bundled, customFile, key: bundled ?? customFile ?? `unresolved:${name}` };
}

function load(choose: typeof ChooseRubric, fs: FileSystem, name: string, bundled: string | undefined, customFile: string | undefined): RubricState {
  if (bundled || customFile) {
    const chosen = choose(bundled ?? customFile, nodePath.sep, { fs });
    return { rubric: chosen.rubric, choice: name, customFile, diagnostics: chosen.diagnostics, fellBack: chosen.fellBack };
  }
  // A relative path with no folder to resolve it against (no workspace folder is open).
  const fallback = choose(undefined, nodePath.sep, { fs });
  const diagnostics: FileDiagnostic[] = [
    { file: name, line: 1, column: 1, severity: 'error', code: 'file-not-found', message: 'a relative rubric path needs an open workspace folder' },
  ];
  return { rubric: fallback.rubric, choice: name, diagnostics, fellBack: true };
}
