// The device side of receipts against the real relay: the engine reads its device mailbox after a
// flush, believes only receipts signed by a pinned coordinator, marks what they cover, removes it with
// the setting on, and acknowledges what it read so the relay deletes it.
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sealReceipt } from '../../../src/bundle/sealReceipt';
import { fromBase64Url, utf8Encode } from '../../../src/crypto/bytes';
import { deviceMailboxId } from '../../../src/crypto/deviceMailboxId';
import { sha256 } from '../../../src/crypto/sha256';
import { generateSigningKeyPair, signingKeyPairFromSeed } from '../../../src/crypto/signingKeys';
import type { SigningKeyPair } from '../../../src/crypto/signingKeys';
import { systemClock } from '../../../src/platform/clock';
import { createFakeOnlineStatus } from '../../../src/platform/fakeOnlineStatus';
import { createFakePageVisibility } from '../../../src/platform/fakePageVisibility';
import { createBrowserHttp } from '../../../src/platform/http';
import { createMemoryExclusiveLock } from '../../../src/platform/memoryExclusiveLock';
import { listMessagesResponseSchema } from '../../../src/protocol/relayApi';
import type { CreateMailboxResponse } from '../../../src/protocol/relayApi';
import { relayPaths } from '../../../src/protocol/relayPaths';
import type { VaultSession } from '../../../src/store/storeApi';
import { createSyncEngine } from '../../../src/sync/createSyncEngine';
import { joinOrganisation } from '../../../src/sync/joinOrganisation';
import { ADMIN_TOKEN, bearer, createMailbox, idOf } from '../../relay/relayClient';
import { spawnRelay } from '../../relay/relayProcess';
import type { RelayProcess } from '../../relay/relayProcess';
import { readAllRowsRaw } from '../store/rawDatabase';
import { createdStore, sampleReport } from '../store/storeTestKit';
import { testInvite } from './syncTestKit';

/** The secret half of syncTestKit's first coordinator (the invite pins its public key). */
const aigerim: SigningKeyPair = signingKeyPairFromSeed(sha256(utf8Encode('sign:Aigerim')));

let relay: RelayProcess;
beforeAll(async () => {
  relay = await spawnRelay({ env: { DALA_ADMIN_TOKEN: ADMIN_TOKEN } });
});
afterAll(() => relay.kill('SIGTERM'));

async function deliveredDevice(label: string, reports: number) {
  const mailbox = await createMailbox(relay.url);
  const created = await createdStore(label);
  const joined = await joinOrganisation(created.session, testInvite({ relays: [relay.url], mailboxId: mailbox.mailboxId, uploadToken: mailbox.uploadToken }));
  if (!joined.ok) throw new Error(joined.reason);
  for (let i = 0; i < reports; i++) expect((await created.session.saveReport(sampleReport())).ok).toBe(true);
  const engine = createSyncEngine({
    session: created.session,
    http: createBrowserHttp(),
    clock: systemClock,
    online: createFakeOnlineStatus(true),
    visibility: createFakePageVisibility(true),
    locks: createMemoryExclusiveLock(),
    random: () => 0.5,
  });
  engine.start();
  await engine.trigger('start');
  expect(new Set((await created.session.listReports()).map((r) => r.state))).toEqual(new Set(['delivered']));
  return { ...created, mailbox, engine };
}

/** What a coordinator's pull does: a receipt for this device into its device mailbox, with the pull token. */
async function sendReceipt(mailbox: CreateMailboxResponse, session: VaultSession, last: number, signer = aigerim): Promise<void> {
  const devicePublicKey = fromBase64Url(session.deviceId);
  if (devicePublicKey === null) throw new Error('device id');
  const receipt = sealReceipt({ devicePublicKey, organisationMailbox: mailbox.mailboxId, counters: [{ first: 1, last }], coordinator: signer, now: Date.now() });
  if (receipt === null) throw new Error('no receipt');
  const bytes = new Uint8Array(receipt.bytes);
  const put = await fetch(relay.url + relayPaths.deviceMessage(receipt.deviceMailbox, idOf(bytes)), {
    method: 'PUT',
    headers: { ...bearer(mailbox.pullToken), 'content-type': 'application/octet-stream' },
    body: bytes,
  });
  expect(put.status).toBe(201);
}

async function waitingMessages(mailbox: CreateMailboxResponse, session: VaultSession): Promise<number> {
  const devicePublicKey = fromBase64Url(session.deviceId) ?? new Uint8Array(32);
  const response = await fetch(relay.url + relayPaths.deviceMessages(deviceMailboxId(devicePublicKey)), { headers: bearer(mailbox.uploadToken) });
  return listMessagesResponseSchema.parse(await response.json()).messages.length;
}

describe('receipts through the device mailbox', () => {
  it('a verified receipt makes the reports "Received by coordinator", and the messages read are acknowledged', async () => {
    const { store, session, mailbox, engine } = await deliveredDevice('receipt-sync', 2);
    await sendReceipt(mailbox, session, 2);
    expect(await waitingMessages(mailbox, session)).toBe(1);
    await engine.trigger('manual');
    expect((await session.listReports()).map((r) => r.state)).toEqual(['acknowledged', 'acknowledged']);
    expect(await waitingMessages(mailbox, session)).toBe(0);
    engine.stop();
    store.close();
  });

  it('ignores a receipt signed by anyone but a pinned coordinator (and still clears it from the relay)', async () => {
    const { store, session, mailbox, engine } = await deliveredDevice('receipt-forged', 1);
    await sendReceipt(mailbox, session, 1, generateSigningKeyPair());
    await engine.trigger('manual');
    expect((await session.listReports()).map((r) => r.state)).toEqual(['delivered']);
    expect(await waitingMessages(mailbox, session)).toBe(0);
    engine.stop();
    store.close();
  });

  it('with "remove after the coordinator has it" on, the reports leave IndexedDB and are listed as removed', async () => {
    const { store, session, dbName, mailbox, engine } = await deliveredDevice('receipt-remove-sync', 2);
    expect((await session.updateSettings({ removeAfterReceipt: true })).ok).toBe(true);
    const ids = (await session.listReports()).map((r) => r.reportId).sort();
    const versionRows = async () => (await readAllRowsRaw(dbName)).filter((row) => row.table === 'reportVersions').length;
    expect(await versionRows()).toBe(2);
    await sendReceipt(mailbox, session, 2);
    await engine.trigger('manual');
    expect(await session.listReports()).toEqual([]);
    expect((await session.listRemovedReports()).map((r) => r.reportId).sort()).toEqual(ids);
    expect(await versionRows()).toBe(0);
    engine.stop();
    store.close();
  });
});
