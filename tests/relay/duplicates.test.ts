// P4 "nothing counted twice": the same bundle arriving many times at once is stored exactly once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listBundlesResponseSchema, putBundleResponseSchema } from '../../src/protocol/relayApi';
import { ADMIN_TOKEN, createMailbox, idOf, listBundles, putBundle, randomBundle } from './relayClient';
import { spawnRelay, type RelayProcess } from './relayProcess';

let relay: RelayProcess;
beforeAll(async () => {
  relay = await spawnRelay({ env: { DALA_ADMIN_TOKEN: ADMIN_TOKEN } });
});
afterAll(() => relay.kill('SIGTERM'));

describe('concurrent duplicate uploads', () => {
  it('20 parallel PUTs of one bundle: one 201, nineteen 200, one seq, one listed copy', async () => {
    const mailbox = await createMailbox(relay.url);
    const bytes = randomBundle(64 * 1024);
    const responses = await Promise.all(Array.from({ length: 20 }, () => putBundle(relay.url, mailbox, bytes)));
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 200)).toHaveLength(19);
    const seqs = await Promise.all(responses.map(async (r) => putBundleResponseSchema.parse(await r.json()).seq));
    expect(new Set(seqs).size).toBe(1);

    const listed = listBundlesResponseSchema.parse(await (await listBundles(relay.url, mailbox)).json());
    expect(listed.bundles.map((b) => b.id)).toEqual([idOf(bytes)]);
  });
});
