// The hook file itself: a POSIX sh script (git runs hooks with sh everywhere, Git for Windows
// included) that runs `ownership-lens precommit` with Node, then hands over to the hook that
// was there before. It never depends on the editor: the CLI's path is written into it.
//
// The second line carries a checksum of the whole file, so that we can tell our own untouched
// file (which we may replace or delete) from one a person has edited since (which we leave).
import { createHash } from 'node:crypto';
import { LEFTHOOK_FINGERPRINT, type ChainStyle, type HookLayout } from './location';

export interface HookConfig {
  /** Absolute path of the bundled CLI (dist/cli.js), run with Node. */
  cli: string;
  /** An absolute Node executable for when `node` is not on PATH (git GUIs often have a short PATH). */
  node?: string;
  /** Stop commits that stage upstream or unowned files, and fail closed. */
  strict: boolean;
  /** More `precommit` arguments (`--me`, `--rubric`), as given. */
  args: string[];
}

export interface HookMeta extends HookConfig {
  version: 1;
  layout: HookLayout;
  chainStyle: ChainStyle;
  /** File name (same directory) of the hook that was there before and now runs after ours. */
  chained: string | null;
  /** How many directories, from the hook's own upwards, the install created (removal deletes them if empty). */
  createdDirs: number;
}

const CHECKSUM_LINE = /^# Managed by ownership-lens \(sha256:([0-9a-f]{64})\)/;
const META_PREFIX = '# ownership-lens-hook ';
const ZEROS = '0'.repeat(64);

export function hookScript(meta: HookMeta): string {
  const body = template(meta);
  return body.replace(ZEROS, sha256(body));
}

/** Our hook's metadata, and whether the file is exactly as we wrote it; null when not ours. */
export function readHookScript(text: string): { meta: HookMeta; intact: boolean } | null {
  const lines = text.split('\n');
  const sum = CHECKSUM_LINE.exec(lines[1] ?? '');
  if (!sum || !(lines[2] ?? '').startsWith(META_PREFIX)) return null;
  let meta: HookMeta;
  try {
    meta = JSON.parse(lines[2].slice(META_PREFIX.length)) as HookMeta;
  } catch {
    return null;
  }
  if (meta.version !== 1) return null;
  const intact = sha256(text.replace(sum[1], ZEROS)) === sum[1];
  return { meta, intact };
}

/** A word for sh: single-quoted, with quotes inside closed, escaped and reopened. */
export function shellQuote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

function template(meta: HookMeta): string {
  const args = ['precommit', ...(meta.strict ? ['--strict'] : []), ...meta.args].map(shellQuote).join(' ');
  const lines = [
    '#!/bin/sh',
    `# Managed by ownership-lens (sha256:${ZEROS}). \`ownership-lens hook remove\` puts back what was here.`,
    META_PREFIX + JSON.stringify(meta),
    '#',
    '# Before you commit: who owns what you staged, and what they ask of contributors.',
    meta.strict
      ? '# Strict: stops commits that stage upstream or unowned files, and when it cannot check.'
      : '# Fails open: a missing Node or CLI, or a crash, never stops the commit.',
    `ol_cli=${shellQuote(meta.cli)}`,
    `ol_node=${shellQuote(meta.node ?? '')}`,
    `ol_strict=${meta.strict ? 1 : 0}`,
    '',
    'ol_fail() {',
    '\techo "ownership-lens: $1" >&2',
    '\tif [ "$ol_strict" = 1 ]; then',
    '\t\techo "ownership-lens: the reminder is strict, so the commit stops here (git commit --no-verify skips it once)" >&2',
    '\t\texit 1',
    '\tfi',
    '}',
    '',
    'if command -v node >/dev/null 2>&1; then',
    '\tol_run=node',
    'elif [ -n "$ol_node" ] && [ -x "$ol_node" ]; then',
    '\tol_run=$ol_node',
    'else',
    '\tol_run=',
    'fi',
    'if [ -z "$ol_run" ]; then',
    '\tol_fail "Node.js is not on PATH, so there are no ownership reminders for this commit"',
    'elif [ ! -f "$ol_cli" ]; then',
    '\tol_fail "$ol_cli is gone (extension updated or removed?): install the pre-commit reminder again"',
    'else',
    '\tol_status=0',
    `\t"$ol_run" "$ol_cli" ${args} || ol_status=$?`,
    '\tif [ "$ol_status" != 0 ]; then',
    '\t\tif [ "$ol_strict" = 1 ]; then ol_fail "precommit --strict exited with $ol_status"; fi',
    '\t\tol_fail "the reminder failed (exit $ol_status); committing anyway"',
    '\tfi',
    'fi',
    ...chainLines(meta),
    'exit 0',
    '',
  ];
  const text = lines.join('\n');
  // lefthook deletes any hook file containing its fingerprint when it reinstalls.
  if (text.includes(LEFTHOOK_FINGERPRINT)) throw new Error(`the hook would contain ${LEFTHOOK_FINGERPRINT}, which lefthook takes for its own`);
  return text;
}

/** Hands over to the hook that was there before, exactly as its runner would have run it. */
function chainLines(meta: HookMeta): string[] {
  if (meta.chained === null) return [];
  const chained = `"$(dirname -- "$0")"/${shellQuote(meta.chained)}`;
  if (meta.chainStyle === 'sh') {
    return ['', `ol_chained=${chained}`, 'if [ -f "$ol_chained" ]; then exec sh -e "$ol_chained" "$@"; fi'];
  }
  // git runs a hook only when it is executable (and ignores it otherwise): so do we.
  return ['', `ol_chained=${chained}`, 'if [ -x "$ol_chained" ]; then exec "$ol_chained" "$@"; fi'];
}
