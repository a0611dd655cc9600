// A full collection between two parses must not throw away the engine's optimised code
// (src/core/hiddenClasses.ts): without the kept instances, V8 deoptimised the parser and the
// matcher after every collection ("reason: weak objects") and the next parse ran 3-4x slower.
// Checked on the bundle (dist/engine.js, built by `npm test` before the unit tests) in a child
// process under --trace-deopt: V8 says why it deoptimises, so nothing here is timed.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

const ENGINE = path.join(__dirname, '..', '..', 'dist', 'engine.js');

// Warms the parser and the matcher (both forms: match and the byte-level matchLines) on a
// 2,000-rule file (literal paths, globs, two owners), collects, and parses and compiles again.
const SCRIPT = `
const e = require(${JSON.stringify(ENGINE)});
const lines = ['* @org/all', '*.md @org/docs', 'Makefile @org/build'];
for (let i = 0; i < 2000; i++) lines.push(i % 3 === 0 ? '/services/s' + i + '/ @org/t' + (i % 40) : i % 3 === 1 ? '/packages/p' + i + '/src/**/*.test.ts @org/qa @x' + i + '@example.com' : '/apps/a' + i + '/*.json @org/t' + (i % 40));
const text = lines.join('\\n');
const batch = Buffer.from('services/s3/a/b.ts\\npackages/p4/src/x/y.test.ts\\napps/a5/c.json\\nREADME.md\\n');
const run = () => {
  const m = e.compileMatcher(e.parseCodeowners(text, { flavor: 'github' }));
  let n = m.match('services/s3/a/b.ts').owners.length + m.match('packages/p4/src/x/y.test.ts').owners.length;
  // Built outright: matchLines alone would not build the walker for so few paths.
  m.lineMatcher();
  m.matchLines(batch, (s, t, r) => { n += r.owners.length; });
  return n;
};
for (let i = 0; i < 40; i++) run();
console.log('--- collection');
gc();
for (let i = 0; i < 3; i++) run();
console.log('--- done');
`;

describe('engine: optimised code survives a full collection between parses', () => {
  it('no parser or matcher function is deoptimised for "weak objects" after the collection', function () {
    this.timeout(60_000);
    if (!fs.existsSync(ENGINE)) throw new Error('dist/engine.js is missing: run `npm run build` first (npm test does)');
    const r = spawnSync(process.execPath, ['--expose-gc', '--trace-deopt', '-e', SCRIPT], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    assert.equal(r.status, 0, r.stderr);
    const [before, after] = r.stdout.split('--- collection\n');
    assert.ok(after?.includes('--- done'), 'the script ran to its end');
    // The trace is on: warming up always deoptimises something, with its reason.
    assert.match(before, /reason: /, 'V8 traced its deoptimisations');
    const weak = after.split('\n').filter((l) => l.includes('reason: weak objects'));
    const names = weak.map((l) => /SharedFunctionInfo ([^>]*)>/.exec(l)?.[1] ?? l);
    assert.deepEqual(names, [], 'functions deoptimised because a hidden class was collected');
  });
});
