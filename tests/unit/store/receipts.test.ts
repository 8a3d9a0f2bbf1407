import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { joinOrganisation } from '../../../src/sync/joinOrganisation';
import { outboxPacking } from '../../../src/sync/outboxPacking';
import { testInvite } from '../sync/syncTestKit';
import { readAllRowsRaw } from './rawDatabase';
import { createdStore, sampleReport } from './storeTestKit';

/** Report A (versions at counters 1 and 3), report B (counter 2) delivered in one bundle; report C (counter 4) sealed, not delivered. */
async function deliveredStore(label: string) {
  const created = await createdStore(label);
  const { session } = created;
  const joined = await joinOrganisation(session, testInvite());
  if (!joined.ok) throw new Error(`set-up: join failed: ${joined.reason}`);
  const a = sampleReport({ narrative: 'Report A: the first visit.' });
  const b = sampleReport({ narrative: 'Report B: the second visit.' });
  for (const report of [a, b, { ...a, narrative: 'Report A amended: they came back.' }]) expect((await session.saveReport(report)).ok).toBe(true);
  expect(await session.sealPendingVersions(outboxPacking, 'everything')).toEqual({ ok: true, value: 1 });
  expect((await session.markBundleDelivered(1, 7)).ok).toBe(true);
  const c = sampleReport({ narrative: 'Report C: not sent yet.' });
  expect((await session.saveReport(c)).ok).toBe(true);
  expect(await session.sealPendingVersions(outboxPacking, 'everything')).toEqual({ ok: true, value: 1 });
  return { ...created, a: a.id, b: b.id, c: c.id };
}

async function states(session: Awaited<ReturnType<typeof createdStore>>['session']): Promise<Record<string, string>> {
  return Object.fromEntries((await session.listReports()).map((summary) => [summary.reportId, summary.state]));
}

describe('applyReceipt', () => {
  it('acknowledges a report only once every version of it is covered, and only delivered versions', async () => {
    const { store, session, a, b, c } = await deliveredStore('receipt-ack');
    expect(await states(session)).toEqual({ [a]: 'delivered', [b]: 'delivered', [c]: 'queued' });
    expect(await session.applyReceipt([{ first: 1, last: 2 }])).toEqual({ ok: true, value: { acknowledged: 1, removed: 0 } });
    expect(await states(session)).toEqual({ [a]: 'delivered', [b]: 'acknowledged', [c]: 'queued' });
    // Counter 4 is only sealed on this phone: a receipt naming it cannot make it look received.
    expect(await session.applyReceipt([{ first: 1, last: 4 }])).toEqual({ ok: true, value: { acknowledged: 1, removed: 0 } });
    expect(await states(session)).toEqual({ [a]: 'acknowledged', [b]: 'acknowledged', [c]: 'queued' });
    expect(await session.applyReceipt([{ first: 1, last: 4 }])).toEqual({ ok: true, value: { acknowledged: 0, removed: 0 } });
    expect(await session.listRemovedReports()).toEqual([]);
    store.close();
  });

  it('with "remove after the coordinator has it", deletes the acknowledged reports down to an id and a state (raw IndexedDB rows)', async () => {
    const { store, session, dbName, a, b, c } = await deliveredStore('receipt-remove');
    const rowsOf = async (reportId: string) => (await readAllRowsRaw(dbName)).filter((row) => JSON.stringify(row.key).includes(reportId) || (row.value as { reportId?: unknown }).reportId === reportId);
    // Positive control: before, report A has its report row, two version rows and two outbox rows.
    expect((await rowsOf(a)).map((row) => row.table).sort()).toEqual(['outbox', 'outbox', 'reportVersions', 'reportVersions', 'reports']);
    expect((await session.updateSettings({ removeAfterReceipt: true })).ok).toBe(true);
    expect(await session.applyReceipt([{ first: 1, last: 3 }])).toEqual({ ok: true, value: { acknowledged: 2, removed: 2 } });

    for (const reportId of [a, b]) {
      const left = await rowsOf(reportId);
      expect(left).toEqual([{ table: 'reports', key: reportId, value: { reportId, latestVersion: 0, state: 'removed' } }]);
    }
    expect((await rowsOf(c)).map((row) => row.table).sort()).toEqual(['outbox', 'reportVersions', 'reports']);
    expect(await states(session)).toEqual({ [c]: 'queued' });
    expect((await session.listRemovedReports()).map((r) => r.reportId).sort()).toEqual([a, b].sort());
    expect(await session.reportHistory(a)).toEqual([]);
    store.close();
  });

  it('keeps acknowledged reports while the setting is off (the default), and refuses when locked', async () => {
    const { store, session, a } = await deliveredStore('receipt-keep');
    expect((await session.getSettings()).removeAfterReceipt).toBe(false);
    expect((await session.applyReceipt([{ first: 1, last: 3 }])).ok).toBe(true);
    expect((await session.reportHistory(a)).map((v) => v.version)).toEqual([1, 2]);
    await expect(session.applyReceipt([{ first: 3, last: 1 }])).rejects.toThrow(/counters/);
    session.lock();
    expect(await session.applyReceipt([{ first: 1, last: 1 }])).toEqual({ ok: false, reason: 'locked' });
    store.close();
  });
});
