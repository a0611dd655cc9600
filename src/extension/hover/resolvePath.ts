// Which real file or folder a path candidate names. Tried relative to the document, then to
// its workspace folder, then to its repository root (a CODEOWNERS pattern: the root only),
// and only answers for paths inside a workspace folder. No vscode: the caller supplies the
// file system and what "inside the workspace" means.
import nodePath = require('node:path');
import type { EntryKind, FileSystem } from '../../core/fs';
import type { PathCandidate } from './pathCandidates';

export interface ResolveContext {
  fs: Pick<FileSystem, 'kind'>;
  /** Absolute directory of the document. */
  documentDir: string;
  /** Absolute root of the document's workspace folder, if it is in one. */
  folderRoot?: string;
  /** Absolute root of the document's repository, if it is in one. */
  repositoryRoot?: string;
  /** The document is a CODEOWNERS file: patterns are relative to the repository root. */
  codeowners: boolean;
  /** The document is JavaScript or TypeScript: module specifiers omit extensions. */
  moduleLanguage: boolean;
  /** Whether an absolute path lies inside one of the workspace folders. */
  inWorkspace(absPath: string): boolean;
}

export interface ResolvedPath {
  absPath: string;
  kind: 'file' | 'directory';
  candidate: PathCandidate;
}

/** At most this many file-system probes per hover, whatever the line holds. */
export const MAX_PROBES = 32;

const MODULE_SUFFIXES = ['.ts', '.tsx', '.d.ts', '.js', '.jsx', '.mjs', '.cjs', '.mts', '.cts', '/index.ts', '/index.tsx', '/index.js', '/index.jsx'];
const MODULE_LANGUAGES = new Set(['javascript', 'javascriptreact', 'typescript', 'typescriptreact', 'vue', 'svelte', 'astro']);

export function isModuleLanguage(languageId: string): boolean {
  return MODULE_LANGUAGES.has(languageId);
}

/** The first candidate that names a real file or folder in the workspace. */
export function resolvePathCandidates(candidates: readonly PathCandidate[], ctx: ResolveContext): ResolvedPath | undefined {
  let probes = 0;
  const probe = (abs: string): EntryKind | null => {
    probes++;
    return ctx.fs.kind(abs);
  };
  for (const candidate of candidates) {
    for (const base of basesFor(candidate.path, ctx)) {
      const abs = stripSlash(base === null ? nodePath.normalize(candidate.path) : nodePath.join(base, candidate.path));
      // `..` may climb out of the workspace: such a path is not ours to describe.
      if (!ctx.inWorkspace(abs) || isInsideGitDir(abs)) continue;
      // A module specifier may leave out the extension or `/index`; a folder is the last resort.
      const suffixes = ctx.moduleLanguage && candidate.kind === 'quoted' ? ['', ...MODULE_SUFFIXES] : [''];
      let folder = false;
      for (const suffix of suffixes) {
        if (probes >= MAX_PROBES) return undefined;
        const kind = probe(abs + suffix);
        if (kind === 'file') return { absPath: abs + suffix, kind, candidate };
        if (kind === 'directory' && suffix === '') folder = true;
      }
      if (folder) return { absPath: abs, kind: 'directory', candidate };
    }
  }
  return undefined;
}

/** Directories to resolve `p` against, in order; null: `p` itself, as an absolute path. */
function basesFor(p: string, ctx: ResolveContext): Array<string | null> {
  const roots = [ctx.repositoryRoot, ctx.folderRoot].filter((r): r is string => r !== undefined);
  let bases: Array<string | null>;
  if (p.startsWith('/')) {
    // In a link or a CODEOWNERS pattern a leading slash means the repository root; in code it
    // may be an absolute path that happens to be in the workspace.
    bases = ctx.codeowners ? roots : [...roots, null];
  } else if (p.startsWith('./') || p.startsWith('../')) {
    bases = ctx.codeowners ? roots : [ctx.documentDir];
  } else {
    bases = ctx.codeowners ? roots : [ctx.documentDir, ctx.folderRoot, ctx.repositoryRoot].filter((r): r is string => r !== undefined);
  }
  return [...new Set(bases)];
}

function isInsideGitDir(abs: string): boolean {
  return abs.split(/[\\/]/).includes('.git');
}

function stripSlash(p: string): string {
  return p.length > 1 && (p.endsWith('/') || p.endsWith(nodePath.sep)) ? p.slice(0, -1) : p;
}
