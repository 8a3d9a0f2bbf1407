import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { toBase64Url } from '../../../src/crypto/bytes';
import { generateSigningKeyPair } from '../../../src/crypto/signingKeys';
import { generateBoxKeyPair } from '../../../src/crypto/x25519';
import type { BundleSealer, BundleSealRequest, CoordinatorKeys, OrganisationInput } from '../../../src/store/storeApi';
import { createdStore, sampleReport } from './storeTestKit';

function coordinator(name: string): CoordinatorKeys {
  return { name, boxPublicKey: toBase64Url(generateBoxKeyPair().publicKey), signPublicKey: toBase64Url(generateSigningKeyPair().publicKey) };
}

const A = coordinator('Aigerim');
const B = coordinator('Bolat');
const C = coordinator('Nurlan');
const input: OrganisationInput = { name: 'Steppe Watch', mailboxId: 'AAAAAAAAAAAAAAAAAAAAAA', relays: ['https://relay.example'], uploadToken: 'old-token', coordinators: [A, B] };

async function joined(label: string) {
  const created = await createdStore(label);
  const join = await created.session.joinOrganisation(input);
  if (!join.ok) throw new Error(`set-up: join failed: ${join.reason}`);
  return created;
}

describe('applyOrganisationUpdate', () => {
  it('replaces the pinned coordinators, token and relays, and new bundles are sealed to the new set', async () => {
    const { session } = await joined('org-update-apply');
    const applied = await session.applyOrganisationUpdate({ sequence: 1, coordinators: [A, C], uploadToken: 'new-token', relays: ['https://mirror.example'], signer: B });
    expect(applied.ok).toBe(true);
    const organisation = await session.organisation();
    expect(organisation?.coordinators.map((c) => c.signPublicKey)).toEqual([A.signPublicKey, C.signPublicKey]);
    expect(organisation?.uploadToken).toBe('new-token');
    expect(organisation?.relays).toEqual(['https://mirror.example']);
    expect(organisation?.lastUpdate).toMatchObject({ sequence: 1, signerName: 'Bolat', keysChanged: true });
    expect(organisation?.lastUpdate?.signerFingerprint).toMatch(/^[A-Z2-7]{4}( [A-Z2-7]{4}){3}$/);

    expect((await session.saveReport(sampleReport())).ok).toBe(true);
    const requests: BundleSealRequest[] = [];
    const seal: BundleSealer = (request) => {
      requests.push(request);
      return { ok: true, value: new Uint8Array([1, 2, 3]) };
    };
    const sealed = await session.sealPendingVersions({ seal, maxVersions: 64, fit: (sizes) => sizes.length }, 'everything');
    expect(sealed).toEqual({ ok: true, value: 1 });
    expect(requests[0]?.recipients.map((key) => toBase64Url(key))).toEqual([A.boxPublicKey, C.boxPublicKey]);
  });

  it('keeps the token and relays when the update leaves them out, and an old invite no longer renews', async () => {
    const { session } = await joined('org-update-keep');
    expect((await session.applyOrganisationUpdate({ sequence: 2, coordinators: [A, C], signer: A })).ok).toBe(true);
    const organisation = await session.organisation();
    expect(organisation?.uploadToken).toBe('old-token');
    expect(organisation?.relays).toEqual(['https://relay.example']);
    expect(await session.joinOrganisation(input)).toEqual({ ok: false, reason: 'keys-differ' });
  });

  it('refuses a replayed or older sequence and changes nothing', async () => {
    const { session } = await joined('org-update-stale');
    expect((await session.applyOrganisationUpdate({ sequence: 5, coordinators: [A, C], signer: A })).ok).toBe(true);
    expect(await session.applyOrganisationUpdate({ sequence: 5, coordinators: [B], signer: A })).toEqual({ ok: false, reason: 'stale' });
    expect(await session.applyOrganisationUpdate({ sequence: 4, coordinators: [B], signer: A })).toEqual({ ok: false, reason: 'stale' });
    expect((await session.organisation())?.coordinators.map((c) => c.name)).toEqual(['Aigerim', 'Nurlan']);
  });

  it('refuses before joining, and unusable keys', async () => {
    const { session } = await createdStore('org-update-unjoined');
    expect(await session.applyOrganisationUpdate({ sequence: 1, coordinators: [A], signer: A })).toEqual({ ok: false, reason: 'not-joined' });
    const { session: member } = await joined('org-update-unusable');
    const lowOrder = { ...C, boxPublicKey: toBase64Url(new Uint8Array(32)) };
    expect(await member.applyOrganisationUpdate({ sequence: 1, coordinators: [A, lowOrder], signer: A })).toEqual({ ok: false, reason: 'unusable-key' });
    expect(await member.applyOrganisationUpdate({ sequence: 1, coordinators: [], signer: A })).toEqual({ ok: false, reason: 'unusable-key' });
  });
});
