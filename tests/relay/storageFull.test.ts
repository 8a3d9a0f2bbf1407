// A bounded disk: past DALA_MAX_STORE_BYTES uploads get 507 storage_full, and what was stored stays.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, ack, createMailbox, errorCode, getBundle, idOf, putBundle, randomBundle } from './relayClient';
import { spawnRelay, type RelayProcess } from './relayProcess';

let relay: RelayProcess;
beforeAll(async () => {
  relay = await spawnRelay({ env: { DALA_ADMIN_TOKEN: ADMIN_TOKEN, DALA_MAX_STORE_BYTES: String(200 * 1024) } });
});
afterAll(() => relay.kill('SIGTERM'));

describe('storage limit', () => {
  it('answers 507 once the store is full, keeps earlier bundles, and has room again after an ack', async () => {
    const mailbox = await createMailbox(relay.url);
    const stored: Uint8Array[] = [];
    let full: Response | null = null;
    for (let i = 0; i < 20 && full === null; i++) {
      const bytes = randomBundle(30 * 1024);
      const response = await putBundle(relay.url, mailbox, bytes);
      if (response.status === 201) stored.push(bytes);
      else full = response;
    }
    expect(stored.length).toBeGreaterThan(0);
    expect(full?.status).toBe(507);
    if (full) expect(await errorCode(full)).toBe('storage_full');

    for (const bytes of stored) {
      const response = await getBundle(relay.url, mailbox, idOf(bytes));
      expect(new Uint8Array(await response.arrayBuffer())).toEqual(bytes);
    }

    await ack(relay.url, mailbox, Number.MAX_SAFE_INTEGER);
    expect((await putBundle(relay.url, mailbox, randomBundle(30 * 1024))).status).toBe(201);
  });
});
