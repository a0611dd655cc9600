// What owners publish for contributors, from `.github/ownership.yml` (see
// rubrics/ownership.schema.json and the README). Plain data.

export interface Team {
  /** As written in ownership.yml, e.g. `@acme/payments`. */
  handle: string;
  name?: string;
  description?: string;
  /** Handles and emails; a team handle here makes that team's members members too. */
  members: string[];
  contact?: string;
  links: Record<string, string>;
  practices: string[];
}

/** Links a handle to the name and emails git knows a person by. */
export interface Person {
  handle: string;
  name?: string;
  emails: string[];
}

export interface Component {
  name: string;
  description?: string;
  /** CODEOWNERS (GitHub) pattern syntax. */
  paths: string[];
  contact?: string;
  links: Record<string, string>;
  practices: string[];
}

export interface OwnershipConfig {
  /** Repository-relative path of the file read, or null when there is none. */
  file: string | null;
  /** Keyed by the owner key (`ownerKey`: handles compare case-insensitively). */
  teams: ReadonlyMap<string, Team>;
  people: Person[];
  components: Component[];
  /** Extends the rubric's default upstream etiquette. */
  etiquette: string[];
}

export const EMPTY_OWNERSHIP_CONFIG: OwnershipConfig = { file: null, teams: new Map(), people: [], components: [], etiquette: [] };
