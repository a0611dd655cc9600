// The lazy bundle `map` (dist/map.js, see ../lazy.ts): the ownership map page, for Show Ownership Map.
export { renderReportHtml } from '../../core/analysis/report-html';
