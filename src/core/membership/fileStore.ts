// A MembershipStore in one small JSON file, for the CLI (the editor uses its global state).
// Written whole to a temporary file and renamed, so a commit hook interrupted mid-write or two
// hooks running at once leave either the old file or the new one, never half of each. The
// file holds logins, team handles, times and messages, never a token; it is still private to
// the user (0600), since team names can be internal.
import fs = require('node:fs');
import path = require('node:path');
import type { MembershipStore, StoredMembership } from './cache';

/** A few hosts at most are ever in use; this keeps a forgotten cache from growing. */
const MAX_ENTRIES = 8;

export function fileMembershipStore(file: string): MembershipStore {
  let entries: Record<string, unknown> | undefined;
  const load = (): Record<string, unknown> => {
    if (entries) return entries;
    try {
      const parsed: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
      entries = typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
    } catch {
      // Missing or damaged: start empty, and the next write replaces it.
      entries = {};
    }
    return entries;
  };
  return {
    get: (key) => load()[key],
    set: (key, value: StoredMembership | undefined) => {
      const next = { ...load() };
      delete next[key];
      if (value !== undefined) next[key] = value;
      // Newest last: when over the limit, drop from the front.
      const keys = Object.keys(next);
      for (const old of keys.slice(0, Math.max(0, keys.length - MAX_ENTRIES))) delete next[old];
      entries = next;
      fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
      const tmp = `${file}.${process.pid}.tmp`;
      fs.writeFileSync(tmp, `${JSON.stringify(next, null, 1)}\n`, { mode: 0o600 });
      fs.renameSync(tmp, file);
    },
  };
}
