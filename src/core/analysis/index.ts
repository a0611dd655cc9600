// CODEOWNERS analysis against the tracked files: per-rule match and win counts, shadowed and
// dead rules, unknown owners, coverage, and the ownership report (data, and an HTML page).
export { FileTree, DirNode } from './file-tree';
export { OwnershipAnalyzer, Analysis, type RuleStats, type Taker } from './analyzer';
export { unknownOwnerDiagnostics } from './owners-check';
export { coverage, fileOwners, type Coverage, type DirectoryCoverage, type FileOwners, type OwnerCoverage } from './coverage';
export { ownershipMap, type MapNode, type MapOptions, type OwnershipMap } from './ownership-map';
export { buildReport, type OwnershipReport, type ReportParts } from './report';
export { renderReportHtml, escapeHtml, type HtmlOptions } from './report-html';
