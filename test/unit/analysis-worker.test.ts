// The CODEOWNERS analysis as the editor gets it from its worker thread: the service's answers
// (src/extension/codeowners/analysisService.ts) equal the analyzer's own, and the worker bundle
// (dist/analysisWorker.js, when built) answers through a real worker thread.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { threadId } from 'node:worker_threads';
import { buildReport, FileTree, OwnershipAnalyzer } from '../../src/core/analysis';
import { parseCodeowners } from '../../src/core/codeowners/parse';
import { EMPTY_OWNERSHIP_CONFIG } from '../../src/core/practices/types';
import { AnalysisWorkerClient } from '../../src/extension/codeowners/analysisClient';
import type { AnalysisSummary, RuleDetails } from '../../src/extension/codeowners/analysisProtocol';
import { AnalysisService } from '../../src/extension/codeowners/analysisService';

const FILES = ['README.md', 'docs/guide.md', 'src/app.ts', 'src/legacy/old.ts', 'src/legacy/older.ts'];
const TEXT = ['*.md @acme/docs', '/src/legacy/ @acme/old', '/src/ @acme/core', '/nothing/ @acme/ghost'].join('\n');

describe('the CODEOWNERS analysis worker', () => {
  const listed = async () => FILES;

  it('answers what the analyzer answers: counts, diagnostics, examples, taking rules, the report', async () => {
    const service = new AnalysisService(listed);
    assert.equal(await service.handle({ kind: 'list', root: '/r', timeoutMs: 1000 }), FILES.length);
    const summary = (await service.handle({ kind: 'analyze', root: '/r', doc: 'd', version: 3, text: TEXT, flavor: 'github', byteLength: TEXT.length })) as AnalysisSummary;

    const parsed = parseCodeowners(TEXT, { flavor: 'github' });
    const direct = new OwnershipAnalyzer(FileTree.from(FILES)).analyze(parsed);
    assert.deepEqual(summary.stats, direct.stats);
    assert.deepEqual(summary.diagnostics, direct.diagnostics);
    assert.deepEqual(
      summary.diagnostics.map((d) => [d.code, d.line]),
      [
        ['shadowed-rule', 2],
        ['no-match', 4],
      ],
    );

    const details = (await service.handle({ kind: 'details', doc: 'd', version: 3, rule: 1, examples: 5 })) as RuleDetails;
    assert.deepEqual(details, { examples: [], takers: [{ rule: 2, files: 2, exclusion: false }] });
    assert.equal(await service.handle({ kind: 'details', doc: 'd', version: 4, rule: 1, examples: 5 }), undefined, 'another version: nothing');

    const report = await service.handle({ kind: 'report', root: '/r', parsed, file: '.github/CODEOWNERS', config: EMPTY_OWNERSHIP_CONFIG, hasMap: true });
    assert.deepEqual(report, buildReport(direct, '.github/CODEOWNERS', EMPTY_OWNERSHIP_CONFIG));
  });

  it('says when a repository is not listed, and tries the listing again after it failed', async () => {
    let calls = 0;
    const service = new AnalysisService(async () => {
      if (++calls === 1) throw new Error('not a git repository');
      return FILES;
    });
    const analyze = () => service.handle({ kind: 'analyze', root: '/r', doc: 'd', version: 1, text: TEXT, flavor: 'github', byteLength: TEXT.length });
    await assert.rejects(analyze(), /not listed/);
    await assert.rejects(service.handle({ kind: 'list', root: '/r', timeoutMs: 1000 }), /not a git repository/);
    await assert.rejects(analyze(), /not listed/);
    assert.equal(await service.handle({ kind: 'list', root: '/r', timeoutMs: 1000 }), FILES.length);
    assert.equal(((await analyze()) as AnalysisSummary).files, FILES.length);
  });

  const bundle = path.join(__dirname, '..', '..', 'dist', 'analysisWorker.js');
  (fs.existsSync(bundle) ? it : it.skip)('runs in a worker thread from the bundle, and stop() ends it and fails what waits', async () => {
    const client = new AnalysisWorkerClient(bundle);
    // This checkout is a git repository: the worker lists it with git itself.
    const root = path.join(__dirname, '..', '..');
    const files = await client.request<number>({ kind: 'list', root, timeoutMs: 20_000 });
    assert.ok(files > 50, `listed ${files} files`);
    assert.ok(client.running);
    assert.notEqual(client.lastThreadId, threadId, 'answered by another thread');
    const waiting = client.request({ kind: 'analyze', root, doc: 'd', version: 1, text: TEXT, flavor: 'github', byteLength: TEXT.length });
    client.stop();
    await assert.rejects(waiting, /stopped/);
    assert.equal(client.running, false);
  });
});
