// What the extension host and the analysis worker (analysisWorker.ts) say to each other. The
// analysis of a CODEOWNERS against a large repository's files (listing them with git, laying
// them out, matching every pattern) takes hundreds of milliseconds: it runs in a worker thread
// so that the extension host, which every extension shares, is never held that long. Messages
// are plain data (structured clone). No vscode import.
import type { RuleStats } from '../../core/analysis';
import type { Diagnostic, Flavor, ParsedCodeowners } from '../../core/codeowners/types';
import type { OwnershipConfig } from '../../core/practices/types';

export type AnalysisRequest =
  /** Lists the repository's files (`git ls-files`, untracked but not ignored included); answers how many. */
  | { kind: 'list'; root: string; timeoutMs: number }
  /** Analyses one document's text against its repository's files (listed first). */
  | { kind: 'analyze'; root: string; doc: string; version: number; text: string; flavor: Flavor; byteLength: number }
  /** Examples and taking rules of one rule, from the document's last analysis (of `version`). */
  | { kind: 'details'; doc: string; version: number; rule: number; examples: number }
  /** The ownership report and map of a repository (what the `report --html` page is drawn from). */
  | { kind: 'report'; root: string; parsed: ParsedCodeowners; file: string | null; config: OwnershipConfig; hasMap: boolean }
  /** A document closed: its last analysis is not needed any more. */
  | { kind: 'forget'; doc: string };

export interface AnalysisSummary {
  /** Per rule index. */
  stats: RuleStats[];
  /** Fully shadowed rules and patterns matching no tracked file, in line order. */
  diagnostics: Diagnostic[];
  /** How many files the repository has. */
  files: number;
}

export interface RuleDetails {
  examples: string[];
  /** Rule indices into the same parse, most files first. */
  takers: Array<{ rule: number; files: number; exclusion: boolean }>;
}

export interface RequestMessage {
  id: number;
  request: AnalysisRequest;
}

export type ResponseMessage = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: string };
