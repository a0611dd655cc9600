// Turns a folder of plain files into a git repository with a scripted history. A nested
// `.git` cannot be committed, so the demo and the test fixtures are kept as plain files and
// get their history here, deterministically (fixed authors and dates, so fixed hashes).
import { execFileSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';

/**
 * @typedef {{ name: string, email: string }} Person
 * @typedef {{ author: Person, date: string, message: string, paths?: string[] }} CommitPlan
 *   `paths`: repository-relative files or folders; omitted means "everything left".
 * @typedef {{ path: string, append: string, stage: boolean }} Change
 * @typedef {{ commits: CommitPlan[], changes?: Change[], user?: Person, branch?: string }} HistoryPlan
 *   `user`: the repository-local identity (who "I" am when the workspace is opened).
 */

// Only what the plan says: no global hooks, signing or templates from the machine.
const GIT_ENV = { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null', GIT_TERMINAL_PROMPT: '0' };

export function git(cwd, args, env = {}) {
  return execFileSync('git', args, { cwd, env: { ...GIT_ENV, ...env }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Every file below `dir`, as sorted repository-relative paths with forward slashes. */
export function listFiles(dir, prefix = '') {
  const files = [];
  for (const entry of readdirSync(path.join(dir, prefix), { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) files.push(...listFiles(dir, rel));
    else files.push(rel);
  }
  return files.sort();
}

const within = (file, paths) => paths.some((p) => file === p || file.startsWith(p.endsWith('/') ? p : `${p}/`));

/** Replaces `target` with a copy of `source` and builds the history that `plan` describes. */
export function createGitWorkspace(source, target, plan) {
  rmSync(target, { recursive: true, force: true });
  mkdirSync(path.dirname(target), { recursive: true });
  cpSync(source, target, { recursive: true });

  git(target, ['init', '--quiet', '--initial-branch', plan.branch ?? 'main']);
  if (plan.user) {
    git(target, ['config', 'user.name', plan.user.name]);
    git(target, ['config', 'user.email', plan.user.email]);
  }

  let remaining = listFiles(source);
  plan.commits.forEach((commit, index) => {
    const last = index === plan.commits.length - 1;
    // The last commit sweeps up whatever no earlier commit named, so a file added to the
    // source is never silently left out of the history.
    const files = last ? remaining : remaining.filter((f) => within(f, commit.paths ?? []));
    if (!commit.paths && !last) throw new Error(`commit "${commit.message}" needs paths (only the last may omit them)`);
    if (files.length === 0) throw new Error(`commit "${commit.message}" has no files`);
    remaining = remaining.filter((f) => !files.includes(f));
    git(target, ['add', '--', ...files]);
    commitAs(target, commit);
  });

  for (const change of plan.changes ?? []) {
    appendFileSync(path.join(target, change.path), change.append);
    if (change.stage) git(target, ['add', '--', change.path]);
  }
}

function commitAs(cwd, { author, date, message }) {
  const { name, email } = author;
  const env = { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date };
  git(cwd, ['-c', `user.name=${name}`, '-c', `user.email=${email}`, 'commit', '--quiet', '--no-verify', '-m', message], env);
}
