// The little of the file system the engine needs, behind an interface so that tests and the
// editor (which has unsaved buffers and virtual file systems) can supply their own.
import nodeFs = require('node:fs');
import nodePath = require('node:path');

export type EntryKind = 'file' | 'directory' | 'other';

export interface FileSystem {
  /** What is at `path` (following symlinks), or null when nothing is, or it cannot be read. */
  kind(path: string): EntryKind | null;
  size(path: string): number;
  readFile(path: string): Buffer;
  /**
   * The first `bytes` bytes of the file (all of it when shorter). Optional: without it
   * readHead() reads the whole file and cuts it (test doubles need not implement it).
   */
  readHead?(path: string, bytes: number): Buffer;
  /** The path with symlinks resolved; throws when that fails (e.g. a symlink loop). */
  realpath(path: string): string;
}

export const nodeFileSystem: FileSystem = {
  kind(path) {
    try {
      // Most probes find nothing (.git above a file, CONTRIBUTING guides, CODEOWNERS
      // locations): that answer comes back as undefined, not as an exception. An exception
      // costs 5 µs here and tens in VS Code's extension host, which decorates its stack, and
      // one editor switch makes a dozen such probes.
      // lstat first: a miss costs one call, and only a link needs a second to be followed.
      const own = nodeFs.lstatSync(path, { throwIfNoEntry: false });
      if (own === undefined) return null;
      const st = own.isSymbolicLink() ? nodeFs.statSync(path, { throwIfNoEntry: false }) : own;
      // A link to nothing still "is there" for the user, as a loop is (below): other.
      if (st === undefined) return 'other';
      return st.isFile() ? 'file' : st.isDirectory() ? 'directory' : 'other';
    } catch (e) {
      // A symlink loop or a dangling link still "is there" for the user: report it as other.
      const code = (e as NodeJS.ErrnoException).code;
      return code === 'ELOOP' ? 'other' : null;
    }
  },
  size: (path) => nodeFs.statSync(path).size,
  readFile: (path) => nodeFs.readFileSync(path),
  readHead(path, bytes) {
    // Only the head is read: a huge file must not be loaded to learn that it is too large.
    const fd = nodeFs.openSync(path, 'r');
    try {
      const buffer = Buffer.alloc(bytes);
      let filled = 0;
      while (filled < bytes) {
        const got = nodeFs.readSync(fd, buffer, filled, bytes - filled, filled);
        if (got === 0) break;
        filled += got;
      }
      return buffer.subarray(0, filled);
    } finally {
      nodeFs.closeSync(fd);
    }
  },
  realpath: (path) => nodeFs.realpathSync.native(path),
};

/** At most the first `bytes` bytes of the file at `path`, read through `fs`. */
export function readHead(fs: FileSystem, path: string, bytes: number): Buffer {
  if (fs.readHead) return fs.readHead(path, bytes);
  const all = fs.readFile(path);
  return all.length > bytes ? all.subarray(0, bytes) : all;
}

/** True when `child` is `parent` or inside it (both absolute, already resolved). */
export function isInside(parent: string, child: string): boolean {
  const rel = nodePath.relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !nodePath.isAbsolute(rel));
}

/**
 * Whether `abs`, its links resolved, lies inside `root` (its links resolved too); null when
 * they cannot be resolved (a loop). A repository file that links out of the repository is not
 * the repository's: CODEOWNERS and ownership.yml are not read through such a link.
 */
export function resolvesInside(root: string, abs: string, fs: FileSystem = nodeFileSystem): boolean | null {
  try {
    return isInside(fs.realpath(root), fs.realpath(abs));
  } catch {
    return null;
  }
}

/**
 * The absolute path `abs` relative to the directory `root` when it is inside it, else null:
 * by its text first (`..` resolved), then through symlinks, for the same file reached by a
 * linked name (a linked home or checkout, macOS's `/tmp` for `/private/tmp`). A path that does
 * not exist yet is resolved through its nearest existing ancestor.
 */
export function relativeInside(root: string, abs: string, fs: FileSystem = nodeFileSystem): string | null {
  return insideResolver(root, fs)(abs);
}

/**
 * relativeInside for many paths (`who --stdin`): what it learns of the disk is kept. A path
 * whose first directory does not exist (`/src/a.ts`, a path from the root as CODEOWNERS writes
 * them) is no file system path at all: one look per first directory decides it. Directories
 * are resolved once each; the whole path only when its directory is not in the repository.
 */
export function insideResolver(root: string, fs: FileSystem = nodeFileSystem): (abs: string) => string | null {
  let realRoot: string | null | undefined;
  const firstExists = new Map<string, boolean>();
  const realDirs = new Map<string, string | null>();
  return (abs) => {
    const resolved = nodePath.resolve(abs);
    if (isInside(root, resolved)) return nodePath.relative(root, resolved);
    const fsRoot = nodePath.parse(resolved).root;
    const first = fsRoot + resolved.slice(fsRoot.length).split(nodePath.sep)[0];
    let exists = firstExists.get(first);
    if (exists === undefined) {
      exists = fs.kind(first) !== null;
      firstExists.set(first, exists);
    }
    if (!exists) return null;
    if (realRoot === undefined) realRoot = realpathOfExisting(nodePath.resolve(root), fs);
    const dir = nodePath.dirname(resolved);
    let realDir = realDirs.get(dir);
    if (realDir === undefined) {
      realDir = realpathOfExisting(dir, fs);
      realDirs.set(dir, realDir);
    }
    if (realRoot === null || realDir === null) return null;
    const real = nodePath.join(realDir, nodePath.basename(resolved));
    if (isInside(realRoot, real)) return nodePath.relative(realRoot, real);
    // The last name may be the link (a link to the checkout itself, or to a file in it).
    const whole = realpathOfExisting(resolved, fs);
    return whole !== null && isInside(realRoot, whole) ? nodePath.relative(realRoot, whole) : null;
  };
}

/** The path with symlinks resolved in its nearest existing ancestor; null when that fails. */
function realpathOfExisting(abs: string, fs: FileSystem): string | null {
  const rest: string[] = [];
  for (let at = abs; ; ) {
    try {
      return nodePath.join(fs.realpath(at), ...rest.reverse());
    } catch {
      const up = nodePath.dirname(at);
      if (up === at) return null;
      rest.push(nodePath.basename(at));
      at = up;
    }
  }
}

/** The nearest directory at or above `start` holding `.git` (a directory or a worktree file). */
export function findRepositoryRoot(start: string, fs: FileSystem = nodeFileSystem): string | null {
  let dir = nodePath.resolve(start);
  for (;;) {
    if (fs.kind(nodePath.join(dir, '.git')) !== null) return dir;
    const parent = nodePath.dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

/**
 * The bare git repository (a git directory with no working tree: `HEAD`, `objects/`, `refs/`,
 * as git tells one) that `start` is in or under, or null. For saying plainly why there are
 * no files to read, where findRepositoryRoot finds no `.git`.
 */
export function findBareRepository(start: string, fs: FileSystem = nodeFileSystem): string | null {
  let dir = nodePath.resolve(start);
  for (;;) {
    if (fs.kind(nodePath.join(dir, 'HEAD')) === 'file' && fs.kind(nodePath.join(dir, 'objects')) === 'directory' && fs.kind(nodePath.join(dir, 'refs')) === 'directory') return dir;
    const parent = nodePath.dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}
