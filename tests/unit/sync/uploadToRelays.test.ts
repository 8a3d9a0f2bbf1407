import { describe, expect, it } from 'vitest';
import { contentId } from '../../../src/crypto/sha256';
import { createFakeClock } from '../../../src/platform/fakeClock';
import { createFakeHttp } from '../../../src/platform/fakeHttp';
import type { FakeHttpAnswer } from '../../../src/platform/fakeHttp';
import type { UnsentBundle } from '../../../src/store/storeApi';
import { uploadBundle } from '../../../src/sync/uploadBundle';
import { uploadToRelays } from '../../../src/sync/uploadToRelays';
import { createFakeRelay, MAILBOX_ID, RELAY_A, RELAY_B, UPLOAD_TOKEN } from './syncTestKit';

const bytes = new Uint8Array([0x44, 0x41, 0x4c, 0x41, 1, 2, 3]);
const bundle: UnsentBundle = { firstCounter: 1, lastCounter: 1, id: contentId(bytes), bytes };
const targets = { relays: [RELAY_A], mailboxId: MAILBOX_ID, uploadToken: UPLOAD_TOKEN };
const NOW = Date.UTC(2025, 2, 1, 14);

function answering(answer: FakeHttpAnswer) {
  const fake = createFakeHttp(() => answer);
  return { fake, deps: { http: fake.http, clock: createFakeClock(NOW), timeoutMs: 60_000 } };
}

const relayError = (status: number, code: string, headers: Record<string, string> = {}): FakeHttpAnswer => ({ status, headers, body: { error: { code, message: 'x' } } });

describe('uploadBundle: every relay answer handled on purpose', () => {
  it('PUTs the exact bytes to the bundle path with the upload token', async () => {
    const { fake, deps } = answering({ status: 201, body: { seq: 3 } });
    expect(await uploadBundle({ relay: RELAY_A, mailboxId: MAILBOX_ID, uploadToken: UPLOAD_TOKEN }, bundle, deps)).toEqual({ kind: 'stored', seq: 3 });
    const [request] = fake.requests();
    expect(request?.method).toBe('PUT');
    expect(request?.url).toBe(`${RELAY_A}/v1/mailboxes/${MAILBOX_ID}/bundles/${bundle.id}`);
    expect(request?.headers).toEqual({ authorization: `Bearer ${UPLOAD_TOKEN}`, 'content-type': 'application/octet-stream' });
    expect(request?.body).toEqual(bytes);
  });

  it.each<[string, FakeHttpAnswer, unknown]>([
    ['201 stored', { status: 201, body: { seq: 7 } }, { kind: 'stored', seq: 7 }],
    ['200 already stored (same bytes)', { status: 200, body: { seq: 7 } }, { kind: 'stored', seq: 7 }],
    ['200 without a seq (a captive portal page)', { status: 200, body: undefined }, { kind: 'retry', reason: 'network', retryAfterMs: null }],
    ['401 no token', relayError(401, 'unauthorized'), { kind: 'refused', reason: 'unauthorised' }],
    ['403 wrong token', relayError(403, 'forbidden'), { kind: 'refused', reason: 'unauthorised' }],
    ['404 unknown mailbox', relayError(404, 'unknown_mailbox'), { kind: 'refused', reason: 'mailbox-gone' }],
    ['404 from something else', { status: 404 }, { kind: 'retry', reason: 'relay-unavailable', retryAfterMs: null }],
    ['413 too large', relayError(413, 'payload_too_large'), { kind: 'bundle-refused', reason: 'too-large' }],
    ['400 id mismatch', relayError(400, 'id_mismatch'), { kind: 'bundle-refused', reason: 'rejected' }],
    ['409 conflict', relayError(409, 'conflict'), { kind: 'bundle-refused', reason: 'rejected' }],
    ['429 with Retry-After', relayError(429, 'rate_limited', { 'Retry-After': '30' }), { kind: 'retry', reason: 'rate-limited', retryAfterMs: 30_000 }],
    ['429 without Retry-After', relayError(429, 'rate_limited'), { kind: 'retry', reason: 'rate-limited', retryAfterMs: null }],
    ['503 with an HTTP-date', { status: 503, headers: { 'retry-after': 'Sat, 01 Mar 2025 14:01:00 GMT' } }, { kind: 'retry', reason: 'relay-unavailable', retryAfterMs: 60_000 }],
    ['500', relayError(500, 'internal_error'), { kind: 'retry', reason: 'relay-unavailable', retryAfterMs: null }],
    ['507 disk full', relayError(507, 'storage_full', { 'retry-after': '600' }), { kind: 'retry', reason: 'relay-full', retryAfterMs: 600_000 }],
    ['408 timeout', relayError(408, 'request_timeout'), { kind: 'retry', reason: 'relay-unavailable', retryAfterMs: null }],
    ['302 redirect', { status: 302 }, { kind: 'retry', reason: 'network', retryAfterMs: null }],
    ['no answer', 'network-error', { kind: 'retry', reason: 'network', retryAfterMs: null }],
  ])('%s', async (_name, answer, verdict) => {
    const { deps } = answering(answer);
    expect(await uploadBundle({ relay: RELAY_A, mailboxId: MAILBOX_ID, uploadToken: UPLOAD_TOKEN }, bundle, deps)).toEqual(verdict);
  });

  it('gives up on an upload that does not answer within the timeout (a network failure)', async () => {
    const clock = createFakeClock(NOW);
    let started = () => {};
    const requestSeen = new Promise<void>((resolve) => (started = resolve));
    const http = createFakeHttp(
      (request) =>
        new Promise<FakeHttpAnswer>((_resolve, reject) => {
          request.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
          started();
        }),
    );
    const pending = uploadBundle({ relay: RELAY_A, mailboxId: MAILBOX_ID, uploadToken: UPLOAD_TOKEN }, bundle, { http: http.http, clock, timeoutMs: 60_000 });
    await requestSeen;
    clock.advance(59_999);
    expect(clock.pendingTimers()).toBe(1);
    clock.advance(1);
    expect(await pending).toEqual({ kind: 'retry', reason: 'network', retryAfterMs: null });
    expect(clock.pendingTimers()).toBe(0);
  });
});

describe('uploadToRelays: mirrors in order', () => {
  const mirrors = { ...targets, relays: [RELAY_A, RELAY_B] };

  function perOrigin(answers: Record<string, FakeHttpAnswer>) {
    const fake = createFakeHttp((request) => answers[new URL(request.url).origin] ?? 'network-error');
    return { fake, deps: { http: fake.http, clock: createFakeClock(NOW), timeoutMs: 60_000 } };
  }

  it('stops at the first relay that stores the bundle', async () => {
    const { fake, deps } = perOrigin({ [RELAY_A]: { status: 201, body: { seq: 1 } }, [RELAY_B]: { status: 201, body: { seq: 2 } } });
    expect(await uploadToRelays(mirrors, bundle, deps)).toEqual({ kind: 'stored', seq: 1 });
    expect(fake.requests().map((r) => new URL(r.url).origin)).toEqual([RELAY_A]);
  });

  it('offers the same bytes to the mirror when the first relay is unreachable or refuses', async () => {
    for (const first of ['network-error', relayError(403, 'forbidden'), relayError(503, 'internal_error')] as FakeHttpAnswer[]) {
      const { fake, deps } = perOrigin({ [RELAY_A]: first, [RELAY_B]: { status: 201, body: { seq: 9 } } });
      expect(await uploadToRelays(mirrors, bundle, deps)).toEqual({ kind: 'stored', seq: 9 });
      expect(fake.requests().map((r) => r.body)).toEqual([bytes, bytes]);
    }
  });

  it('without a store, the first relay that answered decides; with no answer at all, it is a network failure', async () => {
    const down = perOrigin({ [RELAY_B]: relayError(401, 'unauthorized') });
    expect(await uploadToRelays(mirrors, bundle, down.deps)).toEqual({ kind: 'refused', reason: 'unauthorised' });
    const both = perOrigin({ [RELAY_A]: relayError(429, 'rate_limited', { 'retry-after': '5' }), [RELAY_B]: relayError(403, 'forbidden') });
    expect(await uploadToRelays(mirrors, bundle, both.deps)).toEqual({ kind: 'retry', reason: 'rate-limited', retryAfterMs: 5000 });
    const none = perOrigin({});
    expect(await uploadToRelays(mirrors, bundle, none.deps)).toEqual({ kind: 'retry', reason: 'network', retryAfterMs: null });
    expect(none.fake.requests()).toHaveLength(2);
  });

  it('against the fake relay: 201 for new bytes, 200 with the same seq for the same bytes again', async () => {
    const relay = createFakeRelay();
    const deps = { http: relay.http, clock: createFakeClock(NOW), timeoutMs: 60_000 };
    expect(await uploadToRelays(mirrors, bundle, deps)).toEqual({ kind: 'stored', seq: 1 });
    expect(await uploadToRelays(mirrors, bundle, deps)).toEqual({ kind: 'stored', seq: 1 });
    expect(relay.stored()).toHaveLength(1);
  });
});
