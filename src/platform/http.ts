// Seam over fetch so sync can be driven against a fake relay in tests (DESIGN.md §3, platform).

export interface HttpRequest {
  readonly url: string;
  readonly method: 'GET' | 'PUT' | 'POST';
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: Uint8Array;
  /** Aborts the request (the caller's timeout); the promise then rejects. */
  readonly signal?: AbortSignal;
}

export interface HttpResponse {
  readonly status: number;
  /** A response header by case-insensitive name, or null. */
  header(name: string): string | null;
  /** The body parsed as JSON; rejects when it is not JSON. */
  json(): Promise<unknown>;
}

/** Resolves with any HTTP status; rejects only when no response arrived (network error, abort). */
export type Http = (request: HttpRequest) => Promise<HttpResponse>;

/** The real seam over the browser's fetch. No cookies or referrer go to a relay: it needs neither. */
export function createBrowserHttp(fetchFn: typeof fetch = globalThis.fetch.bind(globalThis)): Http {
  return async ({ url, method, headers, body, signal }) => {
    const init: RequestInit = { method, headers, credentials: 'omit', referrerPolicy: 'no-referrer', cache: 'no-store' };
    if (body !== undefined) init.body = body as Uint8Array<ArrayBuffer>;
    if (signal !== undefined) init.signal = signal;
    const response = await fetchFn(url, init);
    return {
      status: response.status,
      header: (name) => response.headers.get(name),
      json: () => response.json() as Promise<unknown>,
    };
  };
}
