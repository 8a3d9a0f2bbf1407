// Group commit through the real relay process: a wave of concurrent uploads (bundles for two mailboxes,
// device messages, repeats of the same bundle) gets each request its own answer, one stored copy per
// id, distinct sequence numbers in listing order, and 507 rather than 5xx when the wave overflows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listBundlesResponseSchema, listMessagesResponseSchema, putBundleResponseSchema, type CreateMailboxResponse } from '../../src/protocol/relayApi';
import { relayPaths } from '../../src/protocol/relayPaths';
import { ADMIN_TOKEN, bearer, createMailbox, errorCode, getBundle, idOf, listBundles, putBundle, randomBundle } from './relayClient';
import { spawnRelay, type RelayProcess } from './relayProcess';

const DEVICE = 'gRoUpCoMmIt0123456789A';

function putMessage(url: string, pullToken: string, bytes: Uint8Array<ArrayBuffer>): Promise<Response> {
  return fetch(url + relayPaths.deviceMessage(DEVICE, idOf(bytes)), {
    method: 'PUT',
    headers: { ...bearer(pullToken), 'content-type': 'application/octet-stream' },
    body: bytes,
  });
}

async function listed(url: string, mailbox: CreateMailboxResponse): Promise<{ seq: number; id: string }[]> {
  return listBundlesResponseSchema.parse(await (await listBundles(url, mailbox, '?limit=500')).json()).bundles;
}

describe('concurrent uploads share commits', () => {
  let relay: RelayProcess;
  beforeAll(async () => {
    relay = await spawnRelay({ env: { DALA_ADMIN_TOKEN: ADMIN_TOKEN, DALA_RATE_LIMIT_MAX: '1000000' } });
  });
  afterAll(() => relay.kill('SIGTERM'));

  it('answers every upload of a mixed concurrent wave on its own: 201 new, 200 repeat with the same seq, one copy each', async () => {
    const first = await createMailbox(relay.url);
    const second = await createMailbox(relay.url);
    const forFirst = Array.from({ length: 15 }, (_, i) => randomBundle(1000 + i * 100));
    const forSecond = Array.from({ length: 15 }, (_, i) => randomBundle(1000 + i * 100));
    const repeated = randomBundle(2048);
    const messages = Array.from({ length: 5 }, () => randomBundle(300));

    const bundleWave = [
      ...forFirst.map((bytes) => ({ mailbox: first, bytes })),
      ...forSecond.map((bytes) => ({ mailbox: second, bytes })),
      ...Array.from({ length: 8 }, () => ({ mailbox: first, bytes: repeated })),
    ];
    const [bundleResponses, messageResponses] = await Promise.all([
      Promise.all(bundleWave.map(({ mailbox, bytes }) => putBundle(relay.url, mailbox, bytes))),
      Promise.all(messages.map((bytes) => putMessage(relay.url, first.pullToken, bytes))),
    ]);

    const answers = await Promise.all(bundleResponses.map(async (r) => ({ status: r.status, seq: putBundleResponseSchema.parse(await r.json()).seq })));
    expect(answers.slice(0, 30).every((a) => a.status === 201)).toBe(true);
    const repeats = answers.slice(30);
    expect(repeats.filter((a) => a.status === 201)).toHaveLength(1);
    expect(repeats.filter((a) => a.status === 200)).toHaveLength(7);
    expect(new Set(repeats.map((a) => a.seq)).size).toBe(1);
    expect(messageResponses.map((r) => r.status)).toEqual([201, 201, 201, 201, 201]);

    const firstListed = await listed(relay.url, first);
    const secondListed = await listed(relay.url, second);
    expect(new Set(firstListed.map((b) => b.id))).toEqual(new Set([...forFirst, repeated].map(idOf)));
    expect(firstListed).toHaveLength(16);
    expect(new Set(secondListed.map((b) => b.id))).toEqual(new Set(forSecond.map(idOf)));
    expect(secondListed).toHaveLength(15);
    // Each listed bundle carries the seq its upload was answered with, and seqs are unique across mailboxes.
    const answeredSeq = new Map(bundleWave.map(({ bytes }, i) => [idOf(bytes), answers[i]?.seq]));
    for (const b of [...firstListed, ...secondListed]) expect(b.seq).toBe(answeredSeq.get(b.id));
    expect(new Set([...firstListed, ...secondListed].map((b) => b.seq)).size).toBe(31);

    const inbox = listMessagesResponseSchema.parse(await (await fetch(`${relay.url}${relayPaths.deviceMessages(DEVICE)}`, { headers: bearer(first.uploadToken) })).json());
    expect(new Set(inbox.messages.map((m) => m.id))).toEqual(new Set(messages.map(idOf)));
  });
});

describe('a concurrent wave that overflows the store', () => {
  let relay: RelayProcess;
  beforeAll(async () => {
    relay = await spawnRelay({ env: { DALA_ADMIN_TOKEN: ADMIN_TOKEN, DALA_RATE_LIMIT_MAX: '1000000', DALA_MAX_STORE_BYTES: String(200 * 1024) } });
  });
  afterAll(() => relay.kill('SIGTERM'));

  it('stores what fits (201), answers the rest 507 storage_full, never a 5xx, and keeps every acknowledged bundle', async () => {
    const mailbox = await createMailbox(relay.url);
    const bundles = Array.from({ length: 12 }, () => randomBundle(30 * 1024));
    const responses = await Promise.all(bundles.map((bytes) => putBundle(relay.url, mailbox, bytes)));
    const statuses = responses.map((r) => r.status);
    expect(statuses.every((s) => s === 201 || s === 507)).toBe(true);
    expect(statuses.filter((s) => s === 201).length).toBeGreaterThan(0);
    expect(statuses.filter((s) => s === 507).length).toBeGreaterThan(0);
    for (const response of responses.filter((r) => r.status === 507)) expect(await errorCode(response)).toBe('storage_full');

    const acknowledged = bundles.filter((_, i) => statuses[i] === 201);
    expect(new Set((await listed(relay.url, mailbox)).map((b) => b.id))).toEqual(new Set(acknowledged.map(idOf)));
    for (const bytes of acknowledged) {
      expect(new Uint8Array(await (await getBundle(relay.url, mailbox, idOf(bytes))).arrayBuffer())).toEqual(bytes);
    }
  });
});
