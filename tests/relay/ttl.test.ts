// The hard time-to-live, across restarts on one data folder. DALA_TEST_NOW freezes the relay's
// clock (a test-only setting) so the hour boundaries are exact.
import { describe, expect, it } from 'vitest';
import { listBundlesResponseSchema, type CreateMailboxResponse } from '../../src/protocol/relayApi';
import { ADMIN_TOKEN, createMailbox, idOf, listBundles, putBundle, randomBundle } from './relayClient';
import { makeTempDir, spawnRelay } from './relayProcess';

const dataDir = `${makeTempDir('ttl')}/data`;

async function listedAt(now: string, mailbox: CreateMailboxResponse): Promise<string[]> {
  const relay = await spawnRelay({ dataDir, env: { DALA_TEST_NOW: now, DALA_TTL_DAYS: '30' } });
  try {
    const listed = listBundlesResponseSchema.parse(await (await listBundles(relay.url, mailbox)).json());
    return listed.bundles.map((b) => b.id);
  } finally {
    await relay.kill('SIGTERM');
  }
}

describe('time-to-live', () => {
  it('stores only the arrival hour, keeps a bundle 30 days after its whole hour, purges it at start after that', async () => {
    const relay = await spawnRelay({ dataDir, env: { DALA_ADMIN_TOKEN: ADMIN_TOKEN, DALA_TEST_NOW: '2025-01-01T10:59:30Z' } });
    const bytes = randomBundle();
    let mailbox: CreateMailboxResponse;
    try {
      expect(relay.stderr()).toContain('DALA_TEST_NOW');
      mailbox = await createMailbox(relay.url);
      expect((await putBundle(relay.url, mailbox, bytes)).status).toBe(201);
      const listed = listBundlesResponseSchema.parse(await (await listBundles(relay.url, mailbox)).json());
      expect(listed.bundles.map((b) => b.receivedHour)).toEqual(['2025-01-01T10:00:00Z']);
    } finally {
      await relay.kill('SIGTERM');
    }

    expect(await listedAt('2025-01-31T10:59:59Z', mailbox)).toEqual([idOf(bytes)]);
    expect(await listedAt('2025-01-31T11:00:00Z', mailbox)).toEqual([]);
  });
});
