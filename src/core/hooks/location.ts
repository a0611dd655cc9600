// Where the pre-commit reminder goes, given where git runs hooks. Git runs exactly one file,
// `<hooks dir>/pre-commit`, but hook managers put the file users own elsewhere: with Husky 9
// (core.hooksPath=.husky/_) the files in `.husky/_/` are stubs that Husky rewrites on every
// install and that find the user's script by their own name, so the reminder belongs in the
// user's script, `.husky/pre-commit`. Everything else (plain .git/hooks, a core.hooksPath
// directory, Husky 5-8's `.husky/`, lefthook's generated hook) is a hook git runs directly.
import fs = require('node:fs');
import path = require('node:path');
import { isInside } from '../fs';

export interface HookLocation {
  /** Absolute root of the working tree. */
  root: string;
  /** Absolute directory git runs hooks from (`git rev-parse --git-path hooks`). */
  hooksDir: string;
  /** Whether core.hooksPath chose `hooksDir`. */
  hooksPathConfigured: boolean;
}

export type HookLayout = 'git' | 'hooks-path' | 'husky' | 'lefthook';

/**
 * `exec`: a hook git runs, and only when it is executable; the chained hook is run the same way.
 * `sh`: a Husky 9 script, which Husky runs with `sh -e` whatever its mode; so is the chained one.
 */
export type ChainStyle = 'exec' | 'sh';

export interface HookTarget {
  layout: HookLayout;
  /** Absolute path of the file the reminder is written to. */
  file: string;
  chainStyle: ChainStyle;
  /**
   * Where a hook that was already there is moved and run from. Same directory, so that a hook
   * that finds its helpers next to itself (`$(dirname "$0")/_/husky.sh`) still does.
   */
  backup: string;
  /** Inside the working tree (a tracked hooks folder, `.husky/`): git status will show it. */
  inWorkingTree: boolean;
}

export const HOOK_NAME = 'pre-commit';
export const BACKUP_SUFFIX = '.ownership-lens-chained';

/** lefthook's configuration files (any of them means lefthook manages this repository's hooks). */
const LEFTHOOK_CONFIGS = ['lefthook', '.lefthook', '.config/lefthook'].flatMap((base) => ['yml', 'yaml', 'json', 'jsonc', 'toml'].map((ext) => `${base}.${ext}`));
/** How lefthook recognises its own hook files; ours must never contain it. */
export const LEFTHOOK_FINGERPRINT = 'LEFTHOOK';

export function hookTarget(loc: HookLocation): HookTarget {
  const husky9 = path.basename(loc.hooksDir) === '_' && path.basename(path.dirname(loc.hooksDir)) === '.husky' && isFile(path.join(loc.hooksDir, 'h'));
  const file = husky9 ? path.join(path.dirname(loc.hooksDir), HOOK_NAME) : path.join(loc.hooksDir, HOOK_NAME);
  const layout: HookLayout = husky9 ? 'husky' : isLefthook(loc.root, file) ? 'lefthook' : loc.hooksPathConfigured ? 'hooks-path' : 'git';
  const dotGit = path.join(loc.root, '.git');
  return {
    layout,
    file,
    chainStyle: husky9 ? 'sh' : 'exec',
    backup: file + BACKUP_SUFFIX,
    inWorkingTree: isInside(loc.root, file) && !isInside(dotGit, file),
  };
}

function isLefthook(root: string, hookFile: string): boolean {
  if (LEFTHOOK_CONFIGS.some((name) => isFile(path.join(root, name)))) return true;
  // Only a file is read: reading a named pipe would wait forever for a writer.
  if (!isFile(hookFile)) return false;
  try {
    return fs.readFileSync(hookFile, 'utf8').includes(LEFTHOOK_FINGERPRINT);
  } catch {
    return false;
  }
}

function isFile(p: string): boolean {
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}
