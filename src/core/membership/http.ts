// The little of HTTP the membership clients need, behind an interface: the CLI supplies the
// Node implementation (nodeHttpClient.ts), the editor may supply one that goes through its
// proxy settings, and tests can run the clients against a real server on 127.0.0.1.

export interface HttpRequest {
  /** Absolute `http:` or `https:` URL; GET is the only method the clients use. */
  url: string;
  headers: Readonly<Record<string, string>>;
  /** The whole exchange (connect, headers, body) must finish within this many milliseconds. */
  timeoutMs: number;
}

export interface HttpResponse {
  status: number;
  /** Lower-case names; repeated headers joined with ", ". */
  headers: Readonly<Record<string, string | undefined>>;
  body: string;
}

export interface HttpClient {
  /** Resolves for every HTTP status; rejects with an `HttpFailure` when no response came. */
  request(req: HttpRequest): Promise<HttpResponse>;
}

/** No response: the request timed out, or the connection could not be made or broke. */
export class HttpFailure extends Error {
  constructor(
    readonly kind: 'timeout' | 'offline',
    message: string,
  ) {
    super(message);
    this.name = 'HttpFailure';
  }
}
