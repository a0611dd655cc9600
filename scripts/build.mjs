// Bundles the extension and the CLI with esbuild. Type checking is `npm run typecheck`.
import * as esbuild from 'esbuild';
import { readFileSync } from 'node:fs';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

const production = process.argv.includes('--production');
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
  esbuild.build({ ...common, entryPoints: ['src/extension/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'], define: { ...common.define, __LAZY_BUNDLES__: 'true' } }),
  esbuild.build({ ...common, entryPoints: ['src/extension/lazy/files.ts'], outfile: 'dist/files.js' }),
  esbuild.build({ ...common, entryPoints: ['src/git/gitClient.ts'], outfile: 'dist/git.js' }),
  esbuild.build({ ...common, entryPoints: ['src/extension/lazy/map.ts'], outfile: 'dist/map.js' }),
  // The CODEOWNERS analysis runs in a worker thread (src/extension/codeowners/analysisWorker.ts).
  esbuild.build({ ...common, entryPoints: ['src/extension/codeowners/analysisWorker.ts'], outfile: 'dist/analysisWorker.js' }),
  esbuild.build({ ...common, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } }),
  // The engine as a library: what the benchmarks (and other Node programs) import.
  esbuild.build({ ...common, entryPoints: ['src/core/index.ts'], outfile: 'dist/engine.js' }),
]);
