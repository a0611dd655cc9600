// The --rubric argument of explain, precommit and hook install: a bundled rubric's name or a
// rubric file, checked before anything runs (a hook installed with a typo would fail on every
// commit, and with --strict stop every one).
import path = require('node:path');
import { nodeFileSystem } from '../core';
import { bundledRubricName } from '../core/rubric/bundledRubrics';
import { UsageError } from './io';

/** Throws a usage error when `rubric` (relative to `cwd`) is neither l4, l6 nor a file. */
export function requireRubricArg(rubric: string | undefined, cwd: string): void {
  if (rubric === undefined || bundledRubricName(rubric)) return;
  const kind = nodeFileSystem.kind(path.resolve(cwd, rubric));
  if (kind === 'file') return;
  const what = kind === null ? 'no such file' : kind === 'directory' ? 'a folder, not a rubric file' : 'not a regular file';
  throw new UsageError(`--rubric ${rubric}: ${what} (bundled rubrics: l4, l6)`);
}
