import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { fromBase64Url, toBase64Url } from '../../../src/crypto/bytes';
import { fingerprint } from '../../../src/crypto/fingerprint';
import { joinOrganisation } from '../../../src/sync/joinOrganisation';
import { previewInvite } from '../../../src/sync/previewInvite';
import { createdStore, sampleReport } from '../store/storeTestKit';
import { COORDINATORS, coordinatorKeys, MAILBOX_ID, RELAY_A, testInvite } from './syncTestKit';

const b64 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64url');
/** A point of order 8 on Curve25519 (libsodium's blocklist): every X25519 result with it is all zeros. */
const LOW_ORDER_POINT = b64(Buffer.from('e0eb7a7c3b41b8ae1656e3faf19fc46ada098deb9c32b1fd866205165f49b800', 'hex'));

describe('joinOrganisation', () => {
  it('stores the invite with both keys of each coordinator and their fingerprints', async () => {
    const { store, session } = await createdStore('join');
    const invite = testInvite();
    const joined = await joinOrganisation(session, invite);
    expect(joined.ok && joined.value.kind).toBe('joined');
    const organisation = await session.organisation();
    expect(organisation).toMatchObject({ name: invite.organisation, mailboxId: invite.mailboxId, relays: invite.relays, uploadToken: invite.uploadToken });
    expect(organisation?.coordinators.map((c) => [c.name, c.boxPublicKey, c.signPublicKey])).toEqual(invite.coordinators.map((c) => [c.name, c.boxPublicKey, c.signPublicKey]));
    expect(organisation?.coordinators.map((c) => [c.boxFingerprint, c.signFingerprint])).toEqual(
      COORDINATORS.map((keys) => [fingerprint(keys.box.publicKey), fingerprint(keys.signPublicKey)]),
    );
    store.close();
  });

  it('pins the keys: a later invite with another coordinator key or mailbox is refused and changes nothing', async () => {
    const { store, session } = await createdStore('pin');
    expect((await joinOrganisation(session, testInvite())).ok).toBe(true);
    const pinned = await session.organisation();

    const intruder = coordinatorKeys('intruder');
    const swapped = testInvite();
    const [first, second] = swapped.coordinators;
    if (first === undefined || second === undefined) throw new Error('set-up: two coordinators expected');
    const otherKeys = { ...swapped, coordinators: [{ ...first, boxPublicKey: toBase64Url(intruder.box.publicKey) }, second] };
    expect(await joinOrganisation(session, otherKeys)).toEqual({ ok: false, reason: 'keys-differ' });
    expect(await joinOrganisation(session, { ...swapped, coordinators: [first] })).toEqual({ ok: false, reason: 'keys-differ' });
    expect(await joinOrganisation(session, { ...swapped, coordinators: [first, { ...second, signPublicKey: toBase64Url(intruder.signPublicKey) }] })).toEqual({
      ok: false,
      reason: 'keys-differ',
    });
    const otherMailbox = b64(new Uint8Array(16).fill(3));
    expect(otherMailbox).not.toBe(MAILBOX_ID);
    expect(await joinOrganisation(session, testInvite({ mailboxId: otherMailbox }))).toEqual({ ok: false, reason: 'different-organisation' });
    expect(await session.organisation()).toEqual(pinned);
    store.close();
  });

  it('renews the upload token and relays from a new invite with the same keys (in any order), keeping the pinned rest', async () => {
    const { store, session } = await createdStore('renew');
    expect((await joinOrganisation(session, testInvite())).ok).toBe(true);
    const before = await session.organisation();
    const invite = testInvite();
    const newToken = b64(new Uint8Array(32).fill(5));
    const renewed = await joinOrganisation(session, { ...invite, organisation: 'Renamed by someone', uploadToken: newToken, relays: [RELAY_A], coordinators: [...invite.coordinators].reverse() });
    expect(renewed.ok && renewed.value.kind).toBe('renewed');
    const after = await session.organisation();
    expect(after).toEqual({ ...before, uploadToken: newToken, relays: [RELAY_A] });
    store.close();
  });

  it('refuses an X25519 key of low order before storing anything (control: the same invite with a good key joins)', async () => {
    const { store, session } = await createdStore('low-order');
    const invite = testInvite();
    const [first, second] = invite.coordinators;
    if (first === undefined || second === undefined) throw new Error('set-up: two coordinators expected');
    expect(fromBase64Url(LOW_ORDER_POINT)).toHaveLength(32);
    const hostile = { ...invite, coordinators: [{ ...first, boxPublicKey: LOW_ORDER_POINT }, second] };
    expect(previewInvite(hostile)).toEqual({ ok: false, reason: 'unusable-key' });
    expect(await joinOrganisation(session, hostile)).toEqual({ ok: false, reason: 'unusable-key' });
    expect(await session.organisation()).toBeNull();
    expect((await joinOrganisation(session, invite)).ok).toBe(true);
    store.close();
  });

  it('turns reports kept on this phone only into queued ones, and queues reports saved after joining', async () => {
    const { store, session } = await createdStore('queue');
    const before = sampleReport();
    expect((await session.saveReport(before)).ok).toBe(true);
    expect((await session.listReports()).map((r) => r.state)).toEqual(['local']);
    expect((await session.outboxSummary()).joined).toBe(false);
    expect((await joinOrganisation(session, testInvite())).ok).toBe(true);
    expect((await session.saveReport(sampleReport())).ok).toBe(true);
    expect((await session.listReports()).map((r) => r.state)).toEqual(['queued', 'queued']);
    expect((await session.outboxSummary()).reports).toEqual({ local: 0, queued: 2, delivered: 0 });
    store.close();
  });

  it('answers locked after lock, and previewInvite shows the same fingerprints the store pins', async () => {
    const { store, session } = await createdStore('locked');
    const preview = previewInvite(testInvite());
    expect(preview.ok && preview.value.coordinators.map((c) => c.boxFingerprint)).toEqual(COORDINATORS.map((k) => fingerprint(k.box.publicKey)));
    session.lock();
    expect(await joinOrganisation(session, testInvite())).toEqual({ ok: false, reason: 'locked' });
    store.close();
  });
});
