import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openBundle } from '../../../src/bundle/openBundle';
import { sha256 } from '../../../src/crypto/sha256';
import { toBase64Url } from '../../../src/crypto/bytes';
import type { BundleSealer } from '../../../src/store/storeApi';
import { joinOrganisation } from '../../../src/sync/joinOrganisation';
import { sealForOutbox } from '../../../src/sync/sealForOutbox';
import { openTestStore, createdStore, PASSPHRASE, sampleReport } from '../store/storeTestKit';
import { COORDINATORS, MAILBOX_ID, testInvite } from './syncTestKit';
import { readOutboxRaw } from './readOutboxRaw';

async function joinedStore(label: string) {
  const created = await createdStore(label);
  const joined = await joinOrganisation(created.session, testInvite());
  if (!joined.ok) throw new Error(`set-up: join failed: ${joined.reason}`);
  return created;
}

describe('sealPendingVersions', () => {
  it('seals nothing before an organisation is joined: versions stay unsealed, reports on this phone only', async () => {
    const { store, session, dbName } = await createdStore('not-joined');
    expect((await session.saveReport(sampleReport())).ok).toBe(true);
    expect(await session.sealPendingVersions(sealForOutbox, 64)).toEqual({ ok: false, reason: 'not-joined' });
    expect((await readOutboxRaw(dbName)).map((row) => row.state)).toEqual(['unsealed']);
    expect(await session.unsentBundles()).toEqual([]);
    store.close();
  });

  it('stores bundles that every coordinator opens, signed by this device, counters contiguous, hashes chained', async () => {
    const { store, session, dbName } = await joinedStore('chain');
    const report = sampleReport();
    for (const r of [report, sampleReport(), { ...report, narrative: 'Amended: they came back at night.' }]) expect((await session.saveReport(r)).ok).toBe(true);
    expect(await session.sealPendingVersions(sealForOutbox, 64)).toEqual({ ok: true, value: 1 });
    for (const r of [sampleReport(), sampleReport()]) expect((await session.saveReport(r)).ok).toBe(true);
    expect(await session.sealPendingVersions(sealForOutbox, 64)).toEqual({ ok: true, value: 1 });

    const [first, second] = await session.unsentBundles();
    if (first === undefined || second === undefined) throw new Error('two bundles expected');
    expect([first.firstCounter, first.lastCounter, second.firstCounter, second.lastCounter]).toEqual([1, 3, 4, 5]);
    expect(first.id).toBe(toBase64Url(sha256(first.bytes)));
    for (const coordinator of COORDINATORS) {
      const opened = openBundle(first.bytes, { mailboxId: MAILBOX_ID, recipientKeyPair: coordinator.box });
      if (!opened.ok) throw new Error(opened.reason);
      expect(opened.value.deviceId).toBe(session.deviceId);
      expect(opened.value.previousBundleHash).toEqual(new Uint8Array(32));
      expect(opened.value.versions).toEqual([...(await session.reportHistory(report.id)).slice(0, 1), ...(await session.listReports()).filter((s) => s.latest.counter === 2).map((s) => s.latest), (await session.reportHistory(report.id))[1]]);
    }
    const next = openBundle(second.bytes, { mailboxId: MAILBOX_ID, recipientKeyPair: COORDINATORS[1].box });
    expect(next.ok && [next.value.firstCounter, next.value.previousBundleHash]).toEqual([4, sha256(first.bytes)]);
    expect((await readOutboxRaw(dbName)).map((row) => [row.counter, row.state, row.bundle])).toEqual([
      [1, 'sealed', 1],
      [2, 'sealed', 1],
      [3, 'sealed', 1],
      [4, 'sealed', 4],
      [5, 'sealed', 4],
    ]);
    store.close();
  });

  it('keeps the sealed bytes: the same bytes come back later and after the store is closed and reopened', async () => {
    const { store, session, dbName } = await joinedStore('same-bytes');
    expect((await session.saveReport(sampleReport())).ok).toBe(true);
    expect((await session.sealPendingVersions(sealForOutbox, 64)).ok).toBe(true);
    const before = await session.unsentBundles();
    expect(await session.unsentBundles()).toEqual(before);
    // Sealing again finds nothing pending: a version is sealed once, never re-sealed with a new nonce.
    expect(await session.sealPendingVersions(sealForOutbox, 64)).toEqual({ ok: true, value: 0 });
    store.close();
    const reopened = openTestStore(dbName);
    const unlocked = await reopened.unlock(PASSPHRASE);
    if (!unlocked.ok) throw new Error(unlocked.reason);
    expect(await unlocked.value.unsentBundles()).toEqual(before);
    reopened.close();
  });

  it('splits into bundles of at most maxVersionsPerBundle, and halves a batch the sealer finds too large', async () => {
    const { store, session } = await joinedStore('split');
    for (let i = 0; i < 5; i++) expect((await session.saveReport(sampleReport())).ok).toBe(true);
    const batchSizes: number[] = [];
    const onlyPairs: BundleSealer = (request) => {
      batchSizes.push(request.versions.length);
      return request.versions.length > 2 ? { ok: false, reason: 'too-large' } : sealForOutbox(request);
    };
    expect(await session.sealPendingVersions(onlyPairs, 4)).toEqual({ ok: true, value: 3 });
    expect((await session.unsentBundles()).map((b) => [b.firstCounter, b.lastCounter])).toEqual([
      [1, 2],
      [3, 4],
      [5, 5],
    ]);
    // Each bundle starts from min(max, remaining) and halves: 4→2 sealed, 3→2 sealed, 1 sealed.
    expect(batchSizes).toEqual([4, 2, 3, 2, 1]);
    store.close();
  });

  it('writes nothing when sealing fails midway (one transaction), and hands the sealer a wiped key afterwards', async () => {
    const { store, session, dbName } = await joinedStore('atomic');
    for (let i = 0; i < 2; i++) expect((await session.saveReport(sampleReport())).ok).toBe(true);
    let seen: Uint8Array | null = null;
    const failing: BundleSealer = (request) => {
      seen = request.device.secretKey;
      expect(toBase64Url(request.device.publicKey)).toBe(session.deviceId);
      throw new Error('sealer bug');
    };
    await expect(session.sealPendingVersions(failing, 64)).rejects.toThrow('sealer bug');
    expect(seen).not.toBeNull();
    expect([...(seen ?? new Uint8Array(1))].every((byte) => byte === 0)).toBe(true);
    expect((await readOutboxRaw(dbName)).map((row) => row.state)).toEqual(['unsealed', 'unsealed']);
    expect(await session.unsentBundles()).toEqual([]);
    expect(await session.sealPendingVersions(sealForOutbox, 64)).toEqual({ ok: true, value: 1 });
    store.close();
  });

  it('answers locked once the session is locked', async () => {
    const { store, session } = await joinedStore('locked');
    session.lock();
    expect(await session.sealPendingVersions(sealForOutbox, 64)).toEqual({ ok: false, reason: 'locked' });
    await expect(session.unsentBundles()).rejects.toThrow(/locked/);
    store.close();
  });
});

describe('markBundleDelivered', () => {
  it('marks the versions delivered, and a report only once every one of its versions is delivered', async () => {
    const { store, session, dbName } = await joinedStore('delivered');
    const report = sampleReport();
    expect((await session.saveReport(report)).ok).toBe(true);
    expect((await session.sealPendingVersions(sealForOutbox, 64)).ok).toBe(true);
    expect((await session.saveReport({ ...report, narrative: 'Amended.' })).ok).toBe(true);
    expect((await session.sealPendingVersions(sealForOutbox, 64)).ok).toBe(true);

    expect(await session.markBundleDelivered(2, 8)).toEqual({ ok: true, value: undefined });
    expect((await session.listReports()).map((r) => r.state)).toEqual(['queued']);
    expect((await session.unsentBundles()).map((b) => b.firstCounter)).toEqual([1]);
    expect(await session.markBundleDelivered(1, 9)).toEqual({ ok: true, value: undefined });
    expect((await session.listReports()).map((r) => r.state)).toEqual(['delivered']);
    // Idempotent: a second answer for the same bundle (another tab, a retry) changes nothing.
    expect(await session.markBundleDelivered(1, 9)).toEqual({ ok: true, value: undefined });
    expect((await readOutboxRaw(dbName)).map((row) => row.state)).toEqual(['delivered', 'delivered']);
    expect(await session.unsentBundles()).toEqual([]);

    // An amendment after delivery waits to be sent again.
    expect((await session.saveReport({ ...report, narrative: 'Amended twice.' })).ok).toBe(true);
    expect((await session.listReports()).map((r) => r.state)).toEqual(['queued']);
    store.close();
  });

  it('refuses arguments no relay answer produces', async () => {
    const { store, session } = await joinedStore('bad-args');
    await expect(session.markBundleDelivered(0, 1)).rejects.toThrow(/firstCounter/);
    await expect(session.markBundleDelivered(1, 0)).rejects.toThrow(/seq/);
    await expect(session.markBundleDelivered(7, 1)).rejects.toThrow(/no bundle/);
    store.close();
  });
});

describe('outboxSummary', () => {
  it('counts reports by state and dates the oldest undelivered version', async () => {
    let now = 1_700_000_000_000;
    const { store, session } = await createdStore('summary', { now: () => (now += 1000) });
    expect((await session.saveReport(sampleReport())).ok).toBe(true);
    const firstSavedAt = now;
    expect(await session.outboxSummary()).toEqual({
      joined: false,
      reports: { local: 1, queued: 0, delivered: 0 },
      unsealedVersions: 1,
      unsentBundles: 0,
      oldestUndeliveredSavedAt: firstSavedAt,
    });
    expect((await joinOrganisation(session, testInvite())).ok).toBe(true);
    expect((await session.sealPendingVersions(sealForOutbox, 64)).ok).toBe(true);
    expect((await session.saveReport(sampleReport())).ok).toBe(true);
    const secondSavedAt = now;
    expect(await session.outboxSummary()).toEqual({
      joined: true,
      reports: { local: 0, queued: 2, delivered: 0 },
      unsealedVersions: 1,
      unsentBundles: 1,
      oldestUndeliveredSavedAt: firstSavedAt,
    });
    expect((await session.markBundleDelivered(1, 1)).ok).toBe(true);
    expect((await session.outboxSummary()).oldestUndeliveredSavedAt).toBe(secondSavedAt);
    expect((await session.sealPendingVersions(sealForOutbox, 64)).ok).toBe(true);
    expect((await session.markBundleDelivered(2, 2)).ok).toBe(true);
    expect(await session.outboxSummary()).toMatchObject({ reports: { local: 0, queued: 0, delivered: 2 }, unsentBundles: 0, oldestUndeliveredSavedAt: null });
    store.close();
  });
});
