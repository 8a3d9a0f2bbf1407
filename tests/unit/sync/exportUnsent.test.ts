import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { parseExportFile } from '../../../src/protocol/exportFile';
import { exportUnsent } from '../../../src/sync/exportUnsent';
import { joinOrganisation } from '../../../src/sync/joinOrganisation';
import { outboxPacking } from '../../../src/sync/outboxPacking';
import { createdStore, sampleReport } from '../store/storeTestKit';
import { MAILBOX_ID, testInvite } from './syncTestKit';

const NOW = Date.UTC(2025, 2, 1, 9, 30);

describe('exportUnsent', () => {
  it('seals what is pending and writes every undelivered bundle, byte-identical to what a relay would get', async () => {
    const { store, session } = await createdStore('export');
    expect((await joinOrganisation(session, testInvite())).ok).toBe(true);
    expect((await session.saveReport(sampleReport())).ok).toBe(true);
    expect((await session.sealPendingVersions(outboxPacking, 'everything')).ok).toBe(true);
    expect((await session.saveReport(sampleReport())).ok).toBe(true);

    const exported = await exportUnsent(session, NOW);
    if (!exported.ok) throw new Error(exported.reason);
    expect(exported.value.fileName).toBe('unsent-2025-03-01.dala-export.json');
    expect(exported.value.bundleCount).toBe(2);
    const parsed = parseExportFile(exported.value.text);
    expect(parsed.ok && parsed.value.mailboxId).toBe(MAILBOX_ID);
    expect(parsed.ok && parsed.value.bundles).toEqual((await session.unsentBundles()).map((b) => b.bytes));
    // Exporting is not delivering: the reports still wait for a relay.
    expect((await session.listReports()).map((r) => r.state)).toEqual(['queued', 'queued']);
    store.close();
  });

  it('says why there is nothing to export', async () => {
    const { store, session } = await createdStore('export-empty');
    expect(await exportUnsent(session, NOW)).toEqual({ ok: false, reason: 'not-joined' });
    expect((await joinOrganisation(session, testInvite())).ok).toBe(true);
    expect(await exportUnsent(session, NOW)).toEqual({ ok: false, reason: 'nothing-to-export' });
    session.lock();
    expect(await exportUnsent(session, NOW)).toEqual({ ok: false, reason: 'locked' });
    store.close();
  });
});
