// The injection corpus (issue 8) as a real repository: a CODEOWNERS with valid owners but
// hostile paths, an ownership.yml and a custom rubric whose every free-text field carries
// HTML, script, event-handler, Markdown-link, ANSI and bidirectional-override payloads, and
// staged changes to the hostile team's files so that the pre-commit reminder names them.
// test/e2e/injection.mjs opens it in the browser and asserts all of it stays text.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createGitWorkspace } from '../../scripts/vscode/gitWorkspace.mjs';

// Every payload that runs sets this; the suite reads it in the page and in every frame.
export const CANARY = '__pwned';
const run = `window.${CANARY}=1`;

/** One entry per technique. Link labels start with `corpus-` so a link made of one is easy to find. */
export const CORPUS = {
  html: '<b class="corpus">corpus-bold</b><i id="corpus-italic">it</i>',
  script: `<script>${run}</script>`,
  img: `<img src=x onerror="${run}">`,
  svg: `<svg onload="${run}"><circle r="9"></circle></svg>`,
  iframe: `<iframe src="data:text/html,<script>parent.${run}</script>"></iframe>`,
  object: `<object data="data:text/html,<script>${run}</script>"></object>`,
  mdJavascript: `[corpus-click](javascript:${run})`,
  mdCommand: '[corpus-run](command:workbench.action.quit)',
  // In a browser quitting may do nothing; a reload shows.
  mdReload: '[corpus-reload](command:workbench.action.reloadWindow)',
  mdData: `[corpus-data](data:text/html,<script>${run}</script>)`,
  mdImage: '![corpus-pixel](https://example.invalid/pixel.png)',
  rawLink: `<a href="javascript:${run}">corpus-raw-link</a>`,
  icon: '$(bug) corpus-icon',
  ansi: '\u001b[31mcorpus-red\u001b[0m',
  bidi: 'corpus-\u202Eevil\u202C \u2066iso\u2069 \u2067rtl\u2069 \u2068first\u2069 \u200F',
};

// What must never become an element, an attribute value that loads or runs something, or a
// link: every payload above carries at least one of these.
export const MARKERS = [CANARY, 'workbench.action.', 'example.invalid/pixel', 'text/html', 'corpus-'];

const all = Object.values(CORPUS);
const TEAM = '@acme/hostile';
// A team whose links are javascript:, command: and data: URLs: the schema rejects the entry
// (links must be http(s) or mailto), so nothing of it may show anywhere.
const LINKS_TEAM = '@acme/links';

export const HOSTILE_TEAM_NAME = `Hostile ${CORPUS.img} ${CORPUS.mdCommand} ${CORPUS.mdReload} ${CORPUS.bidi}`;

// Directory and file names: anything but `/` and NUL is legal on Linux.
export const IMG_DIR = `hostile/<img src=x onerror="${run}">`;
/** The file the suite opens: in the `<img …>` directory, itself named like a command link. */
export const TARGET_FILE = `${IMG_DIR}/${CORPUS.mdCommand}.ts`;
/** `hostile/<script>…</script>`: a directory `<script>…<` holding a file `script>`. */
export const SCRIPT_PATH = `hostile/<script>${run}</script>`;
export const ANSI_FILE = `hostile/${CORPUS.ansi}.txt`;
export const BIDI_FILE = 'hostile/invoice\u202Efdp.ts';
export const LINK_FILE = `hostile/${CORPUS.mdJavascript}.md`;

// CODEOWNERS escapes spaces with a backslash; `[`, `]` and `!` are not allowed in patterns.
const pattern = (p) => p.replaceAll(' ', '\\ ');

const q = JSON.stringify; // JSON strings are YAML double-quoted scalars, escapes included

function ownershipYml() {
  const list = (items, indent) => items.map((s) => `${indent}- ${q(s)}`).join('\n');
  return `# The injection corpus in every free-text field.
version: 1
teams:
  ${q(TEAM)}:
    name: ${q(HOSTILE_TEAM_NAME)}
    description: ${q(`${CORPUS.script} ${CORPUS.html} ${CORPUS.rawLink} ${CORPUS.svg}`)}
    contact: ${q(`${CORPUS.mdJavascript} ${CORPUS.ansi} ${CORPUS.mdData} ${CORPUS.icon}`)}
    links:
      ${q(CORPUS.img)}: ${q(`https://example.invalid/"><img/src=x/onerror=${run}>`)}
      ${q(CORPUS.mdCommand)}: ${q(`https://example.invalid/)${CORPUS.mdJavascript}`)}
    practices:
${list(all, '      ')}
  ${q(LINKS_TEAM)}:
    name: ${q(`Links ${CORPUS.rawLink}`)}
    links:
      script: "javascript:alert(1)"
      quit: "command:workbench.action.quit"
      page: ${q(`data:text/html,<script>${run}</script>`)}
components:
  - name: ${q(`Component ${CORPUS.svg} ${CORPUS.bidi}`)}
    paths: ["hostile/**"]
    practices:
${list([CORPUS.iframe, CORPUS.object, CORPUS.mdImage], '      ')}
etiquette:
${list(all, '  ')}
`;
}

function rubricYaml() {
  const list = (items, indent) => items.map((s) => `${indent}- ${q(s)}`).join('\n');
  return `# A custom rubric (ownershipLens.rubric) with the corpus in its texts.
id: hostile-corpus
title: ${q(`Rubric ${CORPUS.img} ${CORPUS.bidi}`)}
level: ${q(`Level ${CORPUS.ansi} ${CORPUS.mdCommand}`)}
oneLiner: ${q(`One liner ${CORPUS.script}`)}
intro: ${q(`Intro ${CORPUS.html}`)}
advice:
  mine: ${q(`Mine ${CORPUS.mdJavascript}`)}
  upstream: ${q(`Upstream advice ${CORPUS.mdCommand} ${CORPUS.img}`)}
  unowned: ${q(`Unowned ${CORPUS.rawLink}`)}
  no-map: ${q(`No map ${CORPUS.svg}`)}
  commit: ${q(`Commit ${CORPUS.mdData} ${CORPUS.bidi}`)}
expectations:
  - id: hostile-title
    title: ${q(`Expectation ${CORPUS.img} ${CORPUS.mdCommand}`)}
    text: ${q(`Text ${CORPUS.script} ${CORPUS.rawLink} ${CORPUS.ansi}`)}
    ask:
${list([CORPUS.mdJavascript, CORPUS.bidi, CORPUS.mdImage], '      ')}
    situations: [upstream, commit]
  - id: hostile-second
    title: ${q(`Second ${CORPUS.svg} ${CORPUS.bidi}`)}
    text: ${q(`Second text ${CORPUS.iframe} ${CORPUS.icon}`)}
    situations: [upstream, mine]
examples:
  - id: hostile-example
    title: ${q(`Example ${CORPUS.object}`)}
    text: ${q(`Example text ${CORPUS.mdData} ${CORPUS.html}`)}
    kind: cautionary
    illustrates: [hostile-title]
    situations: [upstream]
etiquette:
${list([CORPUS.img, CORPUS.mdCommand], '  ')}
trap:
  title: ${q(`Trap ${CORPUS.rawLink}`)}
  text: ${q(`Trap text ${CORPUS.ansi} ${CORPUS.bidi}`)}
`;
}

function codeowners() {
  return `# Valid owners; hostile paths.
*                                   @acme/platform
/hostile/                           ${TEAM} ${LINKS_TEAM}
${pattern(`/${IMG_DIR}/`)}    ${TEAM}
${pattern(`/${SCRIPT_PATH}`)}    ${TEAM}
${pattern(`/${BIDI_FILE}`)}    ${TEAM}
`;
}

// The opened file names hostile paths in strings, for the hover.
const targetSource = `// corpus target: hover the paths below
import '../../${SCRIPT_PATH}';
export const bidi = '../../${BIDI_FILE}';
`;

/**
 * Writes the hostile repository into `target` (replacing it): three commits, then changes to
 * three of the hostile team's files staged, as someone outside that team.
 */
export function createHostileWorkspace(target) {
  const source = mkdtempSync(path.join(os.tmpdir(), 'ownership-lens-hostile-src-'));
  const write = (rel, text) => {
    const file = path.join(source, ...rel.split('/'));
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
  };
  write('.github/CODEOWNERS', codeowners());
  write('.github/ownership.yml', ownershipYml());
  write('.github/hostile-rubric.yaml', rubricYaml());
  write('.vscode/settings.json', `${JSON.stringify({ 'ownershipLens.rubric': '.github/hostile-rubric.yaml' }, null, 2)}\n`);
  write('README.md', '# A repository whose ownership data is hostile\n');
  write(TARGET_FILE, targetSource);
  write(SCRIPT_PATH, 'script\n');
  write(ANSI_FILE, 'ansi\n');
  write(BIDI_FILE, 'export const bidi = 1;\n');
  write(LINK_FILE, '# link\n');
  const person = { name: 'Dev Outside', email: 'dev@example.invalid' };
  try {
    createGitWorkspace(source, target, {
      user: person,
      commits: [
        { author: person, date: '2025-04-01T09:00:00Z', message: 'Ownership data', paths: ['.github', '.vscode', 'README.md'] },
        { author: person, date: '2025-04-02T09:00:00Z', message: 'Hostile files' },
      ],
      changes: [SCRIPT_PATH, ANSI_FILE, BIDI_FILE].map((p) => ({ path: p, append: 'changed\n', stage: true })),
    });
  } finally {
    rmSync(source, { recursive: true, force: true });
  }
  return target;
}
