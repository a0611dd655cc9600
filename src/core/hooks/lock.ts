// One install or removal at a time per hooks folder. Two of them at once (the CLI in two
// terminals, the editor and a script) would each read the folder, then act on what the other
// just changed: moving our own fresh hook aside as "theirs" and chaining it to itself, or
// restoring a hook over one the other just wrote. The lock is a file created with O_EXCL next
// to the hook, so it works wherever the hook can be written (network folders included), and
// holds the owner's pid and host so that a lock left by a crashed process can be taken over.
//
// The API is synchronous like the rest of the hook code; waiting blocks with Atomics.wait,
// which only happens while another process holds the lock (a few milliseconds).
import fs = require('node:fs');
import os = require('node:os');
import path = require('node:path');

export const LOCK_SUFFIX = '.ownership-lens.lock';

/** How long to wait for another process's install or removal before giving up. */
const WAIT_MS = 5_000;
/**
 * A lock older than this is stale whoever holds it: an install takes milliseconds, so this only
 * happens when its pid cannot be checked (another host) or was reused by an unrelated process.
 */
const STALE_MS = 60_000;
/** Between creating the lock and writing the owner into it there are microseconds. */
const UNWRITTEN_STALE_MS = 5_000;

/** Why the lock could not be taken; a message for the user. */
export class LockBusy extends Error {}

/**
 * Runs `fn` holding `<file>.ownership-lens.lock` in `file`'s folder, which must exist. File
 * system errors from creating the lock (a read-only folder, a missing one) are thrown as they
 * are, for the caller to explain; waiting too long for another holder throws LockBusy.
 */
export function withLock<T>(file: string, fn: () => T): T {
  const lock = file + LOCK_SUFFIX;
  const owner = `${process.pid} ${os.hostname()}\n`;
  acquire(lock, owner);
  try {
    return fn();
  } finally {
    release(lock, owner);
  }
}

function acquire(lock: string, owner: string): void {
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    let fd: number;
    try {
      fd = fs.openSync(lock, 'wx', 0o644);
    } catch (e) {
      if (errorCode(e) !== 'EEXIST') throw e;
      if (takeOverIfStale(lock)) continue;
      if (Date.now() > deadline) {
        throw new LockBusy(`another ownership-lens is installing or removing the hook there (${holder(lock)}); try again when it is done, or delete ${lock} if that process is gone`);
      }
      sleep(5 + Math.random() * 20); // jitter: waiters do not all retry at the same instant
      continue;
    }
    try {
      fs.writeFileSync(fd, owner);
    } catch (e) {
      // Not even a few bytes could be written (a full disk): do not leave a lock nobody holds.
      fs.closeSync(fd);
      fs.rmSync(lock, { force: true });
      throw e;
    }
    fs.closeSync(fd);
    return;
  }
}

/** Deletes the lock only if it is still ours (a stale-lock takeover may have replaced it). */
function release(lock: string, owner: string): void {
  try {
    if (fs.readFileSync(lock, 'utf8') === owner) fs.unlinkSync(lock);
  } catch {
    // Already gone: nothing to release.
  }
}

/** True when the lock is gone or was stale and has been deleted: try to take it again. */
function takeOverIfStale(lock: string): boolean {
  let text: string;
  let mtimeMs: number;
  try {
    text = fs.readFileSync(lock, 'utf8');
    mtimeMs = fs.statSync(lock).mtimeMs;
  } catch {
    return true; // released between our attempt and this look
  }
  const age = Date.now() - mtimeMs;
  const [pid, host] = text.trim().split(' ');
  const stale = pid === undefined || pid === '' ? age > UNWRITTEN_STALE_MS : age > STALE_MS || (host === os.hostname() && !alive(Number(pid)));
  if (!stale) return false;
  // Delete it only if it is still the lock we judged: another waiter may have taken it over and
  // locked again meanwhile. (Two waiters judging the same dead lock within microseconds of each
  // other is the one case this cannot rule out.)
  try {
    if (fs.readFileSync(lock, 'utf8') === text && fs.statSync(lock).mtimeMs === mtimeMs) fs.unlinkSync(lock);
  } catch {
    // Gone already.
  }
  return true;
}

function alive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0); // signal 0: only asks whether the process exists
    return true;
  } catch (e) {
    return errorCode(e) === 'EPERM'; // it exists, but belongs to another user
  }
}

function holder(lock: string): string {
  try {
    const [pid, host] = fs.readFileSync(lock, 'utf8').trim().split(' ');
    return pid ? `process ${pid}${host && host !== os.hostname() ? ` on ${host}` : ''}` : `${path.basename(lock)} exists`;
  } catch {
    return `${path.basename(lock)} exists`;
  }
}

const sleeper = new Int32Array(new SharedArrayBuffer(4));
function sleep(ms: number): void {
  Atomics.wait(sleeper, 0, 0, ms);
}

export function errorCode(e: unknown): string | undefined {
  const code = (e as NodeJS.ErrnoException | null)?.code;
  return typeof code === 'string' ? code : undefined;
}
