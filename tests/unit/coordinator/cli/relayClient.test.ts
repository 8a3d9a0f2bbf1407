// The relay client against a scripted fetch: a relay's answers are checked, not trusted.
import { describe, expect, it } from 'vitest';
import { createRelayClient } from '../../../../src/coordinator/relayClient';
import type { RelayFetch } from '../../../../src/coordinator/relayClient';
import { BUNDLE_MAX_BYTES } from '../../../../src/protocol/bundleFormat';

const URL_ = 'https://relay.example.org';
const MAILBOX = 'AAECAwQFBgcICQoLDA0ODw';
const TOKEN = 'PULLtokenPULLtokenPULLtokenPULLtokenPULLtok';
const ID = 'A'.repeat(43);

function answering(respond: (url: string, init: RequestInit) => Response): { fetch: RelayFetch; calls: { url: string; init: RequestInit }[] } {
  const calls: { url: string; init: RequestInit }[] = [];
  return {
    calls,
    fetch: async (url, init) => {
      calls.push({ url, init });
      return respond(url, init);
    },
  };
}

const json = (body: unknown, status = 200): Response => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const summary = (seq: number) => ({ seq, id: ID, size: 1024, receivedHour: '2025-03-01T14:00:00Z' });

describe('createRelayClient', () => {
  it('sends the pull token as a bearer header to the v1 paths', async () => {
    const scripted = answering(() => json({ bundles: [summary(3)], hasMore: false }));
    const client = createRelayClient(URL_, { fetch: scripted.fetch });
    expect(await client.listBundles(MAILBOX, TOKEN, 2, 50)).toEqual({ ok: true, value: { bundles: [summary(3)], hasMore: false } });
    expect(scripted.calls[0]?.url).toBe(`${URL_}/v1/mailboxes/${MAILBOX}/bundles?after=2&limit=50`);
    expect(new Headers(scripted.calls[0]?.init.headers).get('authorization')).toBe(`Bearer ${TOKEN}`);
  });

  it('acknowledges as a reader when given one, and sends the legacy body without', async () => {
    const scripted = answering(() => json({ deleted: 0 }));
    const client = createRelayClient(URL_, { fetch: scripted.fetch });
    expect(await client.ack(MAILBOX, TOKEN, 9, 'rEaDeRoFtHiSvAuLt0123w')).toEqual({ ok: true, value: { deleted: 0 } });
    expect(await client.ack(MAILBOX, TOKEN, 9)).toEqual({ ok: true, value: { deleted: 0 } });
    expect(scripted.calls.map((call) => [call.url, call.init.body])).toEqual([
      [`${URL_}/v1/mailboxes/${MAILBOX}/ack`, JSON.stringify({ upTo: 9, reader: 'rEaDeRoFtHiSvAuLt0123w' })],
      [`${URL_}/v1/mailboxes/${MAILBOX}/ack`, JSON.stringify({ upTo: 9 })],
    ]);
  });

  it('refuses a list that does not move forward (it would make a pull loop for ever)', async () => {
    for (const body of [
      { bundles: [summary(2)], hasMore: true }, // not after 2
      { bundles: [summary(5), summary(4)], hasMore: false }, // backwards
      { bundles: [], hasMore: true }, // more of nothing
    ]) {
      const client = createRelayClient(URL_, { fetch: answering(() => json(body)).fetch });
      expect(await client.listBundles(MAILBOX, TOKEN, 2)).toMatchObject({ ok: false, reason: 'bad-response' });
    }
  });

  it('returns the relay error code, message and Retry-After', async () => {
    const client = createRelayClient(URL_, {
      fetch: answering(() => new Response(JSON.stringify({ error: { code: 'rate_limited', message: 'slow down' } }), { status: 429, headers: { 'retry-after': '30' } })).fetch,
    });
    expect(await client.ack(MAILBOX, TOKEN, 9)).toEqual({ ok: false, reason: 'http-error', status: 429, code: 'rate_limited', message: 'slow down', retryAfterSeconds: 30 });
  });

  it('copes with an error page that is not the relay JSON', async () => {
    const client = createRelayClient(URL_, { fetch: answering(() => new Response('<html>Bad gateway</html>', { status: 502, statusText: 'Bad Gateway' })).fetch });
    expect(await client.createMailbox(null)).toMatchObject({ ok: false, reason: 'http-error', status: 502, code: null });
  });

  it('stops reading a bundle larger than any valid one', async () => {
    const huge = new ReadableStream<Uint8Array>({
      pull(controller) {
        controller.enqueue(new Uint8Array(1024 * 1024));
      },
    });
    const client = createRelayClient(URL_, { fetch: answering(() => new Response(huge)).fetch });
    expect(await client.fetchBundle(MAILBOX, TOKEN, ID)).toMatchObject({ ok: false, reason: 'bad-response' });
    const declared = createRelayClient(URL_, {
      fetch: answering(() => new Response(new Uint8Array(8), { headers: { 'content-length': String(BUNDLE_MAX_BYTES + 1) } })).fetch,
    });
    expect(await declared.fetchBundle(MAILBOX, TOKEN, ID)).toMatchObject({ ok: false, reason: 'bad-response' });
    // Positive control: a bundle within the limit comes back whole.
    const fine = createRelayClient(URL_, { fetch: answering(() => new Response(new Uint8Array(5000).fill(7))).fetch });
    expect(await fine.fetchBundle(MAILBOX, TOKEN, ID)).toEqual({ ok: true, value: new Uint8Array(5000).fill(7) });
  });

  it('reports a network failure as unreachable and a malformed success as bad-response', async () => {
    const down = createRelayClient(URL_, {
      fetch: async () => {
        throw new TypeError('fetch failed', { cause: new Error('connect ECONNREFUSED') });
      },
    });
    expect(await down.createMailbox('admin')).toEqual({ ok: false, reason: 'unreachable', detail: 'fetch failed (connect ECONNREFUSED)' });
    const odd = createRelayClient(URL_, { fetch: answering(() => json({ mailboxId: 'x' }, 201)).fetch });
    expect(await odd.createMailbox('admin')).toMatchObject({ ok: false, reason: 'bad-response' });
  });

  it('names the url parameter when it is not an origin', () => {
    expect(() => createRelayClient('https://relay.example.org/v1')).toThrow(/url/);
  });
});
