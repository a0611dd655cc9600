// Installs and removes the pre-commit reminder without ever losing someone else's hook:
// - a hook that is already there is moved aside (renamed: bytes, mode and times unchanged)
//   and run after ours; removal renames it back, so it is restored exactly;
// - a file is only replaced or deleted when it is ours and unedited (its checksum holds);
// - anything unexpected (an edited hook, a leftover from an earlier install, a directory
//   where the hook should be) stops the operation with a message and changes nothing;
// - our hook is written whole to a temporary file beside it and renamed into place, so git
//   never finds half a hook, whatever fails (a full disk) or whenever the process dies;
// - installs and removals take a lock in the hook's folder and decide only once they hold
//   it, so concurrent ones run one after the other, each on what the previous one left;
// - a file-system failure (a read-only folder, a full disk) becomes a HookError naming the
//   folder and what to do, after whatever was moved has been put back.
import fs = require('node:fs');
import path = require('node:path');
import { hookTarget, type HookLocation, type HookTarget } from './location';
import { errorCode, LockBusy, withLock } from './lock';
import { hookScript, readHookScript, type HookConfig, type HookMeta } from './script';

/**
 * A refusal, or a failure of the file system explained: the message names the file or folder
 * and says what to do. Nothing was changed, unless the message says what was.
 */
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
  const { file } = hookTarget(loc);
  const dir = path.dirname(file);
  for (let attempt = 1; ; attempt++) {
    let created = 0;
    try {
      // The lock lives in the hook's folder, so the folder comes first (core.hooksPath may name
      // one that does not exist yet); its count is recorded so that remove can delete it again.
      created = missingDirs(dir);
      if (created > 0) fs.mkdirSync(dir, { recursive: true });
      return withLock(file, () => installLocked(loc, config, created));
    } catch (e) {
      if (created > 0) removeCreatedDirs(dir, created);
      // A concurrent remove deleted the folder it had created, between our mkdir and our lock.
      if (errorCode(e) === 'ENOENT' && attempt < 3 && danglingLink(dir) === null) continue;
      throw explain(e, dir, 'install');
    }
  }
}

/** The install proper: decides from what is there now that no other install or remove runs. */
function installLocked(loc: HookLocation, config: HookConfig, createdDirs: number): InstallResult {
  const status = hookStatus(loc);
  const { target } = status;
  removeStaleTemps(target.file);
  if (status.state === 'edited') throw editedError(target);
  if (status.state === 'installed') {
    const meta: HookMeta = { ...status.meta, ...config, layout: target.layout, chainStyle: target.chainStyle };
    const tmp = writeTemp(target.file, hookScript(meta), fs.statSync(target.file).mode & 0o7777);
    renameOrDiscard(tmp, target.file);
    return { target, action: 'updated', chained: status.chained };
  }
  if (exists(target.backup)) {
    throw new HookError(`${target.backup} is left from an earlier install; run \`ownership-lens hook remove\` (or move it back yourself) first`);
  }
  const kind = lstatKind(target.file);
  if (kind === 'directory') throw new HookError(`${target.file} is a directory, not a hook: move it out of the way (or delete it), then install again`);

  const meta: HookMeta = {
    version: 1,
    ...config,
    layout: target.layout,
    chainStyle: target.chainStyle,
    chained: kind === null ? null : path.basename(target.backup),
    createdDirs: kind === null ? createdDirs : 0,
  };
  // Ours is complete on disk before anything of theirs moves: a write that fails (a full disk)
  // fails here, with their hook still in place.
  const tmp = writeTemp(target.file, hookScript(meta), 0o755);
  if (kind === null) {
    renameOrDiscard(tmp, target.file);
    return { target, action: 'installed', chained: null };
  }
  // Move theirs aside (a rename: bytes, mode, times and a link's target unchanged), then put
  // ours where it was; if that fails, theirs goes back.
  try {
    fs.renameSync(target.file, target.backup);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  }
  try {
    fs.renameSync(tmp, target.file);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    try {
      fs.renameSync(target.backup, target.file);
    } catch {
      throw new HookError(`could not install (${errorText(e)}) nor put the earlier hook back: it is at ${target.backup}; rename it to ${path.basename(target.file)}`);
    }
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
  const first = hookStatus(loc);
  const dir = path.dirname(first.target.file);
  // Nothing to do, or nothing we may do, needs no lock (and works in a folder that cannot be
  // written, or is gone); anything else is decided again under the lock.
  if (first.state === 'edited') throw editedError(first.target);
  if (first.state === 'not-installed' && first.leftovers.length === 0) return { target: first.target, removed: false, restored: null, cleaned: [], kept: [] };
  let removed: RemoveResult & { createdDirs: number };
  try {
    removed = withLock(first.target.file, () => removeLocked(loc));
  } catch (e) {
    // The folder went away after we looked (a concurrent remove deleted it): nothing is there.
    if (errorCode(e) === 'ENOENT' && !isDirectory(dir)) return { target: first.target, removed: false, restored: null, cleaned: [], kept: [] };
    throw explain(e, dir, 'remove');
  }
  const { createdDirs, ...result } = removed;
  // After the lock is gone: the folder must be empty to be deleted.
  removeCreatedDirs(dir, createdDirs);
  return result;
}

function removeLocked(loc: HookLocation): RemoveResult & { createdDirs: number } {
  const status = hookStatus(loc);
  const { target } = status;
  removeStaleTemps(target.file);
  if (status.state === 'edited') throw editedError(target);
  if (status.state === 'not-installed') return { target, removed: false, restored: null, ...cleanLeftovers(target), createdDirs: 0 };

  const { meta, chained } = status;
  if (chained !== null && exists(chained)) {
    // One rename both removes ours and restores theirs: the hook is never missing in between.
    fs.renameSync(chained, target.file);
    return { target, removed: true, restored: target.file, cleaned: [], kept: [], createdDirs: 0 };
  }
  fs.unlinkSync(target.file);
  const kept = chained === null ? [] : [`${chained} (missing: it was deleted after the install)`];
  return { target, removed: true, restored: null, cleaned: [], kept, createdDirs: meta.createdDirs };
}

function editedError(target: HookTarget): HookError {
  return new HookError(`${target.file} was changed since ownership-lens wrote it; edit or remove it by hand`);
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
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch {
    return null;
  }
  const text = bytes.toString('utf8');
  const ours = readHookScript(text);
  // The checksum is over the text; bytes that are not UTF-8 decode to U+FFFD and could read
  // the same as what we wrote. We only ever write UTF-8, so such a file was edited.
  if (ours && ours.intact && !Buffer.from(text, 'utf8').equals(bytes)) return { ...ours, intact: false };
  return ours;
}

/** Writes `text` whole (flushed to disk) to a new temporary file beside `file`; returns its path. */
function writeTemp(file: string, text: string, mode: number): string {
  const tmp = `${file}${TEMP_INFIX}${process.pid}${TEMP_SUFFIX}`;
  const fd = fs.openSync(tmp, 'wx', mode);
  try {
    fs.writeFileSync(fd, text);
    fs.fchmodSync(fd, mode); // the umask must not leave git with a hook it cannot run
    fs.fsyncSync(fd); // renamed into place after a crash, it must not be empty
    fs.closeSync(fd);
  } catch (e) {
    fs.closeSync(fd);
    fs.rmSync(tmp, { force: true });
    throw e;
  }
  return tmp;
}

function renameOrDiscard(tmp: string, file: string): void {
  try {
    fs.renameSync(tmp, file);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  }
}

const TEMP_INFIX = '.ownership-lens-';
const TEMP_SUFFIX = '.tmp';

/**
 * Deletes temporary files a killed install left beside the hook. Only the lock's holder writes
 * them, and we hold it: any that are there belong to nobody.
 */
function removeStaleTemps(file: string): void {
  const prefix = path.basename(file) + TEMP_INFIX;
  try {
    for (const name of fs.readdirSync(path.dirname(file))) {
      if (name.startsWith(prefix) && name.endsWith(TEMP_SUFFIX) && /^\d+$/.test(name.slice(prefix.length, -TEMP_SUFFIX.length))) {
        fs.rmSync(path.join(path.dirname(file), name), { force: true });
      }
    }
  } catch {
    // Unreadable folder: the operation itself will say what is wrong.
  }
}

/**
 * A file-system failure as one sentence naming the folder and what to do. Install puts back
 * whatever it moved before throwing, so it can say that nothing changed; anything that is not
 * a file-system error (a bug) is returned as it is.
 */
function explain(e: unknown, dir: string, action: 'install' | 'remove'): unknown {
  if (e instanceof HookError) return e;
  if (e instanceof LockBusy) return new HookError(`${dir}: ${e.message}`);
  const code = errorCode(e);
  if (code === undefined) return e;
  const unchanged = action === 'install' ? '; nothing was changed' : '';
  const again = `then ${action} again${unchanged}`;
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return new HookError(`${dir} is not writable (${code === 'EACCES' ? 'permission denied' : 'operation not permitted'}): make it writable (chmod u+w '${dir}') or run this as its owner, ${again}`);
    case 'EROFS':
      return new HookError(`${dir} is on a read-only file system: remount it read-write or point core.hooksPath elsewhere, ${again}`);
    case 'ENOSPC':
    case 'EDQUOT':
      return new HookError(`no space left to write in ${dir} (the disk or your quota is full): free some space, ${again}`);
    case 'EFBIG':
      return new HookError(`could not write in ${dir}: file too large for this process's file-size limit (ulimit -f): raise it, ${again}`);
    case 'ENOTDIR':
      return new HookError(`the hooks folder ${dir} cannot be used: it, or a folder above it, is a file, not a folder; move that file away or point core.hooksPath elsewhere${unchanged}`);
    case 'ELOOP':
      return new HookError(`the hooks folder ${dir} cannot be used: its path has a loop of symbolic links${unchanged}`);
    case 'ENOENT':
    case 'EEXIST': {
      const link = danglingLink(dir);
      if (link !== null) return new HookError(`the hooks folder ${link} is a link to ${fs.readlinkSync(link)}, which does not exist: create that folder or fix the link, ${again}`);
      break;
    }
  }
  return new HookError(`could not ${action} in ${dir}: ${errorText(e)}${unchanged}`);
}

/** `dir` or the nearest folder above it that is a symbolic link to nothing; null when none is. */
function danglingLink(dir: string): string | null {
  for (let d = dir; path.dirname(d) !== d; d = path.dirname(d)) {
    try {
      if (fs.lstatSync(d).isSymbolicLink() && !isDirectory(d)) return d;
    } catch {
      // Missing: look further up.
    }
  }
  return null;
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
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

function isDirectory(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
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
