import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { OrgUpdateStatement } from '../../../src/bundle/orgUpdateStatement';
import { sealOrgUpdate } from '../../../src/bundle/sealOrgUpdate';
import { sealReceipt } from '../../../src/bundle/sealReceipt';
import { toBase64Url, utf8Encode } from '../../../src/crypto/bytes';
import { sha256 } from '../../../src/crypto/sha256';
import { generateSigningKeyPair, signingKeyPairFromSeed } from '../../../src/crypto/signingKeys';
import type { SigningKeyPair } from '../../../src/crypto/signingKeys';
import { generateBoxKeyPair } from '../../../src/crypto/x25519';
import type { VaultSession } from '../../../src/store/storeApi';
import { applyOrgUpdates } from '../../../src/sync/applyOrgUpdates';
import { joinOrganisation } from '../../../src/sync/joinOrganisation';
import { createdStore } from '../store/storeTestKit';
import { MAILBOX_ID, testInvite } from './syncTestKit';

/** The secret half of syncTestKit's first coordinator (the invite pins its public key). */
const aigerim: SigningKeyPair = signingKeyPairFromSeed(sha256(utf8Encode('sign:Aigerim')));
const nurlanSign = generateSigningKeyPair();
const nurlan = { name: 'Nurlan', boxPublicKey: toBase64Url(generateBoxKeyPair().publicKey), signPublicKey: toBase64Url(nurlanSign.publicKey) };
const invited = testInvite().coordinators;

async function joinedSession(label: string): Promise<VaultSession> {
  const { session } = await createdStore(label);
  const joined = await joinOrganisation(session, testInvite());
  if (!joined.ok) throw new Error(joined.reason);
  return session;
}

async function sealedFor(session: VaultSession, statement: Partial<OrgUpdateStatement>, signer: SigningKeyPair): Promise<Uint8Array> {
  const devicePublicKey = await session.withDeviceKey((device) => device.publicKey.slice());
  const sealed = sealOrgUpdate({ format: 1, mailboxId: MAILBOX_ID, sequence: 1, coordinators: [...invited, nurlan], issuedAtHour: 1, ...statement }, signer, devicePublicKey);
  if (sealed === null) throw new Error('sealOrgUpdate refused the device key');
  return sealed.bytes;
}

async function organisationOf(session: VaultSession) {
  const organisation = await session.organisation();
  if (organisation === null) throw new Error('not joined');
  return organisation;
}

describe('applyOrgUpdates', () => {
  it('applies a chain in sequence order whatever order the relay lists it in, the second signed by the key the first added', async () => {
    const session = await joinedSession('sync-org-update-chain');
    const first = await sealedFor(session, { sequence: 1, uploadToken: 'rotated-token' }, aigerim);
    const second = await sealedFor(session, { sequence: 2, coordinators: [nurlan] }, nurlanSign);
    const outcome = await applyOrgUpdates(session, await organisationOf(session), [second, first]);
    expect(outcome.stored).toBe(true);
    expect(outcome.applied.map((update) => update.statement.sequence)).toEqual([1, 2]);
    const organisation = await organisationOf(session);
    expect(organisation.coordinators.map((c) => c.name)).toEqual(['Nurlan']);
    expect(organisation.uploadToken).toBe('rotated-token');
    expect(organisation.lastUpdate).toMatchObject({ sequence: 2, signerName: 'Nurlan', keysChanged: true });
  });

  it('ignores an update signed only by the key it adds, replays, and receipts, and changes nothing', async () => {
    const session = await joinedSession('sync-org-update-refused');
    const before = await organisationOf(session);
    const selfSigned = await sealedFor(session, { sequence: 1 }, nurlanSign);
    const devicePublicKey = await session.withDeviceKey((device) => device.publicKey.slice());
    const receipt = sealReceipt({ devicePublicKey, organisationMailbox: MAILBOX_ID, counters: [{ first: 1, last: 1 }], coordinator: aigerim, now: 0 });
    if (receipt === null) throw new Error('sealReceipt refused the device key');
    expect(await applyOrgUpdates(session, before, [selfSigned, receipt.bytes])).toEqual({ applied: [], stored: true });
    expect((await organisationOf(session)).coordinators.map((c) => c.name)).toEqual(before.coordinators.map((c) => c.name));

    const good = await sealedFor(session, { sequence: 1 }, aigerim);
    expect((await applyOrgUpdates(session, before, [good])).applied).toHaveLength(1);
    const replay = await applyOrgUpdates(session, await organisationOf(session), [good]);
    expect(replay).toEqual({ applied: [], stored: true });
  });
});
