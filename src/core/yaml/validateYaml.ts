// Schema validation of a parsed YAML file, with each error placed on its YAML node.
import { describePath, positionOf, type FileDiagnostic, type YamlSource } from './boundedYaml';
import type { SchemaError, SchemaValidator } from './schemaValidator';

export interface YamlValidation {
  errors: SchemaError[];
  diagnostics: FileDiagnostic[];
}

export function validateYaml(source: YamlSource, validator: SchemaValidator): YamlValidation {
  const errors = validator.validate(source.value);
  const diagnostics = errors.map(
    (e): FileDiagnostic => ({
      file: source.file,
      ...positionOf(source, e.path, e.at),
      severity: 'error',
      code: 'schema',
      message: `${describePath(e.path)}: ${e.message}`,
    }),
  );
  return { errors, diagnostics };
}
