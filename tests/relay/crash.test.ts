// P4 "nothing the app called saved is lost": kill -9 the relay while uploads are in flight and
// restart it on the same data folder; every bundle that got a 2xx must come back byte-identical,
// and nothing half-written may appear.
import { request } from 'node:http';
import { describe, expect, it } from 'vitest';
import { listBundlesResponseSchema, type CreateMailboxResponse } from '../../src/protocol/relayApi';
import { relayPaths } from '../../src/protocol/relayPaths';
import { ADMIN_TOKEN, createMailbox, getBundle, idOf, listBundles, putBundle, randomBundle } from './relayClient';
import { makeTempDir, spawnRelay, type RelayProcess } from './relayProcess';

function freshDataDir(): string {
  return `${makeTempDir('crash')}/data`;
}

/** After a restart: every acknowledged bundle is there, and every listed bundle is intact. */
async function expectSurvivors(relay: RelayProcess, mailbox: CreateMailboxResponse, acknowledged: Uint8Array[]): Promise<void> {
  const listed = listBundlesResponseSchema.parse(await (await listBundles(relay.url, mailbox, '?limit=500')).json());
  const listedIds = new Set(listed.bundles.map((b) => b.id));
  for (const bytes of acknowledged) expect(listedIds.has(idOf(bytes))).toBe(true);
  for (const { id } of listed.bundles) {
    const response = await getBundle(relay.url, mailbox, id);
    expect(response.status).toBe(200);
    expect(idOf(new Uint8Array(await response.arrayBuffer()))).toBe(id);
  }
  for (const bytes of acknowledged) {
    const response = await getBundle(relay.url, mailbox, idOf(bytes));
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(bytes);
  }
}

describe('kill -9 during uploads', () => {
  it('loses no acknowledged bundle when killed right after a response, with more uploads in flight', async () => {
    const dataDir = freshDataDir();
    const relay = await spawnRelay({ dataDir, env: { DALA_ADMIN_TOKEN: ADMIN_TOKEN } });
    const mailbox = await createMailbox(relay.url);
    const acknowledged: Uint8Array[] = [];
    const bundles = Array.from({ length: 30 }, (_, i) => randomBundle(4096 + i * 1024));
    let killed = false;
    await Promise.all(
      bundles.map(async (bytes) => {
        const response = await putBundle(relay.url, mailbox, bytes).catch(() => null);
        if (response === null || response.status >= 300) return;
        acknowledged.push(bytes);
        if (acknowledged.length === 15 && !killed) {
          killed = true;
          relay.child.kill('SIGKILL');
        }
      }),
    );
    expect(await relay.kill('SIGKILL')).toEqual({ code: null, signal: 'SIGKILL' });
    expect(acknowledged.length).toBeGreaterThanOrEqual(15);

    const restarted = await spawnRelay({ dataDir, env: { DALA_ADMIN_TOKEN: ADMIN_TOKEN } });
    try {
      await expectSurvivors(restarted, mailbox, acknowledged);
    } finally {
      await restarted.kill('SIGTERM');
    }
  });

  it('loses nothing acknowledged and stores nothing partial when killed in the middle of a body', async () => {
    const dataDir = freshDataDir();
    const relay = await spawnRelay({ dataDir, env: { DALA_ADMIN_TOKEN: ADMIN_TOKEN } });
    const mailbox = await createMailbox(relay.url);
    const acknowledged: Uint8Array[] = [];
    for (let i = 0; i < 5; i++) {
      const bytes = randomBundle(50_000);
      expect((await putBundle(relay.url, mailbox, bytes)).status).toBe(201);
      acknowledged.push(bytes);
    }

    const partial = randomBundle(1024 * 1024);
    const { port, hostname } = new URL(relay.url);
    const upload = request({
      host: hostname,
      port,
      method: 'PUT',
      path: relayPaths.bundle(mailbox.mailboxId, idOf(partial)),
      headers: {
        authorization: `Bearer ${mailbox.uploadToken}`,
        'content-type': 'application/octet-stream',
        'content-length': partial.length,
      },
    });
    const outcome = new Promise<string>((resolve) => {
      upload.on('response', (response) => resolve(`response ${response.statusCode}`));
      upload.on('error', (error) => resolve(`error ${error.message}`));
    });
    upload.write(partial.subarray(0, partial.length / 2));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await relay.kill('SIGKILL')).toEqual({ code: null, signal: 'SIGKILL' });
    expect(await outcome).toMatch(/^error/);

    const restarted = await spawnRelay({ dataDir, env: { DALA_ADMIN_TOKEN: ADMIN_TOKEN } });
    try {
      await expectSurvivors(restarted, mailbox, acknowledged);
      const listed = listBundlesResponseSchema.parse(await (await listBundles(restarted.url, mailbox)).json());
      expect(listed.bundles.map((b) => b.id)).not.toContain(idOf(partial));
      expect(listed.bundles).toHaveLength(acknowledged.length);
    } finally {
      await restarted.kill('SIGTERM');
    }
  });
});
