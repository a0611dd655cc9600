// One repository's ownership map: locate the governing CODEOWNERS, read it safely, parse it,
// compile it. The result answers lookups and carries every diagnostic with its file.

import * as nodePath from 'node:path';
import { nodeFileSystem, isInside, type FileSystem } from '../fs';
import { locateCodeowners } from './locate';
import { timeSlices, type Slicer } from '../slices';
import { compileMatcher, compileMatcherSliced, type OwnershipMatcher } from './matcher';
import { detectFlavor, parseCodeowners, parseCodeownersSliced } from './parse';
import type { Diagnostic, Flavor, FlavorSetting, OwnershipResult, ParsedCodeowners, Rule, RuleRef } from './types';

/** Files larger than this are not read at all (GitHub's own limit is 3 MB). */
export const MAX_READ_BYTES = 64 * 1024 * 1024;

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

export interface RepositoryOwnership {
  /** Absolute path of the repository root. */
  readonly root: string;
  /** The CODEOWNERS in use (relative to the root when inside it), or null: no map. */
  readonly file: string | null;
  readonly flavor: Flavor | null;
  readonly parsed: ParsedCodeowners | null;
  readonly diagnostics: FileDiagnostic[];
  match(path: string): OwnershipResult;
  ruleRef(rule: Rule): RuleRef;
}

const NO_MAP: OwnershipResult = Object.freeze({ owners: [], rule: null }) as OwnershipResult;

class Repository implements RepositoryOwnership {
  constructor(
    readonly root: string,
    readonly file: string | null,
    readonly parsed: ParsedCodeowners | null,
    readonly diagnostics: FileDiagnostic[],
    private readonly matcher: OwnershipMatcher | null = parsed ? compileMatcher(parsed) : null,
  ) {}

  get flavor(): Flavor | null {
    return this.parsed?.flavor ?? null;
  }

  match(path: string): OwnershipResult {
    return this.matcher ? this.matcher.match(path) : { ...NO_MAP, owners: [] };
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
  return new Repository(root, file, parsed, withFile(extra, parsed, file));
}

/** ownershipFromText in slices (see core/slices): for an editor, which must not hold its thread. */
export async function ownershipFromTextAsync(root: string, file: string, text: string, flavor: Flavor, extra: FileDiagnostic[] = [], slicer: Slicer = timeSlices()): Promise<RepositoryOwnership> {
  const parsed = await parseCodeownersSliced(text, { flavor }, slicer);
  return new Repository(root, file, parsed, withFile(extra, parsed, file), await compileMatcherSliced(parsed, slicer));
}

function withFile(extra: FileDiagnostic[], parsed: ParsedCodeowners, file: string): FileDiagnostic[] {
  return extra.concat(parsed.diagnostics.map((d) => ({ ...d, file })));
}

/** Locates, reads and compiles the CODEOWNERS of the repository at `root`. Never throws. */
export function loadRepositoryOwnership(root: string, options: RepositoryOptions = {}): RepositoryOwnership {
  const read = readRepository(root, options);
  if (read instanceof Repository) return read;
  const parsed = parseCodeowners(read.text, { flavor: read.flavor, byteLength: read.byteLength });
  return new Repository(read.root, read.file, parsed, withFile(read.diagnostics, parsed, read.file));
}

/** loadRepositoryOwnership in slices (see core/slices): for an editor, which must not hold its thread. */
export async function loadRepositoryOwnershipAsync(root: string, options: RepositoryOptions = {}, slicer: Slicer = timeSlices()): Promise<RepositoryOwnership> {
  const read = readRepository(root, options);
  if (read instanceof Repository) return read;
  const parsed = await parseCodeownersSliced(read.text, { flavor: read.flavor, byteLength: read.byteLength }, slicer);
  return new Repository(read.root, read.file, parsed, withFile(read.diagnostics, parsed, read.file), await compileMatcherSliced(parsed, slicer));
}

/** A CODEOWNERS read and ready to parse, or the final answer when there is none to parse. */
interface ReadCodeowners {
  root: string;
  file: string;
  text: string;
  flavor: Flavor;
  byteLength: number;
  diagnostics: FileDiagnostic[];
}

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
    implied = setting === 'auto' ? null : setting;
    const kind = fs.kind(abs);
    if (kind !== 'file') {
      problem(displayPath(absRoot, abs), kind === null ? 'not-found' : 'not-a-file', kind === null ? 'The configured CODEOWNERS file does not exist.' : 'The configured CODEOWNERS path is not a regular file.');
      return new Repository(absRoot, null, null, diagnostics);
    }
  } else {
    const { located, skipped } = locateCodeowners((rel) => fs.kind(nodePath.join(absRoot, rel)), setting);
    for (const s of skipped) problem(s.file, 'not-a-file', s.kind === 'directory' ? 'CODEOWNERS is a directory here, not a file; it is skipped.' : 'CODEOWNERS here cannot be read (a broken or looping link?); it is skipped.');
    if (!located) return new Repository(absRoot, null, null, diagnostics);
    abs = nodePath.join(absRoot, located.file);
    implied = located.flavor;
    // A link pointing out of the repository is not the repository's map: do not follow it.
    try {
      const real = fs.realpath(abs);
      if (!isInside(fs.realpath(absRoot), real)) {
        problem(located.file, 'outside-repository', 'CODEOWNERS is a link to a file outside the repository; it is not read.');
        return new Repository(absRoot, null, null, diagnostics);
      }
    } catch {
      problem(located.file, 'unreadable', 'CODEOWNERS cannot be resolved (a looping link?); it is not read.');
      return new Repository(absRoot, null, null, diagnostics);
    }
  }

  const file = displayPath(absRoot, abs);
  let buffer: Buffer;
  try {
    const size = fs.size(abs);
    if (size > MAX_READ_BYTES) {
      problem(file, 'file-too-large', `CODEOWNERS is ${(size / 1048576).toFixed(0)} MB; files over ${MAX_READ_BYTES / 1048576} MB are not read.`);
      return new Repository(absRoot, file, null, diagnostics);
    }
    buffer = fs.readFile(abs);
  } catch (e) {
    problem(file, 'unreadable', `CODEOWNERS cannot be read: ${(e as Error).message}`);
    return new Repository(absRoot, file, null, diagnostics);
  }
  const text = buffer.toString('utf8');
  const flavor = implied ?? (setting === 'auto' ? detectFlavor(text) : setting);
  return { root: absRoot, file, text, flavor, byteLength: buffer.length, diagnostics };
}
