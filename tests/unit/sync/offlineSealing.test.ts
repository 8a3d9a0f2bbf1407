// The sealing policy (issue #3): offline, a save seals only a FULL bundle (as many versions as fit in the
// 64 KiB padding bucket); the rest waits unsealed, still "Waiting to send", until an upload attempt or
// "Export unsent" seals it.
import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { utf8Encode } from '../../../src/crypto/bytes';
import { parseExportFile } from '../../../src/protocol/exportFile';
import { exportUnsent } from '../../../src/sync/exportUnsent';
import { joinOrganisation } from '../../../src/sync/joinOrganisation';
import { versionsThatFit } from '../../../src/sync/versionsThatFit';
import { createdStore, sampleReport } from '../store/storeTestKit';
import { createFakeRelay, createTestEngine, openStoredBundles, testInvite } from './syncTestKit';

/** A long report (about 6 KB of JSON, Cyrillic), so that a bundle fills after about ten. */
const longReport = () => sampleReport({ narrative: 'Сотрудники полиции пришли ночью и забрали телефон активиста. '.repeat(50) });

describe('sealing offline', () => {
  it('seals a bundle only once it is full, exports the rest sealed, and delivers everything once online', async () => {
    const { store, session } = await createdStore('offline-full');
    expect((await joinOrganisation(session, testInvite())).ok).toBe(true);
    const relay = createFakeRelay();
    const { engine, online } = createTestEngine(session, relay);
    online.set(false);
    engine.start();
    await engine.trigger('start');

    let saves = 0;
    while ((await session.outboxSummary()).unsentBundles === 0) {
      if (saves === 64) throw new Error('no bundle was sealed after 64 long reports');
      expect((await session.saveReport(longReport())).ok).toBe(true);
      await engine.trigger('save');
      saves += 1;
      if ((await session.outboxSummary()).unsentBundles === 0) expect((await session.outboxSummary()).unsealedVersions).toBe(saves);
    }
    // The save whose version did not fit sealed the ones before it, and that version waits unsealed.
    const [full, ...others] = await session.unsentBundles();
    expect(others).toEqual([]);
    expect([full?.firstCounter, full?.lastCounter]).toEqual([1, saves - 1]);
    expect(await session.outboxSummary()).toMatchObject({ unsealedVersions: 1, unsentBundles: 1, reports: { queued: saves, delivered: 0 } });
    const records = (await session.listReports()).map((summary) => summary.latest).sort((a, b) => a.counter - b.counter);
    expect(versionsThatFit(records.map((record) => utf8Encode(JSON.stringify(record)).length))).toBe(saves - 1);
    expect(saves).toBeGreaterThan(5);
    expect(relay.requests()).toEqual([]);
    expect(engine.snapshot().state).toEqual({ kind: 'offline' });

    // "Export unsent" seals the rest, and the file carries both bundles; nothing counts as delivered.
    const exported = await exportUnsent(session, Date.UTC(2025, 2, 1));
    if (!exported.ok) throw new Error(exported.reason);
    expect(exported.value.bundleCount).toBe(2);
    const unsent = await session.unsentBundles();
    expect(unsent.map((bundle) => [bundle.firstCounter, bundle.lastCounter])).toEqual([
      [1, saves - 1],
      [saves, saves],
    ]);
    const parsed = parseExportFile(exported.value.text);
    expect(parsed.ok && parsed.value.bundles).toEqual(unsent.map((bundle) => bundle.bytes));
    expect(await session.outboxSummary()).toMatchObject({ unsealedVersions: 0, unsentBundles: 2, reports: { queued: saves } });

    online.set(true);
    await vi.waitFor(() => expect(engine.snapshot().state).toEqual({ kind: 'idle' }));
    // The relay gets the exported bytes, so whichever copy reaches the coordinator first, the other is the same bundle.
    expect(relay.stored().map((stored) => stored.bytes)).toEqual(unsent.map((bundle) => bundle.bytes));
    expect(openStoredBundles(relay).flatMap((bundle) => bundle.versions.map((version) => version.counter))).toEqual(records.map((record) => record.counter));
    expect((await session.listReports()).every((summary) => summary.state === 'delivered')).toBe(true);
    engine.stop();
    store.close();
  });
});
