// Child processes in their own process groups, so that stopping one ends everything it
// spawned (the VS Code server forks extension hosts, pty hosts, file watchers) and nothing
// else: no broad `pkill`, no killing of processes this harness did not start.
/* global fetch */
import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { setTimeout as delay } from 'node:timers/promises';

/** Polls `check` until it returns a truthy value, which it then returns. */
export async function waitFor(check, { timeoutMs = 30_000, intervalMs = 100, what = 'condition' } = {}) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() >= deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await delay(intervalMs);
  }
}

/** Resolves once `url` answers with any HTTP status below 500. */
export function waitForHttp(url, options = {}) {
  return waitFor(
    async () => {
      try {
        const response = await fetch(url, { redirect: 'manual' });
        await response.body?.cancel();
        return response.status < 500;
      } catch {
        return false; // not listening yet
      }
    },
    { what: url, ...options },
  );
}

/**
 * Starts `command` as the leader of a new process group. Output goes to `logFile` (when given)
 * and is kept in memory so that a failure can show it.
 */
export function startGroup(command, args, { env = process.env, cwd, logFile, echo = false } = {}) {
  const child = spawn(command, args, { cwd, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const log = logFile ? createWriteStream(logFile) : undefined;
  const chunks = [];
  for (const stream of [child.stdout, child.stderr]) {
    stream.on('data', (data) => {
      chunks.push(data);
      log?.write(data);
      if (echo) process.stderr.write(data);
    });
  }
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  child.on('error', (error) => chunks.push(Buffer.from(`spawn failed: ${error.message}\n`)));
  return {
    child,
    exited,
    output: () => Buffer.concat(chunks).toString('utf8'),
    stop: () => killGroup(child.pid).finally(() => log?.end()),
  };
}

function groupAlive(pid) {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** SIGTERM to the whole group, SIGKILL to whatever is left after `graceMs`. */
export async function killGroup(pid, { graceMs = 3000 } = {}) {
  if (!pid || !groupAlive(pid)) return;
  try {
    process.kill(-pid, 'SIGTERM');
  } catch {
    return;
  }
  try {
    await waitFor(() => !groupAlive(pid), { timeoutMs: graceMs, intervalMs: 50, what: `process group ${pid} to exit` });
  } catch {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // Already gone between the check and the kill.
    }
  }
}

/**
 * Runs `cleanup` once on Ctrl+C, SIGTERM or SIGHUP, then exits. Returns a function that runs
 * the same cleanup (at most once) on the normal path.
 */
export function onShutdown(cleanup) {
  let done;
  const run = () => (done ??= Promise.resolve().then(cleanup));
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.once(signal, () => {
      void run().finally(() => process.exit(130));
    });
  }
  return run;
}
