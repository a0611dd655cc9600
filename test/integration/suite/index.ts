// The extension-test entry (same contract as @vscode/test-electron): VS Code loads this file
// in the extension host and awaits run(). It runs every *.test.js bundled beside it and
// writes the results to the file named by OWNERSHIP_LENS_TEST_RESULTS for the runner.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';
import { notesOf } from './notes';

interface TestResult {
  fullTitle: string;
  state: 'passed' | 'failed';
  duration?: number;
  error?: string;
  stack?: string;
  /** Lines the test asked to be printed with its result (see notes.ts). */
  notes?: string[];
}

export async function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60_000, reporter: 'spec' });
  // OWNERSHIP_LENS_IT_GREP runs only the tests whose full title matches (while working on one).
  if (process.env.OWNERSHIP_LENS_IT_GREP) mocha.grep(process.env.OWNERSHIP_LENS_IT_GREP);
  for (const file of fs.readdirSync(__dirname).filter((f) => f.endsWith('.test.js')).sort()) {
    mocha.addFile(path.join(__dirname, file));
  }

  const tests: TestResult[] = [];
  const failures = await new Promise<number>((resolve) => {
    const runner = mocha.run(resolve);
    runner.on('pass', (test) => tests.push({ fullTitle: test.fullTitle(), state: 'passed', duration: test.duration, notes: notesOf(test) }));
    // Also fires for failing hooks, which must count as failures too.
    runner.on('fail', (test, error: Error) =>
      tests.push({ fullTitle: test.fullTitle(), state: 'failed', duration: test.duration, error: error.message, stack: error.stack }),
    );
  });

  const passed = tests.filter((t) => t.state === 'passed').length;
  const failed = tests.length - passed;
  const resultsFile = process.env.OWNERSHIP_LENS_TEST_RESULTS;
  if (resultsFile) fs.writeFileSync(resultsFile, JSON.stringify({ passed, failed, tests }, null, 2));
  console.log(`${passed} passed, ${failed} failed`);
  if (failures > 0 || failed > 0) throw new Error(`${failed} integration test(s) failed`);
}
