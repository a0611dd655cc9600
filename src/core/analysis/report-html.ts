// The ownership report as one self-contained HTML page: figures, a treemap of ownership by
// directory, the owners, the top-level directories and the unowned files.
//
// Everything in it comes from the repository (paths, owners, team names) and is untrusted: text
// is HTML-escaped, the map travels as JSON in a data block with `<` escaped, and the script
// writes names with textContent. The page loads nothing: its Content Security Policy allows
// only its own inline style and script, by hash (or, inside a VS Code webview, by nonce).

import { createHash } from 'node:crypto';
import type { OwnershipMap } from './ownership-map';
import { PAGE_SCRIPT, PAGE_STYLE } from './report-page-assets';
import type { OwnershipReport } from './report';

export interface HtmlOptions {
  /** Inside a webview: the nonce for the inline style and script, and `webview.cspSource`. */
  webview?: { nonce: string; cspSource: string };
  /** Unowned files listed before "and N more". */
  maxUnownedListed?: number;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text for HTML content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/** JSON that cannot end its script element or start a comment, whatever the strings hold. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

const sha256 = (text: string): string => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

function csp(options: HtmlOptions): string {
  const base = "default-src 'none'; base-uri 'none'; form-action 'none'";
  if (options.webview) {
    const nonce = `'nonce-${options.webview.nonce}'`;
    return `${base}; style-src ${options.webview.cspSource} ${nonce}; script-src ${nonce}`;
  }
  return `${base}; style-src ${sha256(PAGE_STYLE)}; script-src ${sha256(PAGE_SCRIPT)}`;
}

const n = (x: number): string => x.toLocaleString('en-US');
const percent = (part: number, whole: number): string => (whole === 0 ? '—' : `${((100 * part) / whole).toFixed(1)}%`);

function ownersTable(report: OwnershipReport): string {
  if (report.owners.length === 0) return '<p class="note">No file has an owner.</p>';
  const total = report.files.total;
  const rows = report.owners.map(
    (o) =>
      `<tr><td class="path">${escapeHtml(o.owner)}</td><td>${o.name === undefined ? '' : escapeHtml(o.name)}</td><td class="num">${n(o.files)}</td><td class="num">${percent(o.files, total)}</td><td><meter min="0" max="${total}" value="${o.files}"></meter></td></tr>`,
  );
  return `<table><thead><tr><th>Owner</th><th>Name</th><th class="num">Files</th><th class="num">Share</th><th></th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function directoriesTable(report: OwnershipReport): string {
  if (report.directories.length === 0) return '<p class="note">No tracked files.</p>';
  const rows = report.directories.map(
    (d) =>
      `<tr><td class="path">${d.directory === '' ? '<em>(files at the root)</em>' : `${escapeHtml(d.directory)}/`}</td><td class="num">${n(d.files)}</td><td class="num">${n(d.owned)}</td><td class="num">${n(d.unowned)}</td><td class="num">${percent(d.owned, d.files)}</td><td><meter min="0" max="${d.files}" value="${d.owned}" low="${d.files * 0.8}" optimum="${d.files}"></meter></td></tr>`,
  );
  return `<table><thead><tr><th>Directory</th><th class="num">Files</th><th class="num">Owned</th><th class="num">Unowned</th><th class="num">Coverage</th><th></th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function unownedList(report: OwnershipReport, max: number): string {
  if (report.unowned.length === 0) return '<p class="note">Every tracked file has an owner.</p>';
  const items = report.unowned.slice(0, max).map((p) => `<li class="path">${escapeHtml(p)}</li>`);
  const more = report.unowned.length > max ? `<p class="note">… and ${n(report.unowned.length - max)} more (<code>ownership-lens report --json</code> lists them all).</p>` : '';
  return `<ul class="files">${items.join('')}</ul>${more}`;
}

/** The report page. `map` is drawn as the treemap; `report` fills the figures and tables. */
export function renderReportHtml(report: OwnershipReport, map: OwnershipMap, options: HtmlOptions = {}): string {
  const { files } = report;
  const rankIds = new Map(map.owners.map((o, id) => [o, id]));
  // Owners ranked by files, as ids into map.owners: the treemap colours the first ones.
  const rank = report.owners.map((o) => rankIds.get(o.owner)).filter((id): id is number => id !== undefined);
  const data = jsonForScript({ owners: map.owners, rank, root: map.root });
  const nonce = options.webview ? ` nonce="${escapeHtml(options.webview.nonce)}"` : '';
  const source = report.codeowners === null ? 'no CODEOWNERS file' : `${escapeHtml(report.codeowners)} (${escapeHtml(report.flavor ?? '')})`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp(options)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>Ownership report</title>
<style${nonce}>${PAGE_STYLE}</style>
</head>
<body>
<header><h1>Ownership</h1><div class="sub">from ${source}</div></header>
<section class="stats" aria-label="Summary">
<div class="stat"><b>${n(files.total)}</b>tracked files</div>
<div class="stat"><b>${percent(files.owned, files.total)}</b>${n(files.owned)} owned</div>
<div class="stat"><b>${n(files.unowned)}</b>unowned files</div>
<div class="stat"><b>${n(report.owners.length)}</b>owners</div>
</section>
<section aria-label="Map of ownership by directory">
<div class="toolbar"><nav id="crumbs" aria-label="Directory"></nav><label>Colour by <select id="mode"><option value="owner">main owner</option><option value="coverage">coverage</option></select></label></div>
<div id="treemap"></div>
<div id="legend"></div>
<noscript><p class="note">The map needs JavaScript; the tables below hold the same figures.</p></noscript>
<p class="note">Each rectangle is a directory, sized by its number of tracked files. Click one to look inside; hover for its owners.</p>
</section>
<h2>Owners by number of files</h2>
${ownersTable(report)}
<h2>Top-level directories</h2>
${directoriesTable(report)}
<h2>Unowned files (${n(files.unowned)})</h2>
${unownedList(report, options.maxUnownedListed ?? 1000)}
<script type="application/json" id="map-data">${data}</script>
<script${nonce}>${PAGE_SCRIPT}</script>
</body>
</html>
`;
}
