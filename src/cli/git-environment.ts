// A hook runs the CLI with git's path variables set, possibly relative to where the hook runs
// (GIT_INDEX_FILE=.git/index); git is started in the repository root, so make them absolute.
import path = require('node:path');
import type { CliIO } from './io';

const PATH_VARIABLES = ['GIT_INDEX_FILE', 'GIT_DIR', 'GIT_WORK_TREE', 'GIT_COMMON_DIR', 'GIT_OBJECT_DIRECTORY'];

export function gitEnvironment(io: CliIO): Record<string, string | undefined> {
  const env = { ...io.env };
  for (const key of PATH_VARIABLES) {
    const value = env[key];
    if (value) env[key] = path.resolve(io.cwd, value);
  }
  return env;
}
