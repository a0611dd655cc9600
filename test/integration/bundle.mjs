// Bundles the suite for the extension host: one CommonJS file per entry in out/integration/,
// `vscode` left to the host and mocha loaded from node_modules (it resolves its reporters
// at run time, which a bundle would break).
import { readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const here = path.dirname(fileURLToPath(import.meta.url));
export const repoRoot = path.resolve(here, '..', '..');
export const outDir = path.join(repoRoot, 'out', 'integration');
export const testsEntry = path.join(outDir, 'index.js');

export async function bundleSuite() {
  const suite = path.join(here, 'suite');
  const entryPoints = readdirSync(suite)
    .filter((f) => f === 'index.ts' || f.endsWith('.test.ts'))
    .map((f) => path.join(suite, f));
  rmSync(outDir, { recursive: true, force: true });
  await esbuild.build({
    entryPoints,
    outdir: outDir,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: 'inline', // stack traces in failures point at the .ts lines
    external: ['vscode', 'mocha'],
    logLevel: 'warning',
  });
  return testsEntry;
}
