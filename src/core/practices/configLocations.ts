// Where ownership.yml is looked for. Its own module, without the YAML parser, so that code
// which only needs the names (the editor's file watchers) does not load the parser.

/** First found wins: beside CODEOWNERS first, like the host does. */
export const OWNERSHIP_CONFIG_LOCATIONS = [
  '.github/ownership.yml',
  '.github/ownership.yaml',
  '.gitlab/ownership.yml',
  '.gitlab/ownership.yaml',
  'ownership.yml',
  'ownership.yaml',
] as const;
