// The extension host's side of the analysis worker (see analysisProtocol.ts): starts the
// worker thread on the first request, matches answers to requests, and ends it on `stop()`
// (the extension does when no CODEOWNERS is open, which frees every file list it held).
// No vscode import.
import nodePath = require('node:path');
import { Worker } from 'node:worker_threads';
import type { AnalysisRequest, RequestMessage, ResponseMessage } from './analysisProtocol';

interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
}

export class AnalysisWorkerClient {
  private worker: Worker | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  /** Requests answered by a worker thread so far (the integration tests read it). */
  answered = 0;
  /** The thread id of the worker that answered last. */
  lastThreadId: number | undefined;

  /** `script`: the bundled worker, next to the extension's bundle by default. */
  constructor(private readonly script = nodePath.join(__dirname, 'analysisWorker.js')) {}

  get running(): boolean {
    return this.worker !== undefined;
  }

  request<T>(request: AnalysisRequest): Promise<T> {
    const worker = this.start();
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      worker.postMessage({ id, request } satisfies RequestMessage);
    });
  }

  /** Ends the worker and everything it holds; requests still waiting are rejected. */
  stop(): void {
    const worker = this.worker;
    this.worker = undefined;
    if (!worker) return;
    this.failAll(new Error('the analysis worker was stopped'));
    void worker.terminate();
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.script);
    // The worker must not keep the extension host alive on its own.
    worker.unref();
    worker.on('message', (message: ResponseMessage) => {
      const p = this.pending.get(message.id);
      if (!p) return;
      this.pending.delete(message.id);
      this.answered++;
      this.lastThreadId = worker.threadId;
      if (message.ok) p.resolve(message.value);
      else p.reject(new Error(message.error));
    });
    const gone = (error: Error) => {
      if (this.worker !== worker) return;
      this.worker = undefined;
      this.failAll(error);
    };
    worker.on('error', gone);
    worker.on('exit', (code) => gone(new Error(`the analysis worker exited (${code})`)));
    this.worker = worker;
    return worker;
  }

  private failAll(error: Error): void {
    const waiting = [...this.pending.values()];
    this.pending.clear();
    for (const p of waiting) p.reject(error);
  }
}
