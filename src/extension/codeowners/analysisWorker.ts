// The analysis worker thread's entry (bundled to dist/analysisWorker.js by scripts/build.mjs):
// answers the extension host's requests (analysisProtocol.ts) one after the other.
import { parentPort } from 'node:worker_threads';
import { listTrackedFiles } from '../../git/gitClient';
import type { RequestMessage, ResponseMessage } from './analysisProtocol';
import { AnalysisService } from './analysisService';

const service = new AnalysisService((root, timeoutMs) => listTrackedFiles(root, { untracked: true, timeoutMs }));
const port = parentPort;
if (!port) throw new Error('analysisWorker.js runs as a worker thread');

port.on('message', (message: RequestMessage) => {
  service.handle(message.request).then(
    (value) => port.postMessage({ id: message.id, ok: true, value } satisfies ResponseMessage),
    (error: unknown) => port.postMessage({ id: message.id, ok: false, error: error instanceof Error ? error.message : String(error) } satisfies ResponseMessage),
  );
});
