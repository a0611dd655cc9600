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
  esbuild.build({ ...common, entryPoints: ['src/extension/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] }),
  // The CODEOWNERS analysis runs in a worker thread (src/extension/codeowners/analysisWorker.ts).
  esbuild.build({ ...common, entryPoints: ['src/extension/codeowners/analysisWorker.ts'], outfile: 'dist/analysisWorker.js' }),
  esbuild.build({ ...common, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } }),
  // The engine as a library: what the benchmarks (and other Node programs) import.
  esbuild.build({ ...common, entryPoints: ['src/core/index.ts'], outfile: 'dist/engine.js' }),
]);
