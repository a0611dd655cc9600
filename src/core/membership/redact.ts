// Tokens must never reach a message, a log line, the CLI's output or a cache file. Every text
// the membership code hands out passes through here: the tokens in use are replaced wherever
// they appear, and so is anything shaped like a GitHub or GitLab token or an Authorization
// value, in case a server or a library echoes one we were not told about.

export const REDACTED = '[redacted]';

/** Whole matches that are tokens by their shape. */
const TOKEN_SHAPES: readonly RegExp[] = [
  // GitHub: classic and OAuth/app/refresh tokens (ghp_, gho_, ghu_, ghs_, ghr_), fine-grained PATs.
  /\bgh[pousr]_[A-Za-z0-9]{20,}/g,
  /\bgithub_pat_[A-Za-z0-9_]{20,}/g,
  // GitLab: personal, OAuth, deploy, CI job tokens and the like (glpat-, gloas-, gldt-, glcbt-…).
  /\bgl[a-z]{2,6}-[A-Za-z0-9_-]{16,}/g,
];

/** A label kept for context (group 1), then the credential that follows it. */
const LABELLED: readonly RegExp[] = [
  // `PRIVATE-TOKEN: xyz`, `"authorization":"Bearer xyz"`, `access_token=xyz`: the scheme, if
  // any, goes with the credential (first, so the scheme rules below cannot split them).
  /\b((?:private-token|authorization|access_token|private_token)["']?\s*[:=]\s*["']?)(?:(?:Bearer|token|Basic)\s+)?[^\s"'&,}]+/gi,
  // `Bearer xyz`, `Basic xyz`: an Authorization value on its own.
  /\b(Bearer\s+|Basic\s+)[A-Za-z0-9._~+/=-]{8,}/gi,
  // GitHub's older `token xyz` scheme; 20+ characters, so that prose ("token expired") stays.
  /\b(token\s+)[A-Za-z0-9._~+/=-]{20,}/gi,
];

/**
 * `text` with each of `secrets` and every token-shaped string replaced by `[redacted]`.
 * Secrets shorter than 4 characters are ignored: replacing "a" everywhere would garble the
 * message and protect nothing.
 */
export function redact(text: string, secrets: readonly (string | undefined)[] = []): string {
  let out = text;
  for (const secret of secrets) {
    if (secret !== undefined && secret.length >= 4) out = out.split(secret).join(REDACTED);
  }
  for (const shape of TOKEN_SHAPES) out = out.replace(shape, REDACTED);
  for (const labelled of LABELLED) out = out.replace(labelled, (_match, label: string) => `${label}${REDACTED}`);
  return out;
}
