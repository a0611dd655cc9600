// Reads the results file the suite writes (console text relayed through the browser differs
// between VS Code versions; the file does not) and prints the verdict.
import { existsSync, readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import path from 'node:path';
import { outDir, repoRoot } from './bundle.mjs';

const readResults = (file) => (existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined);

/** How many tests the results file records (0 without one). */
export function countTests(file) {
  const results = readResults(file);
  return results ? results.passed + results.failed : 0;
}

/**
 * Prints failures and `N passed, N failed`; returns true only if tests ran and all passed.
 * `allowNone`: a run where no test matched OWNERSHIP_LENS_IT_GREP passes too.
 */
export function reportResults(file, { exitCode, allowNone = false } = {}) {
  const results = readResults(file);
  if (!results) {
    console.error(`no results were written to ${file}: the suite did not run to the end.`);
    return false;
  }
  for (const test of results.tests) {
    const mark = test.state === 'passed' ? 'ok  ' : 'FAIL';
    console.log(`  ${mark} ${test.fullTitle} (${test.duration ?? 0} ms)`);
    for (const line of test.notes ?? []) console.log(`       ${line}`);
    if (test.state !== 'passed') console.log(`${indent(toSource(test.stack || test.error || 'no error recorded'))}\n`);
  }
  console.log(`${results.passed} passed, ${results.failed} failed`);
  if (results.passed + results.failed === 0 && !allowNone) console.error('no tests ran.');
  if (exitCode !== undefined && exitCode !== 0 && results.failed === 0) {
    console.error(`the workbench reported exit code ${exitCode} although no test failed.`);
    return false;
  }
  return results.failed === 0 && (results.passed > 0 || allowNone);
}

const indent = (text) => String(text).replace(/^/gm, '        ');

// The extension host replaces Node's stack formatting, so frames point into the bundles in
// out/integration/ (and out/integration/restricted/). Their inline source maps lead back to
// the .ts lines.
const maps = new Map();
function sourceMapOf(bundle) {
  if (!maps.has(bundle)) {
    const file = path.join(outDir, bundle);
    const match = existsSync(file) && /sourceMappingURL=data:application\/json;base64,(\S+)\s*$/.exec(readFileSync(file, 'utf8'));
    maps.set(bundle, match ? new SourceMap(JSON.parse(Buffer.from(match[1], 'base64').toString('utf8'))) : undefined);
  }
  return maps.get(bundle);
}

function toSource(stack) {
  return String(stack).replace(/[^\s(]*out\/integration\/((?:[\w.-]+\/)*[\w.-]+\.js):(\d+):(\d+)/g, (frame, bundle, line, column) => {
    const entry = sourceMapOf(bundle)?.findEntry(Number(line) - 1, Number(column) - 1);
    if (!entry?.originalSource) return frame;
    // Source paths in a map are relative to the bundle's own folder.
    const source = path.relative(repoRoot, path.resolve(outDir, path.dirname(bundle), entry.originalSource));
    return `${source}:${entry.originalLine + 1}:${entry.originalColumn + 1}`;
  });
}
