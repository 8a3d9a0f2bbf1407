// Upload-token rotation end to end against the real relay: after the coordinator rotates the token, the
// device's next upload is refused, it reads the signed update from its device mailbox with the retired
// token, applies it, and sends again with the new token — while an update nobody pinned signed changes nothing.
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sealOrgUpdate } from '../../../src/bundle/sealOrgUpdate';
import { fromBase64Url, utf8Encode } from '../../../src/crypto/bytes';
import { sha256 } from '../../../src/crypto/sha256';
import { generateSigningKeyPair, signingKeyPairFromSeed } from '../../../src/crypto/signingKeys';
import type { SigningKeyPair } from '../../../src/crypto/signingKeys';
import { systemClock } from '../../../src/platform/clock';
import { createFakeOnlineStatus } from '../../../src/platform/fakeOnlineStatus';
import { createFakePageVisibility } from '../../../src/platform/fakePageVisibility';
import { createBrowserHttp } from '../../../src/platform/http';
import { createMemoryExclusiveLock } from '../../../src/platform/memoryExclusiveLock';
import { rotateUploadTokenResponseSchema } from '../../../src/protocol/relayApi';
import type { CreateMailboxResponse } from '../../../src/protocol/relayApi';
import { relayPaths } from '../../../src/protocol/relayPaths';
import type { VaultSession } from '../../../src/store/storeApi';
import { createSyncEngine } from '../../../src/sync/createSyncEngine';
import { joinOrganisation } from '../../../src/sync/joinOrganisation';
import { ADMIN_TOKEN, bearer, createMailbox, idOf } from '../../relay/relayClient';
import { spawnRelay } from '../../relay/relayProcess';
import type { RelayProcess } from '../../relay/relayProcess';
import { createdStore, sampleReport } from '../store/storeTestKit';
import { testInvite } from './syncTestKit';

/** The secret half of syncTestKit's first coordinator (the invite pins its public key). */
const aigerim: SigningKeyPair = signingKeyPairFromSeed(sha256(utf8Encode('sign:Aigerim')));

let relay: RelayProcess;
beforeAll(async () => {
  relay = await spawnRelay({ env: { DALA_ADMIN_TOKEN: ADMIN_TOKEN, DALA_RATE_LIMIT_MAX: '1000000' } });
});
afterAll(() => relay.kill('SIGTERM'));

async function sendUpdate(mailbox: CreateMailboxResponse, session: VaultSession, uploadToken: string, signer: SigningKeyPair): Promise<void> {
  const devicePublicKey = fromBase64Url(session.deviceId);
  if (devicePublicKey === null) throw new Error('device id');
  const statement = { format: 1 as const, mailboxId: mailbox.mailboxId, sequence: Date.now(), coordinators: testInvite().coordinators, uploadToken, issuedAtHour: 1 };
  const sealed = sealOrgUpdate(statement, signer, devicePublicKey);
  if (sealed === null) throw new Error('no update');
  const bytes = new Uint8Array(sealed.bytes);
  const put = await fetch(relay.url + relayPaths.deviceMessage(sealed.deviceMailbox, idOf(bytes)), {
    method: 'PUT',
    headers: { ...bearer(mailbox.pullToken), 'content-type': 'application/octet-stream' },
    body: bytes,
  });
  expect(put.status).toBe(201);
}

async function deliveredDevice(label: string) {
  const mailbox = await createMailbox(relay.url);
  const created = await createdStore(label);
  const joined = await joinOrganisation(created.session, testInvite({ relays: [relay.url], mailboxId: mailbox.mailboxId, uploadToken: mailbox.uploadToken }));
  if (!joined.ok) throw new Error(joined.reason);
  expect((await created.session.saveReport(sampleReport())).ok).toBe(true);
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
  const rotated = await fetch(relay.url + relayPaths.uploadToken(mailbox.mailboxId), { method: 'POST', headers: bearer(mailbox.pullToken) });
  const { uploadToken } = rotateUploadTokenResponseSchema.parse(await rotated.json());
  expect((await created.session.saveReport(sampleReport())).ok).toBe(true);
  return { ...created, mailbox, engine, uploadToken };
}

describe('upload-token rotation reaches an enrolled device', () => {
  it('a refused upload reads the signed update, takes the new token and sends at once', async () => {
    const { session, store, mailbox, engine, uploadToken } = await deliveredDevice('rotation-applied');
    await sendUpdate(mailbox, session, uploadToken, aigerim);
    await engine.trigger('manual');
    expect((await session.organisation())?.uploadToken).toBe(uploadToken);
    expect((await session.listReports()).map((r) => r.state)).toEqual(['delivered', 'delivered']);
    engine.stop();
    store.close();
  });

  it('an update signed by a key nobody pinned leaves the device refused, with its old token', async () => {
    const { session, store, mailbox, engine, uploadToken } = await deliveredDevice('rotation-forged');
    await sendUpdate(mailbox, session, uploadToken, generateSigningKeyPair());
    await engine.trigger('manual');
    expect((await session.organisation())?.uploadToken).toBe(mailbox.uploadToken);
    expect(engine.snapshot().state).toMatchObject({ kind: 'blocked', reason: 'unauthorised' });
    engine.stop();
    store.close();
  });
});
