// HttpClient on node:http / node:https. One deadline covers the whole exchange: a server that
// accepts the connection and then never answers (or trickles the body) must not hold up a
// commit hook or the editor, and a socket idle timeout alone would not catch the trickle.
import http = require('node:http');
import https = require('node:https');
import { HttpFailure, type HttpClient, type HttpRequest, type HttpResponse } from './http';

/** Membership answers are small; a larger body is a misbehaving server, not a big org. */
const MAX_BODY_BYTES = 8 * 1024 * 1024;

export const nodeHttpClient: HttpClient = { request: nodeRequest };

function nodeRequest(req: HttpRequest): Promise<HttpResponse> {
  return new Promise((resolve, reject) => {
    let url: URL;
    try {
      url = new URL(req.url);
    } catch {
      reject(new HttpFailure('offline', 'not a valid URL'));
      return;
    }
    const transport = url.protocol === 'https:' ? https : url.protocol === 'http:' ? http : undefined;
    if (!transport) {
      reject(new HttpFailure('offline', `unsupported protocol ${url.protocol}`));
      return;
    }
    let settled = false;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      fn();
    };
    // Connections are not pooled (no agent keep-alive): a CLI run must be free to exit.
    const request = transport.get(url, { headers: req.headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_BODY_BYTES) {
          request.destroy();
          finish(() => reject(new HttpFailure('offline', `response larger than ${MAX_BODY_BYTES} bytes`)));
          return;
        }
        chunks.push(chunk);
      });
      res.on('end', () =>
        finish(() => resolve({ status: res.statusCode ?? 0, headers: flattenHeaders(res.headers), body: Buffer.concat(chunks).toString('utf8') })),
      );
      res.on('error', (e) => finish(() => reject(new HttpFailure('offline', networkReason(e)))));
      res.on('aborted', () => finish(() => reject(new HttpFailure('offline', 'the connection closed mid-response'))));
    });
    const timer = setTimeout(() => {
      finish(() => reject(new HttpFailure('timeout', `no complete answer within ${req.timeoutMs} ms`)));
      request.destroy();
    }, req.timeoutMs);
    request.on('error', (e) => finish(() => reject(new HttpFailure('offline', networkReason(e)))));
  });
}

function flattenHeaders(headers: http.IncomingHttpHeaders): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(headers)) out[name] = Array.isArray(value) ? value.join(', ') : value;
  return out;
}

/** The error code (ECONNREFUSED, ENOTFOUND…) says what happened without echoing headers. */
function networkReason(e: Error): string {
  const code = (e as NodeJS.ErrnoException).code;
  return code ? `${code}` : e.message;
}
