// Real git for the tests that change a fixture repository the way a terminal would, without
// the machine's system config or a credential prompt.
import { execFileSync } from 'node:child_process';

export const GIT_ENV = { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_TERMINAL_PROMPT: '0' };

export const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, env: GIT_ENV, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
