// One repository's ownership map: locate the governing CODEOWNERS, read it safely, parse it,
// compile it. The result answers lookups and carries every diagnostic with its file.

import nodePath = require('node:path');
import { nodeFileSystem, isInside, readHead, resolvesInside, type FileSystem } from '../fs';
import { decodeUtf8 } from '../utf8';
import { flavorOfLocation, locateCodeowners } from './locate';
import { timeSlices, type Slicer } from '../slices';
import type { LineMatcher } from './line-matcher';
import { compileMatcher, compileMatcherSliced, type OwnershipMatcher } from './matcher';
import { detectFlavorEvidence, type FlavorEvidence } from './gitlab-header';
import { GITHUB_SIZE_LIMIT, GITLAB_READ_LIMIT, parseCodeowners, parseCodeownersSliced } from './parse';
import type { Diagnostic, Flavor, FlavorSetting, OwnershipResult, ParsedCodeowners, Rule, RuleRef } from './types';

/**
 * No host reads more of a CODEOWNERS than this (GitLab's 10 MiB; GitHub ignores a file over
 * 3 MB), so neither do we: of a larger file only this much is read, whatever its size.
 */
export const MAX_READ_BYTES = GITLAB_READ_LIMIT;

export interface RepositoryOptions {
  /** A CODEOWNERS path (absolute, or relative to the root) that overrides the search. */
  codeownersPath?: string;
  flavor?: FlavorSetting;
  fs?: FileSystem;
}

export interface FileDiagnostic extends Diagnostic {
  /** Path of the file the diagnostic is about, relative to the root when inside it. */
  file: string;
}

/**
 * How the flavor in use was chosen: named (a setting, --flavor, the caller), implied by the
 * file's place (.github/, .gitlab/, .bitbucket/), or read from the text of a root or docs/ file.
 */
export type FlavorChoice = { by: 'named' } | { by: 'location' } | ({ by: 'content' } & FlavorEvidence);

export interface RepositoryOwnership {
  /** Absolute path of the repository root. */
  readonly root: string;
  /** The CODEOWNERS in use (relative to the root when inside it), or null: no map. */
  readonly file: string | null;
  readonly flavor: Flavor | null;
  /** Why the flavor is what it is; null without a map. */
  readonly flavorChoice: FlavorChoice | null;
  readonly parsed: ParsedCodeowners | null;
  readonly diagnostics: FileDiagnostic[];
  match(path: string): OwnershipResult;
  /** The byte-level walker for a batch of `batchBytes` of paths (see OwnershipMatcher.lineMatcher); null without a map. */
  lineMatcher(batchBytes?: number): LineMatcher | null;
  /** The result for an id the walker returned. */
  resultOfId(id: number): OwnershipResult;
  ruleRef(rule: Rule): RuleRef;
}

const NO_MAP: OwnershipResult = Object.freeze({ owners: [], rule: null }) as OwnershipResult;

class Repository implements RepositoryOwnership {
  constructor(
    readonly root: string,
    readonly file: string | null,
    readonly parsed: ParsedCodeowners | null,
    readonly diagnostics: FileDiagnostic[],
    readonly flavorChoice: FlavorChoice | null = null,
    private readonly matcher: OwnershipMatcher | null = parsed ? compileMatcher(parsed) : null,
  ) {}

  get flavor(): Flavor | null {
    return this.parsed?.flavor ?? null;
  }

  match(path: string): OwnershipResult {
    return this.matcher ? this.matcher.match(path) : { ...NO_MAP, owners: [] };
  }

  lineMatcher(batchBytes?: number): LineMatcher | null {
    return this.matcher ? this.matcher.lineMatcher(batchBytes) : null;
  }

  resultOfId(id: number): OwnershipResult {
    return this.matcher ? this.matcher.resultOfId(id) : { ...NO_MAP, owners: [] };
  }

  ruleRef(rule: Rule): RuleRef {
    return { file: this.file ?? '', line: rule.line, pattern: rule.pattern };
  }
}

function displayPath(root: string, abs: string): string {
  return isInside(root, abs) ? nodePath.relative(root, abs).split(nodePath.sep).join('/') : abs;
}

/** Builds a repository map from text the caller already has (e.g. an unsaved editor buffer). */
export function ownershipFromText(root: string, file: string, text: string, flavor: Flavor, extra: FileDiagnostic[] = []): RepositoryOwnership {
  const parsed = parseCodeowners(text, { flavor });
  return new Repository(root, file, parsed, withFile(extra, parsed, file), NAMED);
}

/** ownershipFromText in slices (see core/slices): for an editor, which must not hold its thread. */
export async function ownershipFromTextAsync(root: string, file: string, text: string, flavor: Flavor, extra: FileDiagnostic[] = [], slicer: Slicer = timeSlices()): Promise<RepositoryOwnership> {
  const parsed = await parseCodeownersSliced(text, { flavor }, slicer);
  return new Repository(root, file, parsed, withFile(extra, parsed, file), NAMED, await compileMatcherSliced(parsed, slicer));
}

function withFile(extra: FileDiagnostic[], parsed: ParsedCodeowners, file: string): FileDiagnostic[] {
  return extra.concat(parsed.diagnostics.map((d) => ({ ...d, file })));
}

/** Locates, reads and compiles the CODEOWNERS of the repository at `root`. Never throws. */
export function loadRepositoryOwnership(root: string, options: RepositoryOptions = {}): RepositoryOwnership {
  const read = readRepository(root, options);
  if (read instanceof Repository) return read;
  const parsed = parseCodeowners(read.text, { flavor: read.flavor, byteLength: read.byteLength });
  return new Repository(read.root, read.file, parsed, withFile(read.diagnostics, parsed, read.file), read.flavorChoice);
}

/** loadRepositoryOwnership in slices (see core/slices): for an editor, which must not hold its thread. */
export async function loadRepositoryOwnershipAsync(root: string, options: RepositoryOptions = {}, slicer: Slicer = timeSlices()): Promise<RepositoryOwnership> {
  const read = readRepository(root, options);
  if (read instanceof Repository) return read;
  const parsed = await parseCodeownersSliced(read.text, { flavor: read.flavor, byteLength: read.byteLength }, slicer);
  return new Repository(read.root, read.file, parsed, withFile(read.diagnostics, parsed, read.file), read.flavorChoice, await compileMatcherSliced(parsed, slicer));
}

/**
 * The CODEOWNERS the search finds at `root` (what the hosts read, whatever a setting names),
 * with the flavor it is read with; null when there is none to read.
 */
export function searchedCodeowners(root: string, options: Omit<RepositoryOptions, 'codeownersPath'> = {}): { file: string; flavor: Flavor } | null {
  const read = readRepository(root, { flavor: options.flavor, fs: options.fs });
  return read instanceof Repository ? null : { file: read.file, flavor: read.flavor };
}

/** A CODEOWNERS read and ready to parse, or the final answer when there is none to parse. */
interface ReadCodeowners {
  root: string;
  file: string;
  text: string;
  flavor: Flavor;
  flavorChoice: FlavorChoice;
  byteLength: number;
  diagnostics: FileDiagnostic[];
}

const NAMED: FlavorChoice = Object.freeze({ by: 'named' });
const LOCATION: FlavorChoice = Object.freeze({ by: 'location' });

function readRepository(root: string, options: RepositoryOptions): ReadCodeowners | Repository {
  const fs = options.fs ?? nodeFileSystem;
  const absRoot = nodePath.resolve(root);
  const setting = options.flavor ?? 'auto';
  const diagnostics: FileDiagnostic[] = [];
  const problem = (file: string, code: string, message: string): void => {
    diagnostics.push({ file, line: 1, column: 1, severity: 'error', code, message });
  };

  let abs: string;
  let implied: Flavor | null;
  if (options.codeownersPath) {
    abs = nodePath.resolve(absRoot, options.codeownersPath);
    // Naming the file the search would find must not change how it is read.
    implied = setting === 'auto' ? flavorOfLocation(displayPath(absRoot, abs)) : setting;
    const kind = fs.kind(abs);
    if (kind !== 'file') {
      problem(displayPath(absRoot, abs), kind === null ? 'not-found' : 'not-a-file', kind === null ? 'The configured CODEOWNERS file does not exist.' : 'The configured CODEOWNERS path is not a regular file.');
      return new Repository(absRoot, null, null, diagnostics);
    }
  } else {
    const { located, skipped } = locateCodeowners((rel) => fs.kind(nodePath.join(absRoot, rel)), setting);
    for (const s of skipped) problem(s.file, 'not-a-file', s.kind === 'directory' ? 'CODEOWNERS is a directory here, not a file; it is skipped.' : 'CODEOWNERS here is no regular file, or cannot be read (a broken or looping link?); it is skipped.');
    if (!located) return new Repository(absRoot, null, null, diagnostics);
    abs = nodePath.join(absRoot, located.file);
    implied = located.flavor;
    // A link pointing out of the repository is not the repository's map: do not follow it.
    const inside = resolvesInside(absRoot, abs, fs);
    if (inside !== true) {
      if (inside === false) problem(located.file, 'outside-repository', 'CODEOWNERS is a link to a file outside the repository; it is not read.');
      else problem(located.file, 'unreadable', 'CODEOWNERS cannot be resolved (a looping link?); it is not read.');
      return new Repository(absRoot, null, null, diagnostics);
    }
  }

  const file = displayPath(absRoot, abs);
  let buffer: Buffer;
  let size: number;
  try {
    size = fs.size(abs);
    // The parser refuses a GitHub or Bitbucket file over 3 MB from its size alone: when the
    // flavor is known, such a file is not read at all.
    if (implied !== null && implied !== 'gitlab' && size > GITHUB_SIZE_LIMIT) return { root: absRoot, file, text: '', ...chooseFlavor(setting, implied, ''), byteLength: size, diagnostics };
    buffer = size > MAX_READ_BYTES ? wholeLines(readHead(fs, abs, MAX_READ_BYTES)) : fs.readFile(abs);
  } catch (e) {
    problem(file, 'unreadable', `CODEOWNERS cannot be read: ${(e as Error).message}`);
    return new Repository(absRoot, file, null, diagnostics);
  }
  const { text, invalid } = decodeUtf8(buffer);
  if (invalid) diagnostics.push({ ...invalid, file });
  // The parser is told the file's real size, so that it applies the host's size rule.
  return { root: absRoot, file, text, ...chooseFlavor(setting, implied, text), byteLength: Math.max(size, buffer.length), diagnostics };
}

/** The flavor to read a file with, and why; `implied` is null only under auto, at a place GitHub and GitLab share. */
function chooseFlavor(setting: FlavorSetting, implied: Flavor | null, text: string): { flavor: Flavor; flavorChoice: FlavorChoice } {
  if (implied !== null) return { flavor: implied, flavorChoice: setting === 'auto' ? LOCATION : NAMED };
  const evidence = detectFlavorEvidence(text);
  return { flavor: evidence.flavor, flavorChoice: { by: 'content', ...evidence } };
}

/** `head` up to its last newline, so that the cut splits no character (nor line). */
function wholeLines(head: Buffer): Buffer {
  return head.subarray(0, head.lastIndexOf(0x0a) + 1);
}
