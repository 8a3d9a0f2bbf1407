import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { Dexie } from 'dexie';
import { openBundle } from '../../../src/bundle/openBundle';
import { sealBundle } from '../../../src/bundle/sealBundle';
import { sha256 } from '../../../src/crypto/sha256';
import { toBase64Url, utf8Encode } from '../../../src/crypto/bytes';
import { PADDING_BUCKETS } from '../../../src/crypto/padding';
import { BUNDLE_HEADER_PREFIX_BYTES, bundleSizes } from '../../../src/protocol/bundleFormat';
import type { ReportVersionRow } from '../../../src/store/schema';
import { sealedRecordBytes } from '../../../src/store/sealedReportVersion';
import type { BundlePacking, BundleSealer, ReportVersionRecord, VaultSession } from '../../../src/store/storeApi';
import { joinOrganisation } from '../../../src/sync/joinOrganisation';
import { outboxPacking } from '../../../src/sync/outboxPacking';
import { sealForOutbox } from '../../../src/sync/sealForOutbox';
import { TEXT_BUCKET_BYTES } from '../../../src/sync/versionsThatFit';
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
    expect(await session.sealPendingVersions(outboxPacking, 'everything')).toEqual({ ok: false, reason: 'not-joined' });
    expect((await readOutboxRaw(dbName)).map((row) => row.state)).toEqual(['unsealed']);
    expect(await session.unsentBundles()).toEqual([]);
    store.close();
  });

  it('stores bundles that every coordinator opens, signed by this device, counters contiguous, hashes chained', async () => {
    const { store, session, dbName } = await joinedStore('chain');
    const report = sampleReport();
    for (const r of [report, sampleReport(), { ...report, narrative: 'Amended: they came back at night.' }]) expect((await session.saveReport(r)).ok).toBe(true);
    expect(await session.sealPendingVersions(outboxPacking, 'everything')).toEqual({ ok: true, value: 1 });
    for (const r of [sampleReport(), sampleReport()]) expect((await session.saveReport(r)).ok).toBe(true);
    expect(await session.sealPendingVersions(outboxPacking, 'everything')).toEqual({ ok: true, value: 1 });

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
    expect((await session.sealPendingVersions(outboxPacking, 'everything')).ok).toBe(true);
    const before = await session.unsentBundles();
    expect(await session.unsentBundles()).toEqual(before);
    // Sealing again finds nothing pending: a version is sealed once, never re-sealed with a new nonce.
    expect(await session.sealPendingVersions(outboxPacking, 'everything')).toEqual({ ok: true, value: 0 });
    store.close();
    const reopened = openTestStore(dbName);
    const unlocked = await reopened.unlock(PASSPHRASE);
    if (!unlocked.ok) throw new Error(unlocked.reason);
    expect(await unlocked.value.unsentBundles()).toEqual(before);
    reopened.close();
  });

  it('queues the unsent bundles after a counter, each decrypted to the same bytes only when opened, and none once locked', async () => {
    const { store, session } = await joinedStore('queue');
    for (let i = 0; i < 3; i++) {
      expect((await session.saveReport(sampleReport())).ok).toBe(true);
      expect((await session.sealPendingVersions(outboxPacking, 'everything')).ok).toBe(true);
    }
    const all = await session.unsentBundles();
    const queue = await session.unsentBundleQueue();
    expect(queue.map((bundle) => [bundle.firstCounter, bundle.lastCounter])).toEqual(all.map((bundle) => [bundle.firstCounter, bundle.lastCounter]));
    expect(await Promise.all(queue.map((bundle) => bundle.open()))).toEqual(all);
    expect((await session.unsentBundleQueue(1)).map((bundle) => bundle.firstCounter)).toEqual([2, 3]);
    expect(await session.unsentBundleQueue(3)).toEqual([]);
    // Delivered bundles leave the queue.
    expect((await session.markBundleDelivered(2, 1)).ok).toBe(true);
    expect((await session.unsentBundleQueue()).map((bundle) => bundle.firstCounter)).toEqual([1, 3]);
    await expect(session.unsentBundleQueue(-1)).rejects.toThrow(RangeError);
    const [first] = queue;
    session.lock();
    await expect(first?.open()).rejects.toThrow(/locked/);
    await expect(session.unsentBundleQueue()).rejects.toThrow(/locked/);
    store.close();
  });

  it('splits into bundles of at most maxVersions, and halves a batch the sealer finds too large', async () => {
    const { store, session } = await joinedStore('split');
    for (let i = 0; i < 5; i++) expect((await session.saveReport(sampleReport())).ok).toBe(true);
    const batchSizes: number[] = [];
    const onlyPairs: BundleSealer = (request) => {
      batchSizes.push(request.versions.length);
      return request.versions.length > 2 ? { ok: false, reason: 'too-large' } : sealForOutbox(request);
    };
    expect(await session.sealPendingVersions({ ...outboxPacking, seal: onlyPairs, maxVersions: 4 }, 'everything')).toEqual({ ok: true, value: 3 });
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
    await expect(session.sealPendingVersions({ ...outboxPacking, seal: failing }, 'everything')).rejects.toThrow('sealer bug');
    expect(seen).not.toBeNull();
    expect([...(seen ?? new Uint8Array(1))].every((byte) => byte === 0)).toBe(true);
    expect((await readOutboxRaw(dbName)).map((row) => row.state)).toEqual(['unsealed', 'unsealed']);
    expect(await session.unsentBundles()).toEqual([]);
    expect(await session.sealPendingVersions(outboxPacking, 'everything')).toEqual({ ok: true, value: 1 });
    store.close();
  });

  it('answers locked once the session is locked', async () => {
    const { store, session } = await joinedStore('locked');
    session.lock();
    expect(await session.sealPendingVersions(outboxPacking, 'everything')).toEqual({ ok: false, reason: 'locked' });
    await expect(session.unsentBundles()).rejects.toThrow(/locked/);
    store.close();
  });
});

/** The padded payload's size (its bucket), read off the bundle's length: header, nonce and tag are fixed. */
function paddedBytes(bundle: Uint8Array, recipients: number): number {
  const header = BUNDLE_HEADER_PREFIX_BYTES + MAILBOX_ID.length + bundleSizes.recipientCount + recipients * bundleSizes.slot + bundleSizes.nonce;
  return bundle.length - header - bundleSizes.bodyTag;
}

async function allVersions(session: VaultSession): Promise<Map<number, ReportVersionRecord>> {
  const histories = await Promise.all((await session.listReports()).map((summary) => session.reportHistory(summary.reportId)));
  return new Map(histories.flat().map((record) => [record.counter, record]));
}

/** Packs by a byte budget over the record sizes, like versionsThatFit but small, to exercise the store's rules. */
const budgetPacking = (budget: number, maxVersions = 64): BundlePacking => ({
  seal: sealForOutbox,
  maxVersions,
  fit: (sizes) => {
    let used = 0;
    const count = sizes.findIndex((size) => (used += size) > budget);
    return count === -1 ? sizes.length : count;
  },
});

describe('sealing policy: as many versions as fit in the 64 KiB padding bucket', () => {
  it('aims at the largest bucket below 1 MiB', () => {
    const at = PADDING_BUCKETS.indexOf(TEXT_BUCKET_BYTES);
    expect(at).toBeGreaterThan(0);
    expect(PADDING_BUCKETS[at + 1]).toBe(1024 * 1024);
  });

  it('sizes versions from their stored ciphertext exactly as the bundle will hold them (nothing decrypted)', async () => {
    const { store, session, dbName } = await joinedStore('record-bytes');
    const reports = [sampleReport(), sampleReport({ narrative: 'Полиция пришла ночью. Қорқытты. '.repeat(40) }), sampleReport({ peopleAffected: [{ name: 'Айгүл', role: 'activist' }] } as never)];
    for (const report of reports) expect((await session.saveReport(report)).ok).toBe(true);
    const db = new Dexie(dbName);
    await db.open();
    const rows = (await db.table('reportVersions').toArray()) as ReportVersionRow[];
    db.close();
    const records = await allVersions(session);
    expect(rows.map(sealedRecordBytes)).toEqual(rows.map((row) => utf8Encode(JSON.stringify(records.get(row.counter))).length));
    store.close();
  });

  it('fills each bundle to the 64 KiB bucket, and one more version would not have fitted', async () => {
    const { store, session } = await joinedStore('bucket');
    // Reports of different lengths and scripts, about 3 to 9 KB of JSON each.
    for (let i = 0; i < 30; i++) {
      const narrative = `${i % 2 === 0 ? 'Сотрудники пришли ночью. ' : 'Officers came at dawn. '}`.repeat(100 + ((i * 37) % 160));
      expect((await session.saveReport(sampleReport({ narrative }))).ok).toBe(true);
    }
    expect(await session.sealPendingVersions(outboxPacking, 'everything')).toEqual({ ok: true, value: expect.any(Number) as number });
    const bundles = await session.unsentBundles();
    expect(bundles.length).toBeGreaterThan(2);
    const records = await allVersions(session);
    const recipients = COORDINATORS.map((coordinator) => coordinator.box.publicKey);
    for (const [i, bundle] of bundles.entries()) {
      expect(bundle.firstCounter).toBe(i === 0 ? 1 : (bundles[i - 1]?.lastCounter ?? 0) + 1);
      const next = records.get(bundle.lastCounter + 1);
      // The last bundle holds what was left, so it may land in a smaller bucket.
      if (next === undefined) {
        expect(paddedBytes(bundle.bytes, recipients.length)).toBeLessThanOrEqual(TEXT_BUCKET_BYTES);
        continue;
      }
      expect(paddedBytes(bundle.bytes, recipients.length)).toBe(TEXT_BUCKET_BYTES);
      // The same versions and the next one, sealed for comparison: that bundle pads to the 1 MiB bucket.
      const versions = [...Array(bundle.lastCounter - bundle.firstCounter + 1).keys()].map((k) => records.get(bundle.firstCounter + k));
      const bigger = await session.withDeviceKey((device) =>
        sealBundle({ mailboxId: MAILBOX_ID, recipients, device, versions: [...versions, next].filter((v) => v !== undefined), previousBundleHash: i === 0 ? new Uint8Array(32) : sha256(bundles[i - 1]?.bytes ?? new Uint8Array()) }),
      );
      if (!bigger.ok) throw new Error(bigger.reason);
      expect(paddedBytes(bigger.value.bytes, recipients.length)).toBe(1024 * 1024);
    }
    store.close();
  });

  it("with 'full-bundles', seals nothing short of a full bundle, and a bundle once the next version would not fit", async () => {
    const { store, session, dbName } = await joinedStore('full-only');
    const sizes: number[] = [];
    const measuring: BundlePacking = { ...budgetPacking(4_000), fit: (recordBytes) => (sizes.splice(0, sizes.length, ...recordBytes), budgetPacking(4_000).fit(recordBytes)) };
    // About 1.2 KB of JSON each: three fit in the budget, four do not.
    const narrative = 'x'.repeat(700);
    for (let i = 0; i < 3; i++) {
      expect((await session.saveReport(sampleReport({ narrative }))).ok).toBe(true);
      expect(await session.sealPendingVersions(measuring, 'full-bundles')).toEqual({ ok: true, value: 0 });
    }
    expect(sizes.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(4_000);
    expect((await session.saveReport(sampleReport({ narrative }))).ok).toBe(true);
    expect(await session.sealPendingVersions(measuring, 'full-bundles')).toEqual({ ok: true, value: 1 });
    expect((await readOutboxRaw(dbName)).map((row) => row.state)).toEqual(['sealed', 'sealed', 'sealed', 'unsealed']);
    expect(await session.sealPendingVersions(measuring, 'full-bundles')).toEqual({ ok: true, value: 0 });
    // 'everything' (an upload attempt, an export) seals the rest.
    expect(await session.sealPendingVersions(measuring, 'everything')).toEqual({ ok: true, value: 1 });
    expect((await session.unsentBundles()).map((b) => [b.firstCounter, b.lastCounter])).toEqual([
      [1, 3],
      [4, 4],
    ]);
    store.close();
  });

  it("with 'full-bundles', a bundle that reached maxVersions is full, and a version too large for the bucket goes alone", async () => {
    const { store, session } = await joinedStore('full-by-count');
    const packing = budgetPacking(5_000, 3);
    for (const narrative of ['a', 'b', 'c', 'd', 'y'.repeat(6_000), 'e']) expect((await session.saveReport(sampleReport({ narrative }))).ok).toBe(true);
    // [1..3] reached maxVersions; [4] is full because 5 does not fit beside it; 5 alone exceeds the budget.
    expect(await session.sealPendingVersions(packing, 'full-bundles')).toEqual({ ok: true, value: 3 });
    expect((await session.unsentBundles()).map((b) => [b.firstCounter, b.lastCounter])).toEqual([
      [1, 3],
      [4, 4],
      [5, 5],
    ]);
    expect((await session.outboxSummary()).unsealedVersions).toBe(1);
    store.close();
  });

  it('refuses a packing that answers outside its contract (a bug in the caller)', async () => {
    const { store, session } = await joinedStore('bad-packing');
    expect((await session.saveReport(sampleReport())).ok).toBe(true);
    await expect(session.sealPendingVersions({ ...outboxPacking, fit: (sizes) => sizes.length + 1 }, 'everything')).rejects.toThrow(/packing.fit/);
    await expect(session.sealPendingVersions({ ...outboxPacking, maxVersions: 0 }, 'everything')).rejects.toThrow(/maxVersions/);
    await expect(session.sealPendingVersions(outboxPacking, 'all' as never)).rejects.toThrow(/scope/);
    store.close();
  });
});

describe('markBundleDelivered', () => {
  it('marks the versions delivered, and a report only once every one of its versions is delivered', async () => {
    const { store, session, dbName } = await joinedStore('delivered');
    const report = sampleReport();
    expect((await session.saveReport(report)).ok).toBe(true);
    expect((await session.sealPendingVersions(outboxPacking, 'everything')).ok).toBe(true);
    expect((await session.saveReport({ ...report, narrative: 'Amended.' })).ok).toBe(true);
    expect((await session.sealPendingVersions(outboxPacking, 'everything')).ok).toBe(true);

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

  it('records several answers in one transaction: all of them, or none when one is a bug', async () => {
    const { store, session, dbName } = await joinedStore('delivered-batch');
    for (let i = 0; i < 3; i++) {
      expect((await session.saveReport(sampleReport())).ok).toBe(true);
      expect((await session.sealPendingVersions(outboxPacking, 'everything')).ok).toBe(true);
    }
    const [first, , third] = await session.unsentBundles();
    if (first === undefined || third === undefined) throw new Error('set-up: three bundles expected');
    const answer = (bundle: typeof first, seq: number) => ({ firstCounter: bundle.firstCounter, lastCounter: bundle.lastCounter, id: bundle.id, seq });
    await expect(session.markBundlesDelivered([answer(first, 4), { ...answer(third, 5), firstCounter: 9, lastCounter: 9 }])).rejects.toThrow(/no bundle/);
    // Counters that are not the bundle's own are a bug in the caller: nothing is written.
    await expect(session.markBundlesDelivered([answer(first, 4), { ...answer(first, 4), lastCounter: 2 }])).rejects.toThrow(/does not carry/);
    expect((await readOutboxRaw(dbName)).map((row) => row.state)).toEqual(['sealed', 'sealed', 'sealed']);
    expect(await session.markBundlesDelivered([answer(third, 6), answer(first, 4), answer(first, 4)])).toEqual({ ok: true, value: undefined });
    expect((await readOutboxRaw(dbName)).map((row) => row.state)).toEqual(['delivered', 'sealed', 'delivered']);
    expect((await session.unsentBundles()).map((b) => b.firstCounter)).toEqual([2]);
    expect(await session.markBundlesDelivered([])).toEqual({ ok: true, value: undefined });
    store.close();
  });

  it('an amendment of a report a coordinator already acknowledged is delivered once the amendment is', async () => {
    const { store, session } = await joinedStore('delivered-after-receipt');
    const report = sampleReport();
    expect((await session.saveReport(report)).ok).toBe(true);
    expect((await session.sealPendingVersions(outboxPacking, 'everything')).ok).toBe(true);
    expect((await session.markBundleDelivered(1, 1)).ok).toBe(true);
    expect((await session.applyReceipt([{ first: 1, last: 1 }])).ok).toBe(true);
    expect((await session.listReports()).map((r) => r.state)).toEqual(['acknowledged']);
    expect((await session.saveReport({ ...report, narrative: 'Amended after the receipt.' })).ok).toBe(true);
    expect((await session.listReports()).map((r) => r.state)).toEqual(['queued']);
    expect((await session.sealPendingVersions(outboxPacking, 'everything')).ok).toBe(true);
    expect((await session.markBundleDelivered(2, 2)).ok).toBe(true);
    expect((await session.listReports()).map((r) => r.state)).toEqual(['delivered']);
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
    expect((await session.sealPendingVersions(outboxPacking, 'everything')).ok).toBe(true);
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
    expect((await session.sealPendingVersions(outboxPacking, 'everything')).ok).toBe(true);
    expect((await session.markBundleDelivered(2, 2)).ok).toBe(true);
    expect(await session.outboxSummary()).toMatchObject({ reports: { local: 0, queued: 0, delivered: 2 }, unsentBundles: 0, oldestUndeliveredSavedAt: null });
    store.close();
  });
});
