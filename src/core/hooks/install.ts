// Installs and removes the pre-commit reminder without ever losing someone else's hook:
// - a hook that is already there is moved aside (renamed: bytes, mode and times unchanged)
//   and run after ours; removal renames it back, so it is restored exactly;
// - a file is only replaced or deleted when it is ours and unedited (its checksum holds);
// - anything unexpected (an edited hook, a leftover from an earlier install, a directory
//   where the hook should be) stops the operation with a message and changes nothing.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { hookTarget, type HookLocation, type HookTarget } from './location';
import { hookScript, readHookScript, type HookConfig, type HookMeta } from './script';

/** A refusal: nothing was changed, and the message says what to do. */
export class HookError extends Error {}

export type HookStatus =
  | { state: 'installed'; target: HookTarget; meta: HookMeta; cliFound: boolean; chained: string | null }
  /** Ours, but changed since it was written: we neither replace nor delete it. */
  | { state: 'edited'; target: HookTarget; meta: HookMeta }
  /** Not installed. `foreign`: another hook is there. `leftovers`: files an earlier install left. */
  | { state: 'not-installed'; target: HookTarget; foreign: boolean; leftovers: string[] };

export function hookStatus(loc: HookLocation): HookStatus {
  const target = hookTarget(loc);
  const ours = readOurs(target.file);
  if (ours && ours.intact) {
    const chained = ours.meta.chained === null ? null : path.join(path.dirname(target.file), ours.meta.chained);
    return { state: 'installed', target, meta: ours.meta, cliFound: isFile(ours.meta.cli), chained };
  }
  if (ours) return { state: 'edited', target, meta: ours.meta };
  return { state: 'not-installed', target, foreign: exists(target.file), leftovers: leftovers(target) };
}

export interface InstallResult {
  target: HookTarget;
  /** `updated`: our hook was already there and was rewritten with the new settings. */
  action: 'installed' | 'updated';
  /** The hook that was there before, now run after ours. */
  chained: string | null;
}

export function installHook(loc: HookLocation, config: HookConfig): InstallResult {
  const status = hookStatus(loc);
  const { target } = status;
  if (status.state === 'edited') throw new HookError(`${target.file} was changed since ownership-lens wrote it; edit or remove it by hand`);
  if (status.state === 'installed') {
    const meta: HookMeta = { ...status.meta, ...config, layout: target.layout, chainStyle: target.chainStyle };
    replaceOurs(target.file, hookScript(meta));
    return { target, action: 'updated', chained: status.chained };
  }
  if (exists(target.backup)) {
    throw new HookError(`${target.backup} is left from an earlier install; run \`ownership-lens hook remove\` (or move it back yourself) first`);
  }
  const kind = lstatKind(target.file);
  if (kind === 'directory') throw new HookError(`${target.file} is a directory, not a hook`);

  const dir = path.dirname(target.file);
  const createdDirs = kind === null ? missingDirs(dir) : 0;
  const meta: HookMeta = {
    version: 1,
    ...config,
    layout: target.layout,
    chainStyle: target.chainStyle,
    chained: kind === null ? null : path.basename(target.backup),
    createdDirs,
  };
  const text = hookScript(meta);
  if (kind === null) {
    fs.mkdirSync(dir, { recursive: true });
    writeNew(target.file, text);
    return { target, action: 'installed', chained: null };
  }
  // Move theirs aside, then write ours where it was; if that fails, put theirs back.
  fs.renameSync(target.file, target.backup);
  try {
    writeNew(target.file, text);
  } catch (e) {
    fs.renameSync(target.backup, target.file);
    throw e;
  }
  return { target, action: 'installed', chained: target.backup };
}

export interface RemoveResult {
  target: HookTarget;
  /** Whether our hook was there and is gone. */
  removed: boolean;
  /** The earlier hook, back where it was. */
  restored: string | null;
  /** Leftovers of an earlier install that were safe to delete or put back. */
  cleaned: string[];
  /** Leftovers kept because deleting them could lose something; the user decides. */
  kept: string[];
}

export function removeHook(loc: HookLocation): RemoveResult {
  const status = hookStatus(loc);
  const { target } = status;
  if (status.state === 'edited') throw new HookError(`${target.file} was changed since ownership-lens wrote it; edit or remove it by hand`);
  if (status.state === 'not-installed') return { target, removed: false, restored: null, ...cleanLeftovers(target) };

  const { meta, chained } = status;
  if (chained !== null && exists(chained)) {
    // One rename both removes ours and restores theirs: the hook is never missing in between.
    fs.renameSync(chained, target.file);
    return { target, removed: true, restored: target.file, cleaned: [], kept: [] };
  }
  fs.unlinkSync(target.file);
  removeCreatedDirs(path.dirname(target.file), meta.createdDirs);
  return { target, removed: true, restored: null, cleaned: [], kept: chained === null ? [] : [`${chained} (missing: it was deleted after the install)`] };
}

/**
 * What an earlier install can leave when something else took the hook's place: lefthook moves
 * a hook it did not write to `pre-commit.old` when it reinstalls, and our moved-aside hook
 * stays where we put it.
 */
function leftovers(target: HookTarget): string[] {
  const found: string[] = [];
  const old = `${target.file}.old`;
  if (readOurs(old)?.intact) found.push(old);
  if (exists(target.backup)) found.push(target.backup);
  return found;
}

function cleanLeftovers(target: HookTarget): { cleaned: string[]; kept: string[] } {
  const cleaned: string[] = [];
  const kept: string[] = [];
  for (const file of leftovers(target)) {
    if (file !== target.backup) {
      fs.unlinkSync(file); // our own hook, unedited
      cleaned.push(file);
    } else if (!exists(target.file)) {
      fs.renameSync(file, target.file); // nothing took its place: it goes back
      cleaned.push(file);
    } else if (sameBytes(file, target.file)) {
      fs.unlinkSync(file); // the tool that replaced us wrote the same hook again: nothing is lost
      cleaned.push(file);
    } else {
      kept.push(file);
    }
  }
  return { cleaned, kept };
}

function readOurs(file: string): ReturnType<typeof readHookScript> {
  if (lstatKind(file) !== 'file') return null;
  try {
    return readHookScript(fs.readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

/** Creates `file` and fails if anything appeared there meanwhile: never overwrites. */
function writeNew(file: string, text: string): void {
  fs.writeFileSync(file, text, { flag: 'wx', mode: 0o755 });
  fs.chmodSync(file, 0o755); // the umask must not leave git with a hook it cannot run
}

/** Replaces our own hook in one rename, keeping its mode. */
function replaceOurs(file: string, text: string): void {
  const tmp = `${file}.ownership-lens-${process.pid}.tmp`;
  fs.writeFileSync(tmp, text, { flag: 'wx', mode: 0o755 });
  try {
    fs.chmodSync(tmp, fs.statSync(file).mode & 0o7777);
    fs.renameSync(tmp, file);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  }
}

/** How many directories from `dir` upwards do not exist yet. */
function missingDirs(dir: string): number {
  let n = 0;
  for (let d = dir; !exists(d) && path.dirname(d) !== d; d = path.dirname(d)) n++;
  return n;
}

/** Deletes the directories the install created, while they are empty. */
function removeCreatedDirs(dir: string, count: number): void {
  for (let d = dir, i = 0; i < count; i++, d = path.dirname(d)) {
    try {
      fs.rmdirSync(d);
    } catch {
      return; // not empty: something else lives there now
    }
  }
}

function lstatKind(p: string): 'file' | 'directory' | 'other' | null {
  try {
    const st = fs.lstatSync(p);
    return st.isFile() ? 'file' : st.isDirectory() ? 'directory' : 'other';
  } catch {
    return null;
  }
}

function exists(p: string): boolean {
  return lstatKind(p) !== null;
}

function isFile(p: string): boolean {
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}

function sameBytes(a: string, b: string): boolean {
  try {
    return fs.readFileSync(a).equals(fs.readFileSync(b));
  } catch {
    return false;
  }
}
