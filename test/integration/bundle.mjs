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
/** The Restricted Mode suite (test/integration/restricted/), run by the same index in its own folder. */
export const restrictedEntry = path.join(outDir, 'restricted', 'index.js');

/** Bundles both suites; returns the main suite's entry (the restricted one is `restrictedEntry`). */
export async function bundleSuite() {
  const suite = path.join(here, 'suite');
  const restricted = path.join(here, 'restricted');
  // The index runs every *.test.js beside it, so each suite gets its own copy of it.
  const entries = (dir, prefix) =>
    readdirSync(dir)
      .filter((f) => f.endsWith('.test.ts'))
      .map((f) => ({ in: path.join(dir, f), out: `${prefix}${f.replace(/\.ts$/, '')}` }));
  const entryPoints = [
    { in: path.join(suite, 'index.ts'), out: 'index' },
    ...entries(suite, ''),
    { in: path.join(suite, 'index.ts'), out: 'restricted/index' },
    ...entries(restricted, 'restricted/'),
  ];
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
