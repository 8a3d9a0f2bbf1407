import type { Http, HttpRequest, HttpResponse } from './http';

/** What a fake handler answers: a response, or 'network-error' for a request that never got one. */
export type FakeHttpAnswer = { readonly status: number; readonly headers?: Readonly<Record<string, string>>; readonly body?: unknown } | 'network-error';

export interface FakeHttp {
  readonly http: Http;
  /** Every request made, in order. */
  readonly requests: () => readonly HttpRequest[];
}

/** Test double for Http: each request goes to `handler`; 'network-error' rejects like fetch does (TypeError). */
export function createFakeHttp(handler: (request: HttpRequest) => FakeHttpAnswer | Promise<FakeHttpAnswer>): FakeHttp {
  const seen: HttpRequest[] = [];
  const http: Http = async (request) => {
    seen.push(request);
    if (request.signal?.aborted) throw new DOMException('The request was aborted', 'AbortError');
    const answer = await handler(request);
    if (answer === 'network-error') throw new TypeError('Failed to fetch');
    const headers = new Map(Object.entries(answer.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
    const response: HttpResponse = {
      status: answer.status,
      header: (name) => headers.get(name.toLowerCase()) ?? null,
      json: () => (answer.body === undefined ? Promise.reject(new SyntaxError('no JSON body')) : Promise.resolve(answer.body)),
    };
    return response;
  };
  return { http, requests: () => seen };
}
