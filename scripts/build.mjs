// Bundles the extension and the CLI with esbuild. Type checking is `npm run typecheck`.
import * as esbuild from 'esbuild';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

const production = process.argv.includes('--production');
// --outdir DIR: the bundles go there instead of dist/ (the extension bench builds the
// production bundles it measures into its own folder, leaving dist/ as it is).
const outIndex = process.argv.indexOf('--outdir');
const out = outIndex >= 0 ? process.argv[outIndex + 1] : 'dist';
if (out === undefined || out.startsWith('--')) {
  console.error('usage: node scripts/build.mjs [--production] [--outdir DIR]');
  process.exit(2);
}
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  legalComments: 'none',
  define: { __VERSION__: JSON.stringify(version) },
};

await Promise.all([
  // The extension: what activation loads, and beside it the bundles it requires at first use
  // (src/extension/lazy.ts): the YAML parser for ownership.yml and rubrics, simple-git, the map page.
  // Its first and last statements note when the bundle began and ended running its module code
  // (src/extension/activationTiming.ts).
  esbuild.build({ ...common, entryPoints: ['src/extension/extension.ts'], outfile: `${out}/extension.js`, external: ['vscode'], define: { ...common.define, __LAZY_BUNDLES__: 'true' }, banner: { js: '"use strict";var __ownershipLensBundleStart = performance.now();' }, footer: { js: 'var __ownershipLensBundleEnd = performance.now();' } }),
  esbuild.build({ ...common, entryPoints: ['src/extension/lazy/files.ts'], outfile: `${out}/files.js` }),
  esbuild.build({ ...common, entryPoints: ['src/git/gitClient.ts'], outfile: `${out}/git.js` }),
  esbuild.build({ ...common, entryPoints: ['src/extension/lazy/map.ts'], outfile: `${out}/map.js` }),
  // The CODEOWNERS analysis runs in a worker thread (src/extension/codeowners/analysisWorker.ts).
  esbuild.build({ ...common, entryPoints: ['src/extension/codeowners/analysisWorker.ts'], outfile: `${out}/analysisWorker.js` }),
  // The CLI: `who` (the engine alone) in cli.js, the other commands beside it in cli-commands.js,
  // required when one of them runs (src/cli/otherCommands.ts).
  esbuild.build({ ...common, entryPoints: ['src/cli/main.ts'], outfile: `${out}/cli.js`, define: { ...common.define, __CLI_COMMANDS_BUNDLE__: 'true' }, banner: { js: '#!/usr/bin/env node' } }),
  esbuild.build({ ...common, entryPoints: ['src/cli/otherCommands.ts'], outfile: `${out}/cli-commands.js` }),
  // The engine as a library: what the benchmarks (and other Node programs) import.
  esbuild.build({ ...common, entryPoints: ['src/core/index.ts'], outfile: `${out}/engine.js` }),
]);

// The bundled rubrics in their compiled form (src/core/rubric/compiledRubrics.ts), read now with
// the full loader so that the editor shows them without the YAML parser; an invalid bundled
// rubric fails the build here.
createRequire(import.meta.url)(path.resolve(out, 'files.js')).compileBundledRubrics(path.resolve(out), path.resolve('rubrics'));
