// Where ownership.yml is looked for. Its own module, without the YAML parser, so that code
// which only needs the names (the editor's file watchers) or whether there is one (the editor,
// before it loads the parser) does not load the parser.
import path = require('node:path');
import type { FileSystem } from '../fs';

/** First found wins: beside CODEOWNERS first, like the host does. */
export const OWNERSHIP_CONFIG_LOCATIONS = [
  '.github/ownership.yml',
  '.github/ownership.yaml',
  '.gitlab/ownership.yml',
  '.gitlab/ownership.yaml',
  'ownership.yml',
  'ownership.yaml',
] as const;

/** The location (relative to `root`) of the ownership file in use, or null when there is none. */
export function findOwnershipConfig(root: string, fs: FileSystem): string | null {
  return OWNERSHIP_CONFIG_LOCATIONS.find((rel) => fs.kind(path.join(root, rel)) === 'file') ?? null;
}
