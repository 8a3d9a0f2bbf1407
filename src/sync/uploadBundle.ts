import type { Clock } from '../platform/clock';
import type { Http } from '../platform/http';
import { relayPaths } from '../protocol/relayPaths';
import type { UnsentBundle } from '../store/storeApi';
import { classifyUploadResponse } from './classifyUploadResponse';
import { parseRetryAfter } from './parseRetryAfter';
import type { UploadVerdict } from './uploadVerdict';

export interface UploadTarget {
  /** Relay origin, e.g. https://relay.example.org */
  readonly relay: string;
  readonly mailboxId: string;
  readonly uploadToken: string;
}

export interface UploadDeps {
  readonly http: Http;
  readonly clock: Clock;
  /** An upload that has not answered by then counts as a network failure (it may still have been stored). */
  readonly timeoutMs: number;
  /** Aborts the upload when the engine stops (lock). */
  readonly signal?: AbortSignal;
}

/** PUTs one bundle to one relay. Never throws for anything the network or the relay does. */
export async function uploadBundle(target: UploadTarget, bundle: UnsentBundle, deps: UploadDeps): Promise<UploadVerdict> {
  const controller = new AbortController();
  const abort = () => controller.abort();
  deps.signal?.addEventListener('abort', abort);
  const timer = deps.clock.setTimeout(abort, deps.timeoutMs);
  try {
    const response = await deps.http({
      url: `${target.relay}${relayPaths.bundle(target.mailboxId, bundle.id)}`,
      method: 'PUT',
      headers: { authorization: `Bearer ${target.uploadToken}`, 'content-type': 'application/octet-stream' },
      body: bundle.bytes,
      signal: controller.signal,
    });
    const body: unknown = await response.json().catch(() => undefined);
    return classifyUploadResponse({ status: response.status, body, retryAfterMs: parseRetryAfter(response.header('retry-after'), deps.clock.now()) });
  } catch {
    // fetch rejects only when no response arrived: offline, DNS, TLS, CORS, reset, our timeout or abort.
    return { kind: 'retry', reason: 'network', retryAfterMs: null };
  } finally {
    deps.clock.clearTimeout(timer);
    deps.signal?.removeEventListener('abort', abort);
  }
}
