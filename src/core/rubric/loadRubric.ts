// Parses and checks a rubric file. A rubric with any error is not used (the caller falls back
// to a bundled one); its diagnostics say where the problems are.
import rubricSchema from '../../../rubrics/rubric.schema.json';
import { nodeFileSystem, type FileSystem } from '../fs';
import { loadBoundedYamlFile, parseBoundedYaml, positionOf, type FileDiagnostic, type YamlLoad, type YamlSource } from '../yaml/boundedYaml';
import { SchemaValidator } from '../yaml/schemaValidator';
import { validateYaml } from '../yaml/validateYaml';
import type { Example, Expectation, Rubric } from './types';

export interface RubricLoad {
  /** Null when the file has errors: use a bundled rubric instead. */
  rubric: Rubric | null;
  diagnostics: FileDiagnostic[];
}

let validator: SchemaValidator | undefined;
function rubricValidator(): SchemaValidator {
  validator ??= new SchemaValidator(rubricSchema);
  return validator;
}

/** `file` names the rubric in diagnostics and in `Rubric.file`. */
export function parseRubric(text: string, file: string): RubricLoad {
  return fromYaml(parseBoundedYaml(text, file), file);
}

export function loadRubricFile(absPath: string, file: string = absPath, fs: FileSystem = nodeFileSystem): RubricLoad {
  const loaded = loadBoundedYamlFile(fs, absPath, file);
  if (!loaded) {
    return { rubric: null, diagnostics: [{ file, line: 1, column: 1, severity: 'error', code: 'file-not-found', message: 'no such rubric file' }] };
  }
  return fromYaml(loaded, file);
}

function fromYaml(loaded: YamlLoad, file: string): RubricLoad {
  const diagnostics = [...loaded.diagnostics];
  const source = loaded.source;
  if (!source) return { rubric: null, diagnostics };
  const schema = validateYaml(source, rubricValidator());
  diagnostics.push(...schema.diagnostics);
  if (schema.errors.length > 0) return { rubric: null, diagnostics };
  // The schema guarantees the shape; what it cannot say (ids unique, links resolve) is checked here.
  const raw = source.value as RawRubric;
  diagnostics.push(...crossReferenceErrors(source, raw));
  if (diagnostics.some((d) => d.severity === 'error')) return { rubric: null, diagnostics };
  return { rubric: toRubric(raw, file), diagnostics };
}

type RawExpectation = Omit<Expectation, 'ask' | 'themes'> & Partial<Pick<Expectation, 'ask' | 'themes'>>;
type RawExample = Omit<Example, 'kind' | 'themes'> & Partial<Pick<Example, 'kind' | 'themes'>>;
type RawRubric = Omit<Rubric, 'file' | 'advice' | 'expectations' | 'examples' | 'etiquette' | 'circles'> &
  Partial<Pick<Rubric, 'advice' | 'etiquette' | 'circles'>> & { expectations: RawExpectation[]; examples?: RawExample[] };

function crossReferenceErrors(source: YamlSource, raw: RawRubric): FileDiagnostic[] {
  const found: FileDiagnostic[] = [];
  const error = (path: Array<string | number>, code: string, message: string) =>
    found.push({ file: source.file, ...positionOf(source, path), severity: 'error', code, message });

  const expectationIds = new Set<string>();
  raw.expectations.forEach((e, i) => {
    if (expectationIds.has(e.id)) error(['expectations', i, 'id'], 'rubric-duplicate-id', `expectation id "${e.id}" is used twice`);
    expectationIds.add(e.id);
  });
  const exampleIds = new Set<string>();
  (raw.examples ?? []).forEach((ex, i) => {
    if (exampleIds.has(ex.id)) error(['examples', i, 'id'], 'rubric-duplicate-id', `example id "${ex.id}" is used twice`);
    exampleIds.add(ex.id);
    ex.illustrates.forEach((id, j) => {
      if (!expectationIds.has(id)) error(['examples', i, 'illustrates', j], 'rubric-unknown-expectation', `no expectation has the id "${id}"`);
    });
  });
  return found;
}

function toRubric(raw: RawRubric, file: string): Rubric {
  // `$schema` is for editors (YAML language servers), not part of the model.
  const rest: Partial<RawRubric & { $schema: string }> = { ...raw };
  delete rest.$schema;
  return {
    ...(rest as RawRubric),
    advice: raw.advice ?? {},
    expectations: raw.expectations.map((e) => ({ ...e, ask: e.ask ?? [], themes: e.themes ?? [] })),
    examples: (raw.examples ?? []).map((e) => ({ ...e, kind: e.kind ?? 'behaviour', themes: e.themes ?? [] })),
    etiquette: raw.etiquette ?? [],
    circles: raw.circles ?? [],
    file,
  };
}
