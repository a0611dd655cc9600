// The analysis worker's state and answers (see analysisProtocol.ts): per repository its files
// and an OwnershipAnalyzer (which caches match sets by pattern, so re-analysing an edited file
// walks the tree only for changed patterns), per document its last analysis. Plain Node, no
// vscode and no worker_threads: unit-tested directly (test/unit/analysis-service.test.ts).
import { FileTree, OwnershipAnalyzer, type Analysis } from '../../core/analysis';
import { buildReport, type ReportParts } from '../../core/analysis/report';
import { parseCodeowners } from '../../core/codeowners/parse';
import type { AnalysisRequest, AnalysisSummary, RuleDetails } from './analysisProtocol';

export type ListFiles = (root: string, timeoutMs: number) => Promise<string[]>;

export class AnalysisService {
  private readonly analyzers = new Map<string, Promise<OwnershipAnalyzer>>();
  private readonly analyses = new Map<string, { version: number; analysis: Analysis }>();

  constructor(private readonly listFiles: ListFiles) {}

  async handle(request: AnalysisRequest): Promise<unknown> {
    switch (request.kind) {
      case 'list': {
        const listed = this.list(request.root, request.timeoutMs);
        this.analyzers.set(request.root, listed);
        // A failed listing is not kept: the next request tries again.
        listed.catch(() => this.analyzers.get(request.root) === listed && this.analyzers.delete(request.root));
        return (await listed).tree.size;
      }
      case 'analyze': {
        const analyzer = await this.analyzerOf(request.root);
        const parsed = parseCodeowners(request.text, { flavor: request.flavor, byteLength: request.byteLength });
        const analysis = analyzer.analyze(parsed);
        this.analyses.set(request.doc, { version: request.version, analysis });
        const summary: AnalysisSummary = { stats: [...analysis.stats], diagnostics: analysis.diagnostics, files: analyzer.tree.size };
        return summary;
      }
      case 'details': {
        const held = this.analyses.get(request.doc);
        if (!held || held.version !== request.version) return undefined;
        const { analysis } = held;
        const rule = analysis.parsed.rules[request.rule];
        if (!rule) return undefined;
        const details: RuleDetails = {
          examples: rule.exclusion ? analysis.matchedFiles(rule, request.examples) : analysis.wonFiles(rule, request.examples),
          takers: analysis.takers(rule).map((t) => ({ rule: t.rule.index, files: t.files, exclusion: t.exclusion })),
        };
        return details;
      }
      case 'report': {
        const analyzer = await this.analyzerOf(request.root);
        const { report, map } = buildReport(analyzer.analyze(request.parsed), request.file, request.config);
        if (!request.hasMap) report.flavor = null;
        const parts: ReportParts = { report, map };
        return parts;
      }
      case 'forget':
        this.analyses.delete(request.doc);
        return undefined;
    }
  }

  private analyzerOf(root: string): Promise<OwnershipAnalyzer> {
    return this.analyzers.get(root) ?? Promise.reject(new Error(`the files of ${root} are not listed`));
  }

  private async list(root: string, timeoutMs: number): Promise<OwnershipAnalyzer> {
    const files = await this.listFiles(root, timeoutMs);
    // A new list: analyses against the old one describe other files.
    return new OwnershipAnalyzer(FileTree.from(files));
  }
}
