// The static parts of the ownership page: its stylesheet and the script that draws the map.
// Neither contains anything from the repository: the script reads the map from a JSON data
// block and writes every name with textContent, never as markup. Both are plain strings (not
// functions turned into text) so that what the page's Content Security Policy hashes is
// exactly what ships.

export const PAGE_STYLE = `
:root { color-scheme: light dark; --bg: #ffffff; --fg: #1f2328; --muted: #59636e; --line: #d1d9e0; --card: #f6f8fa; --unowned: #c4314b; }
@media (prefers-color-scheme: dark) { :root { --bg: #0d1117; --fg: #e6edf3; --muted: #9198a1; --line: #3d444d; --card: #151b23; --unowned: #e5534b; } }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 1240px; padding: 24px; background: var(--bg); color: var(--fg); font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
h1 { font-size: 22px; margin: 0 0 2px; }
h2 { font-size: 16px; margin: 28px 0 8px; }
.sub, .note { color: var(--muted); }
.stats { display: flex; flex-wrap: wrap; gap: 12px; margin: 16px 0; }
.stat { background: var(--card); border: 1px solid var(--line); border-radius: 6px; padding: 10px 14px; min-width: 150px; }
.stat b { display: block; font-size: 22px; }
.toolbar { display: flex; justify-content: space-between; align-items: center; gap: 12px; margin-bottom: 6px; flex-wrap: wrap; }
#crumbs button { background: none; border: 0; color: inherit; font: inherit; cursor: pointer; padding: 0 2px; text-decoration: underline; }
#crumbs button:last-child { text-decoration: none; font-weight: 600; cursor: default; }
#treemap { position: relative; width: 100%; height: 540px; border: 1px solid var(--line); border-radius: 4px; overflow: hidden; background: var(--card); }
.cell { position: absolute; overflow: hidden; border: 1px solid var(--bg); color: #fff; }
.cell.inner { border-color: rgba(255, 255, 255, 0.45); }
.cell.zoomable { cursor: zoom-in; }
.cell:focus-visible { outline: 3px solid var(--fg); outline-offset: -3px; }
.cell.unowned { background-image: repeating-linear-gradient(45deg, transparent 0 6px, rgba(255, 255, 255, 0.22) 6px 12px); }
.cell.other, #legend i.other { background-image: radial-gradient(rgba(255, 255, 255, 0.4) 1.2px, transparent 1.6px); background-size: 7px 7px; }
#legend i.other { background-color: #768390; }
.label { padding: 2px 5px; font-size: 12px; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; text-shadow: 0 1px 2px rgba(0, 0, 0, 0.7); pointer-events: none; }
.label small { opacity: 0.9; }
#legend { display: flex; flex-wrap: wrap; gap: 6px 16px; margin: 8px 0 0; font-size: 12px; }
#legend span { display: inline-flex; align-items: center; gap: 6px; }
#legend i { display: inline-block; width: 12px; height: 12px; border-radius: 2px; }
#legend i.unowned { background-color: var(--unowned); background-image: repeating-linear-gradient(45deg, transparent 0 3px, rgba(255, 255, 255, 0.35) 3px 6px); }
#legend i.gradient { width: 120px; background: linear-gradient(90deg, hsl(0, 65%, 45%), hsl(60, 65%, 42%), hsl(120, 50%, 36%)); }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: 4px 10px 4px 0; border-bottom: 1px solid var(--line); vertical-align: middle; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
meter { width: 140px; }
.path { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 12.5px; overflow-wrap: anywhere; }
ul.files { columns: 2 360px; padding-left: 18px; }
`;

export const PAGE_SCRIPT = `
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('map-data').textContent);
  var box = document.getElementById('treemap');
  var crumbs = document.getElementById('crumbs');
  var legend = document.getElementById('legend');
  var mode = document.getElementById('mode');
  if (!box || !data.root || data.root.files === 0) return;
  // Strong, distinct hues for the owners of the most files (the legend); muted hues spread by
  // the golden angle for the others, so that neighbours owned by different teams still differ.
  var PALETTE = ['#4269d0', '#efb118', '#3ca951', '#ff725c', '#6cc5b0', '#a463f2', '#ff8ab7', '#9c6b4e', '#97bbf5', '#0f766e', '#b45309', '#6d28d9'];
  var OTHER = '#768390';
  var UNOWNED = getComputedStyle(document.documentElement).getPropertyValue('--unowned').trim() || '#c4314b';
  var colourOf = {};
  data.rank.slice(0, PALETTE.length).forEach(function (id, k) { colourOf[id] = PALETTE[k]; });
  var trail = [data.root];

  function pct(part, whole) { return whole === 0 ? 0 : Math.round((1000 * part) / whole) / 10; }
  function n(x) { return x.toLocaleString('en-US'); }
  function main(node) {
    var top = node.owners[0];
    return !top || node.unowned >= top[1] ? -1 : top[0];
  }
  function colour(node) {
    if (mode.value === 'coverage') {
      var share = node.files === 0 ? 0 : 1 - node.unowned / node.files;
      return 'hsl(' + Math.round(120 * share) + ', ' + (65 - 15 * share) + '%, ' + (45 - 9 * share) + '%)';
    }
    var owner = main(node);
    if (owner < 0) return UNOWNED;
    return colourOf[owner] || 'hsl(' + Math.round((owner * 137.508) % 360) + ', 28%, 52%)';
  }
  function tip(node, title) {
    var lines = [title || (node.path || '(repository root)') + '/', n(node.files) + ' files, ' + pct(node.files - node.unowned, node.files) + '% owned'];
    node.owners.forEach(function (o) { lines.push(data.owners[o[0]] + ': ' + n(o[1]) + ' files'); });
    if (node.unowned > 0) lines.push('unowned: ' + n(node.unowned) + ' files');
    return lines.join('\\n');
  }

  // Squarified treemap (Bruls, Huizing, van Wijk): rows of near-square rectangles.
  function squarify(items, x, y, w, h) {
    var out = [];
    var total = 0;
    items.forEach(function (it) { total += it.value; });
    if (total <= 0 || w < 1 || h < 1) return out;
    var scale = (w * h) / total;
    var rest = items.map(function (it) { return { it: it, area: it.value * scale }; });
    while (rest.length > 0) {
      var side = Math.min(w, h);
      var row = [];
      var rowArea = 0;
      var worst = Infinity;
      var k = 0;
      while (k < rest.length) {
        var a = rest[k].area;
        var sum = rowArea + a;
        var biggest = row.length > 0 ? row[0].area : a;
        var ratio = Math.max((side * side * biggest) / (sum * sum), (sum * sum) / (side * side * a));
        if (row.length > 0 && ratio > worst) break;
        row.push(rest[k]);
        rowArea = sum;
        worst = ratio;
        k++;
      }
      rest = rest.slice(k);
      var thick = rowArea / side;
      var off = 0;
      row.forEach(function (r) {
        var len = r.area / thick;
        out.push(w >= h ? { it: r.it, x: x, y: y + off, w: thick, h: len } : { it: r.it, x: x + off, y: y, w: len, h: thick });
        off += len;
      });
      if (w >= h) { x += thick; w -= thick; } else { y += thick; h -= thick; }
    }
    return out;
  }

  function place(el, r) {
    el.style.left = Math.round(r.x) + 'px';
    el.style.top = Math.round(r.y) + 'px';
    el.style.width = Math.max(0, Math.round(r.x + r.w) - Math.round(r.x)) + 'px';
    el.style.height = Math.max(0, Math.round(r.y + r.h) - Math.round(r.y)) + 'px';
  }
  function label(el, text, detail) {
    var l = document.createElement('div');
    l.className = 'label';
    l.textContent = text;
    if (detail) {
      var s = document.createElement('small');
      s.textContent = ' ' + detail;
      l.appendChild(s);
    }
    el.appendChild(l);
  }

  // Draws a directory's subdirectories (and the rest of its files) into parent.
  function level(parent, node, x, y, w, h, depth) {
    var items = node.children.map(function (c) { return { node: c, value: c.files }; });
    var shown = 0;
    items.forEach(function (it) { shown += it.value; });
    if (node.rest && node.rest.files > 0) items.push({ node: null, value: node.rest.files });
    items.sort(function (a, b) { return b.value - a.value; });
    squarify(items, x, y, w, h).forEach(function (r) {
      var cell = document.createElement('div');
      cell.className = depth === 0 ? 'cell' : 'cell inner';
      place(cell, r);
      var c = r.it.node;
      if (c === null) {
        // The directory's own files and those of subdirectories too small to draw.
        cell.className += ' other';
        cell.style.backgroundColor = colour(node.rest);
        if (mode.value === 'owner' && main(node.rest) < 0) cell.className += ' unowned';
        cell.title = tip(node.rest, 'files directly in ' + (node.path ? node.path + '/' : 'the root') + ' or in small folders');
        if (depth === 0 && r.w > 70 && r.h > 18) label(cell, 'other files', n(r.it.value));
      } else {
        cell.style.backgroundColor = colour(c);
        if (mode.value === 'owner' && main(c) < 0) cell.className += ' unowned';
        cell.title = tip(c);
        if (r.w > 46 && r.h > 16) label(cell, c.name + '/', depth === 0 ? n(c.files) + ' · ' + pct(c.files - c.unowned, c.files) + '%' : '');
        if (c.children.length > 0) {
          cell.className += ' zoomable';
          cell.tabIndex = 0;
          cell.setAttribute('role', 'button');
          cell.addEventListener('click', function (e) { e.stopPropagation(); zoom(c); });
          cell.addEventListener('keydown', function (e) { if (e.key === 'Enter') zoom(c); });
          if (depth === 0 && r.w > 90 && r.h > 70) level(cell, c, 2, 20, r.w - 6, r.h - 24, 1);
        }
      }
      parent.appendChild(cell);
    });
  }

  function zoom(node) {
    var at = trail.indexOf(node);
    if (at >= 0) trail = trail.slice(0, at + 1);
    else {
      // A node is reached from the one on screen: rebuild the trail down to it.
      var path = [];
      for (var p = node; p; p = parentOf.get(p.path)) path.unshift(p);
      trail = path;
    }
    render();
  }
  // A Map, not an object: directory names such as __proto__ must stay plain keys.
  var parentOf = new Map();
  (function index(node) { node.children.forEach(function (c) { parentOf.set(c.path, node); index(c); }); })(data.root);

  function render() {
    var width = box.clientWidth || 960;
    var height = box.clientHeight || 540;
    box.textContent = '';
    level(box, trail[trail.length - 1], 0, 0, width, height, 0);
    crumbs.textContent = '';
    trail.forEach(function (node, k) {
      if (k > 0) crumbs.appendChild(document.createTextNode(' / '));
      var b = document.createElement('button');
      b.type = 'button';
      b.textContent = k === 0 ? 'repository' : node.name;
      b.addEventListener('click', function () { zoom(node); });
      crumbs.appendChild(b);
    });
    legend.textContent = '';
    function chip(cls, colour, text) {
      var s = document.createElement('span');
      var i = document.createElement('i');
      if (cls) i.className = cls;
      if (colour) i.style.backgroundColor = colour;
      s.appendChild(i);
      s.appendChild(document.createTextNode(text));
      legend.appendChild(s);
    }
    if (mode.value === 'coverage') {
      chip('gradient', '', 'share of files owned: 0% → 100%');
    } else {
      data.rank.slice(0, PALETTE.length).forEach(function (id) { chip('', colourOf[id], data.owners[id]); });
      if (data.rank.length > PALETTE.length) chip('', OTHER, 'other owners (muted colours; hover for names)');
      chip('unowned', '', 'mostly unowned');
    }
    chip('other', '', 'files directly in the folder or in small subfolders');
  }
  mode.addEventListener('change', render);
  window.addEventListener('resize', render);
  render();
})();
`;
