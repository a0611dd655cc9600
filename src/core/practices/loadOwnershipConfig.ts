// Finds, reads and validates a repository's ownership.yml. A broken entry costs only itself:
// a team, person or component with a schema error is left out (with a diagnostic) and the
// rest of the file is used, so one typo does not hide every team's practices.
import path = require('node:path');
import ownershipSchema from '../../../rubrics/ownership.schema.json';
import { ownerKey } from '../codeowners/owners';
import { nodeFileSystem, resolvesInside, type FileSystem } from '../fs';
import { parseBoundedYaml, readBoundedYamlFile, type FileDiagnostic, type YamlLoad } from '../yaml/boundedYaml';
import { SchemaValidator, type SchemaError } from '../yaml/schemaValidator';
import { validateYaml } from '../yaml/validateYaml';
import { EMPTY_OWNERSHIP_CONFIG, type Component, type OwnershipConfig, type Person, type Team } from './types';

import { OWNERSHIP_CONFIG_LOCATIONS } from './configLocations';

export { OWNERSHIP_CONFIG_LOCATIONS };

export interface OwnershipConfigLoad {
  config: OwnershipConfig;
  diagnostics: FileDiagnostic[];
}

let validator: SchemaValidator | undefined;
function configValidator(): SchemaValidator {
  validator ??= new SchemaValidator(ownershipSchema);
  return validator;
}

/**
 * Reads the first ownership file found under `root` (absolute); an empty config if none.
 * `found`, when the caller has looked already (findOwnershipConfig), spares looking again.
 */
export function loadOwnershipConfig(root: string, fs: FileSystem = nodeFileSystem, found?: string): OwnershipConfigLoad {
  const all: readonly string[] = OWNERSHIP_CONFIG_LOCATIONS;
  // With `found`, the locations before it are looked at only for what is there but no file.
  const at = found === undefined ? all.length - 1 : all.indexOf(found);
  const locations = found !== undefined && at < 0 ? [found] : all.slice(0, at + 1);
  const skipped: FileDiagnostic[] = [];
  const problem = (file: string, code: string, message: string): FileDiagnostic => ({ file, line: 1, column: 1, severity: 'error', code, message });
  const notRead = (d: FileDiagnostic): OwnershipConfigLoad => ({ config: EMPTY_OWNERSHIP_CONFIG, diagnostics: [...skipped, d] });
  for (const rel of locations) {
    const abs = path.join(root, rel);
    const kind = fs.kind(abs);
    if (kind === null) continue;
    // As for CODEOWNERS (repository.ts): a directory or what cannot be read is skipped with a
    // diagnostic, and a link out of the repository is not the repository's file: not read.
    if (kind !== 'file') {
      skipped.push(problem(rel, 'not-a-file', kind === 'directory' ? `${rel} is a directory, not a file; it is skipped.` : `${rel} is not a regular file or cannot be read (a broken or looping link?); it is skipped.`));
      continue;
    }
    const inside = resolvesInside(root, abs, fs);
    if (inside === null) return notRead(problem(rel, 'unreadable', `${rel} cannot be resolved (a looping link?); it is not read.`));
    if (!inside) return notRead(problem(rel, 'outside-repository', `${rel} is a link to a file outside the repository; it is not read.`));
    const read = fromYaml(readBoundedYamlFile(fs, abs, rel), rel);
    return skipped.length === 0 ? read : { ...read, diagnostics: [...skipped, ...read.diagnostics] };
  }
  return { config: EMPTY_OWNERSHIP_CONFIG, diagnostics: skipped };
}

/** `file` is the repository-relative name used in diagnostics and `config.file`. */
export function parseOwnershipConfig(text: string, file: string): OwnershipConfigLoad {
  return fromYaml(parseBoundedYaml(text, file), file);
}

function fromYaml(loaded: YamlLoad, file: string): OwnershipConfigLoad {
  const empty: OwnershipConfig = { ...EMPTY_OWNERSHIP_CONFIG, file };
  const diagnostics = [...loaded.diagnostics];
  const source = loaded.source;
  // An empty file is a valid, empty configuration.
  if (!source || source.value === null || source.value === undefined) return { config: empty, diagnostics };
  const { errors, diagnostics: schemaDiagnostics } = validateYaml(source, configValidator());
  diagnostics.push(...schemaDiagnostics);
  const valid = withoutBrokenEntries(source.value, errors);
  if (!valid) return { config: empty, diagnostics };
  return { config: toConfig(valid as RawConfig, file), diagnostics };
}

/**
 * Drops every entry (the value two levels down: `teams.X`, `components[3]`, `etiquette[0]`)
 * that a schema error lies in. What remains satisfies the schema, because none of its rules
 * relate one entry to another. Null when the document itself is wrong (not a mapping).
 */
function withoutBrokenEntries(value: unknown, errors: SchemaError[]): Record<string, unknown> | null {
  if (errors.some((e) => e.path.length === 0)) return null;
  const broken = new Map<string, Set<string | number> | 'all'>();
  for (const { path: p } of errors) {
    const top = String(p[0]);
    if (p.length === 1) broken.set(top, 'all');
    else {
      const set = broken.get(top);
      if (set === 'all') continue;
      broken.set(top, (set ?? new Set()).add(p[1]));
    }
  }
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
    const drop = broken.get(key);
    if (drop === 'all') continue;
    if (!drop) out[key] = item;
    else if (Array.isArray(item)) out[key] = item.filter((_, i) => !drop.has(i));
    else out[key] = Object.fromEntries(Object.entries(item as Record<string, unknown>).filter(([k]) => !drop.has(k)));
  }
  return out;
}

interface RawConfig {
  teams?: Record<string, Omit<Team, 'handle' | 'members' | 'links' | 'practices'> & Partial<Pick<Team, 'members' | 'links' | 'practices'>>>;
  people?: Record<string, { name?: string; emails?: string[] }>;
  components?: Array<Omit<Component, 'links' | 'practices'> & Partial<Pick<Component, 'links' | 'practices'>>>;
  etiquette?: string[];
}

function toConfig(raw: RawConfig, file: string): OwnershipConfig {
  const teams = new Map<string, Team>();
  for (const [handle, t] of Object.entries(raw.teams ?? {})) {
    teams.set(ownerKey(handle), { ...t, handle, members: t.members ?? [], links: t.links ?? {}, practices: t.practices ?? [] });
  }
  const people: Person[] = Object.entries(raw.people ?? {}).map(([handle, p]) => ({ handle, name: p.name, emails: p.emails ?? [] }));
  const components: Component[] = (raw.components ?? []).map((c) => ({ ...c, links: c.links ?? {}, practices: c.practices ?? [] }));
  return { file, teams, people, components, etiquette: raw.etiquette ?? [] };
}
