// Upload, list, fetch and acknowledge against the real relay process: every status code of the API.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ackResponseSchema,
  listBundlesResponseSchema,
  putBundleResponseSchema,
  type CreateMailboxResponse,
} from '../../src/protocol/relayApi';
import { relayPaths } from '../../src/protocol/relayPaths';
import {
  ADMIN_TOKEN,
  ack,
  bearer,
  createMailbox,
  errorCode,
  getBundle,
  idOf,
  listBundles,
  putBundle,
  randomBundle,
} from './relayClient';
import { spawnRelay, type RelayProcess } from './relayProcess';

const MAX_BUNDLE_BYTES = 4096;

let relay: RelayProcess;
let mailbox: CreateMailboxResponse;
let other: CreateMailboxResponse;

beforeAll(async () => {
  relay = await spawnRelay({ env: { DALA_ADMIN_TOKEN: ADMIN_TOKEN, DALA_MAX_BUNDLE_BYTES: String(MAX_BUNDLE_BYTES) } });
  mailbox = await createMailbox(relay.url);
  other = await createMailbox(relay.url);
});
afterAll(() => relay.kill('SIGTERM'));

async function expectError(response: Response, status: number, code: string): Promise<void> {
  expect(response.status).toBe(status);
  expect(await errorCode(response)).toBe(code);
}

describe('PUT /v1/mailboxes/:mailboxId/bundles/:bundleId', () => {
  it('answers 201 with a seq when stored, 200 with the same seq when the same bytes come again', async () => {
    const bytes = randomBundle();
    const first = await putBundle(relay.url, mailbox, bytes);
    expect(first.status).toBe(201);
    const { seq } = putBundleResponseSchema.parse(await first.json());
    const again = await putBundle(relay.url, mailbox, bytes);
    expect(again.status).toBe(200);
    expect(putBundleResponseSchema.parse(await again.json()).seq).toBe(seq);
  });

  it('answers 400 id_mismatch when the id is not the hash of the body', async () => {
    await expectError(await putBundle(relay.url, mailbox, randomBundle(), { id: idOf(randomBundle()) }), 400, 'id_mismatch');
  });

  it('answers 400 malformed_id for an id that is not 43 canonical base64url characters', async () => {
    const bytes = randomBundle();
    for (const id of ['short', `${idOf(bytes)}A`, `${idOf(bytes).slice(0, 42)}B`]) {
      await expectError(await putBundle(relay.url, mailbox, bytes, { id }), 400, 'malformed_id');
    }
  });

  it('answers 400 empty_body for an empty bundle', async () => {
    const empty = new Uint8Array(0);
    await expectError(await putBundle(relay.url, mailbox, empty), 400, 'empty_body');
  });

  it('answers 401 without the upload token, 403 with a wrong one, 404 for an unknown mailbox', async () => {
    const bytes = randomBundle();
    const url = relay.url + relayPaths.bundle(mailbox.mailboxId, idOf(bytes));
    const put = (headers: Record<string, string>): Promise<Response> =>
      fetch(url, { method: 'PUT', headers: { ...headers, 'content-type': 'application/octet-stream' }, body: bytes });
    await expectError(await put({}), 401, 'unauthorized');
    await expectError(await put({ authorization: `Token ${mailbox.uploadToken}` }), 401, 'unauthorized');
    await expectError(await put(bearer(mailbox.pullToken)), 403, 'forbidden');
    await expectError(await put(bearer(other.uploadToken)), 403, 'forbidden');
    await expectError(await putBundle(relay.url, { ...mailbox, mailboxId: other.mailboxId.replace(/^./, (c) => (c === 'A' ? 'B' : 'A')) }, bytes), 404, 'unknown_mailbox');
    await expectError(await putBundle(relay.url, { ...mailbox, mailboxId: 'not-a-mailbox' }, bytes), 404, 'unknown_mailbox');
  });

  it('answers 413 above DALA_MAX_BUNDLE_BYTES and accepts exactly the limit', async () => {
    await expectError(await putBundle(relay.url, mailbox, randomBundle(MAX_BUNDLE_BYTES + 1)), 413, 'payload_too_large');
    expect((await putBundle(relay.url, mailbox, randomBundle(MAX_BUNDLE_BYTES))).status).toBe(201);
  });

  it('answers 415 to a body that is not application/octet-stream', async () => {
    await expectError(await putBundle(relay.url, mailbox, randomBundle(), { contentType: 'text/plain' }), 415, 'unsupported_media_type');
    const json = new TextEncoder().encode('{"a":1}');
    await expectError(await putBundle(relay.url, mailbox, json, { contentType: 'application/json' }), 415, 'unsupported_media_type');
  });
});

describe('list, fetch and acknowledge', () => {
  it('lists bundles after a seq in pages, fetches identical bytes, and acks up to a seq', async () => {
    const box = await createMailbox(relay.url);
    const bundles = Array.from({ length: 5 }, () => randomBundle(100));
    const seqs: number[] = [];
    for (const bytes of bundles) {
      seqs.push(putBundleResponseSchema.parse(await (await putBundle(relay.url, box, bytes)).json()).seq);
      await putBundle(relay.url, other, randomBundle()); // interleaved uploads to another mailbox
    }
    expect([...seqs].sort((a, b) => a - b)).toEqual(seqs);

    const page1 = listBundlesResponseSchema.parse(await (await listBundles(relay.url, box, '?limit=3')).json());
    expect(page1.hasMore).toBe(true);
    expect(page1.bundles.map((b) => b.id)).toEqual(bundles.slice(0, 3).map(idOf));
    expect(page1.bundles.every((b) => b.size === 100)).toBe(true);
    const last = page1.bundles[2]?.seq ?? 0;
    const page2 = listBundlesResponseSchema.parse(await (await listBundles(relay.url, box, `?after=${last}&limit=3`)).json());
    expect(page2.hasMore).toBe(false);
    expect(page2.bundles.map((b) => b.id)).toEqual(bundles.slice(3).map(idOf));

    for (const bytes of bundles) {
      const response = await getBundle(relay.url, box, idOf(bytes));
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/octet-stream');
      expect(new Uint8Array(await response.arrayBuffer())).toEqual(bytes);
    }

    const acked = await ack(relay.url, box, seqs[2] ?? 0);
    expect(acked.status).toBe(200);
    expect(ackResponseSchema.parse(await acked.json()).deleted).toBe(3);
    const remaining = listBundlesResponseSchema.parse(await (await listBundles(relay.url, box)).json());
    expect(remaining.bundles.map((b) => b.seq)).toEqual(seqs.slice(3));
    await expectError(await getBundle(relay.url, box, idOf(bundles[0] ?? new Uint8Array())), 404, 'unknown_bundle');
  });

  it('needs the pull token: the upload token cannot list, fetch or ack', async () => {
    const asUploader = { ...mailbox, pullToken: mailbox.uploadToken };
    await expectError(await listBundles(relay.url, asUploader), 403, 'forbidden');
    await expectError(await getBundle(relay.url, asUploader, idOf(randomBundle())), 403, 'forbidden');
    await expectError(await ack(relay.url, asUploader, 1), 403, 'forbidden');
    await expectError(await fetch(relay.url + relayPaths.bundles(mailbox.mailboxId)), 401, 'unauthorized');
  });

  it('answers 400 to a bad list query or a bad acknowledgement', async () => {
    for (const query of ['?limit=501', '?limit=0', '?after=-1', '?after=abc', '?cursor=1']) {
      await expectError(await listBundles(relay.url, mailbox, query), 400, 'invalid_request');
    }
    await expectError(await getBundle(relay.url, mailbox, 'not-an-id'), 400, 'malformed_id');
    const badAck = (body: string): Promise<Response> =>
      fetch(relay.url + relayPaths.ack(mailbox.mailboxId), {
        method: 'POST',
        headers: { ...bearer(mailbox.pullToken), 'content-type': 'application/json' },
        body,
      });
    for (const body of ['{"upTo":-1}', '{"upTo":"3"}', '{}', '[1]', '{"upTo":', '']) {
      await expectError(await badAck(body), 400, 'invalid_request');
    }
  });

  it('lets the same bundle id live in two mailboxes independently', async () => {
    const bytes = randomBundle();
    const [a, b] = await Promise.all([createMailbox(relay.url), createMailbox(relay.url)]);
    if (a === undefined || b === undefined) throw new Error('no mailboxes');
    expect((await putBundle(relay.url, a, bytes)).status).toBe(201);
    expect((await putBundle(relay.url, b, bytes)).status).toBe(201);
    await ack(relay.url, a, Number.MAX_SAFE_INTEGER);
    expect((await getBundle(relay.url, b, idOf(bytes))).status).toBe(200);
  });
});

describe('GET /v1/health', () => {
  it('answers { ok: true, version }', async () => {
    const response = await fetch(relay.url + relayPaths.health());
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true, version: expect.stringMatching(/^\d+\.\d+\.\d+/) });
  });
});
