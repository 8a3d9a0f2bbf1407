import { putBundleResponseSchema, relayErrorBodySchema } from '../protocol/relayApi';
import type { UploadVerdict } from './uploadVerdict';

export interface UploadResponse {
  readonly status: number;
  /** The parsed JSON body, or undefined when there was none or it was not JSON. */
  readonly body: unknown;
  readonly retryAfterMs: number | null;
}

function errorCode(body: unknown): string | null {
  const parsed = relayErrorBodySchema.safeParse(body);
  return parsed.success ? parsed.data.error.code : null;
}

/** Every status a relay (or something pretending to be one) can answer a PUT with, handled on purpose. */
export function classifyUploadResponse({ status, body, retryAfterMs }: UploadResponse): UploadVerdict {
  if (status === 200 || status === 201) {
    // A captive portal or proxy answers 200 with a page of its own: only the relay's { seq } means stored.
    const parsed = putBundleResponseSchema.safeParse(body);
    return parsed.success ? { kind: 'stored', seq: parsed.data.seq } : { kind: 'retry', reason: 'network', retryAfterMs: null };
  }
  switch (status) {
    case 401:
    case 403:
      return { kind: 'refused', reason: 'unauthorised' };
    case 404:
      // Only the relay's own code says the mailbox is gone; a bare 404 is a wrong server or path for now.
      return errorCode(body) === 'unknown_mailbox'
        ? { kind: 'refused', reason: 'mailbox-gone' }
        : { kind: 'retry', reason: 'relay-unavailable', retryAfterMs };
    case 413:
      return { kind: 'bundle-refused', reason: 'too-large' };
    case 429:
      return { kind: 'retry', reason: 'rate-limited', retryAfterMs };
    case 507:
      return { kind: 'retry', reason: 'relay-full', retryAfterMs };
    case 408:
      return { kind: 'retry', reason: 'relay-unavailable', retryAfterMs };
  }
  if (status >= 500 && status <= 599) return { kind: 'retry', reason: 'relay-unavailable', retryAfterMs };
  // 400 (id mismatch, malformed), 409, 415, …: the same bytes will be refused again.
  if (status >= 400 && status <= 499) return { kind: 'bundle-refused', reason: 'rejected' };
  // 1xx, other 2xx, 3xx: not an answer the relay API gives, so nothing is known to be stored.
  return { kind: 'retry', reason: 'network', retryAfterMs: null };
}
