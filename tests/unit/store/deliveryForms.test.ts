import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { joinOrganisation } from '../../../src/sync/joinOrganisation';
import { outboxPacking } from '../../../src/sync/outboxPacking';
import { testInvite } from '../sync/syncTestKit';
import { readAllRowsRaw } from './rawDatabase';
import { createdStore, sampleReport } from './storeTestKit';

/** Rewrites a delivered bundle's outbox rows and reports as databases written before per-bundle delivery held them. */
async function toOlderForm(dbName: string, counters: readonly number[], reportIds: readonly string[]): Promise<void> {
  const db = new Dexie(dbName);
  await db.open();
  try {
    await db.transaction('rw', [db.table('outbox'), db.table('reports')], async () => {
      await db.table('outbox').where(':id').anyOf(counters).modify({ state: 'delivered' });
      await db.table('reports').where(':id').anyOf(reportIds).modify({ state: 'delivered' });
    });
  } finally {
    db.close();
  }
}

async function storedStates(dbName: string, table: 'outbox' | 'reports' | 'bundles'): Promise<string[]> {
  return (await readAllRowsRaw(dbName)).filter((row) => row.table === table).map((row) => (row.value as { state: string }).state);
}

/**
 * Bundle 1 (report A at counters 1 and 3, report B at 2) delivered in the older form (every row marked),
 * bundle 4 (report C) delivered in the current form (only the bundle row), bundle 5 (report D) sealed, not delivered.
 */
async function bothForms(label: string) {
  const created = await createdStore(label);
  const { session, dbName } = created;
  const joined = await joinOrganisation(session, testInvite());
  if (!joined.ok) throw new Error(`set-up: join failed: ${joined.reason}`);
  const [a, b, c, d] = ['A', 'B', 'C', 'D'].map((name) => sampleReport({ narrative: `Report ${name}.` }));
  if (a === undefined || b === undefined || c === undefined || d === undefined) throw new Error('set-up: four reports expected');
  for (const report of [a, b, { ...a, narrative: 'Report A amended.' }]) expect((await session.saveReport(report)).ok).toBe(true);
  expect(await session.sealPendingVersions(outboxPacking, 'everything')).toEqual({ ok: true, value: 1 });
  expect((await session.markBundleDelivered(1, 1)).ok).toBe(true);
  await toOlderForm(dbName, [1, 2, 3], [a.id, b.id]);
  expect((await session.saveReport(c)).ok).toBe(true);
  expect(await session.sealPendingVersions(outboxPacking, 'everything')).toEqual({ ok: true, value: 1 });
  expect((await session.markBundleDelivered(4, 2)).ok).toBe(true);
  const savedD = await session.saveReport(d);
  if (!savedD.ok) throw new Error(`set-up: save failed: ${savedD.reason}`);
  expect(await session.sealPendingVersions(outboxPacking, 'everything')).toEqual({ ok: true, value: 1 });
  return { ...created, a: a.id, b: b.id, c: c.id, d: d.id, dSavedAt: savedD.value.savedAt };
}

async function states(session: Awaited<ReturnType<typeof createdStore>>['session']): Promise<Record<string, string>> {
  return Object.fromEntries((await session.listReports()).map((summary) => [summary.reportId, summary.state]));
}

describe('deliveries recorded per bundle and per row (older databases) mean the same', () => {
  it('the database holds both forms: marked rows for bundle 1, only a delivered bundle row for bundle 4', async () => {
    const { store, dbName } = await bothForms('forms-raw');
    expect(await storedStates(dbName, 'outbox')).toEqual(['delivered', 'delivered', 'delivered', 'sealed', 'sealed']);
    expect(await storedStates(dbName, 'reports')).toEqual(expect.arrayContaining(['delivered', 'delivered', 'queued', 'queued']));
    expect(await storedStates(dbName, 'bundles')).toEqual(['delivered', 'delivered', 'sealed']);
    store.close();
  });

  it('reports, the outbox summary and the unsent bundles read both forms as delivered, and only them', async () => {
    const { store, session, a, b, c, d, dSavedAt } = await bothForms('forms-read');
    expect(await states(session)).toEqual({ [a]: 'delivered', [b]: 'delivered', [c]: 'delivered', [d]: 'queued' });
    expect(await session.outboxSummary()).toEqual({
      joined: true,
      reports: { local: 0, queued: 1, delivered: 3 },
      unsealedVersions: 0,
      unsentBundles: 1,
      oldestUndeliveredSavedAt: dSavedAt,
    });
    expect((await session.unsentBundles()).map((bundle) => bundle.firstCounter)).toEqual([5]);
    // An amendment of a report delivered in either form waits again, and so counts as queued.
    expect((await session.saveReport({ ...sampleReport({ narrative: 'Report C amended.' }), id: c })).ok).toBe(true);
    expect(await states(session)).toEqual({ [a]: 'delivered', [b]: 'delivered', [c]: 'queued', [d]: 'queued' });
    expect((await session.outboxSummary()).reports).toEqual({ local: 0, queued: 2, delivered: 2 });
    store.close();
  });

  it('a report amended after a delivery in the older form reads as delivered once the amendment is, even when a receipt covered only the amendment', async () => {
    const { store, session, dbName } = await createdStore('forms-partial-receipt');
    const joined = await joinOrganisation(session, testInvite());
    if (!joined.ok) throw new Error(`set-up: join failed: ${joined.reason}`);
    const a = sampleReport({ narrative: 'Report A.' });
    expect((await session.saveReport(a)).ok).toBe(true);
    expect(await session.sealPendingVersions(outboxPacking, 'everything')).toEqual({ ok: true, value: 1 });
    expect((await session.markBundleDelivered(1, 1)).ok).toBe(true);
    await toOlderForm(dbName, [1], [a.id]);
    expect((await session.saveReport({ ...a, narrative: 'Report A amended.' })).ok).toBe(true);
    expect((await session.outboxSummary()).reports).toEqual({ local: 0, queued: 1, delivered: 0 });
    expect(await session.sealPendingVersions(outboxPacking, 'everything')).toEqual({ ok: true, value: 1 });
    expect((await session.markBundleDelivered(2, 2)).ok).toBe(true);
    expect(await session.applyReceipt([{ first: 2, last: 2 }])).toEqual({ ok: true, value: { acknowledged: 0, removed: 0 } });
    // Version 1 marked 'delivered', version 2 'acknowledged', the report row still 'queued'.
    expect(await storedStates(dbName, 'outbox')).toEqual(['delivered', 'acknowledged']);
    expect(await storedStates(dbName, 'reports')).toEqual(['queued']);
    expect(await states(session)).toEqual({ [a.id]: 'delivered' });
    expect((await session.outboxSummary()).reports).toEqual({ local: 0, queued: 0, delivered: 1 });
    // A new save waits, and the delivered report stays delivered.
    const b = sampleReport({ narrative: 'Report B.' });
    expect((await session.saveReport(b)).ok).toBe(true);
    expect(await session.outboxSummary()).toMatchObject({ reports: { local: 0, queued: 1, delivered: 1 }, unsealedVersions: 1, unsentBundles: 0 });
    store.close();
  });

  it('a receipt acknowledges versions delivered in either form, never a sealed one, and removal deletes only fully acknowledged reports', async () => {
    const { store, session, dbName, a, b, c, d } = await bothForms('forms-receipt');
    expect((await session.updateSettings({ removeAfterReceipt: true })).ok).toBe(true);
    // Counter 3 (A's amendment) left out: A keeps a delivered, unacknowledged version and must stay.
    expect(await session.applyReceipt([{ first: 1, last: 2 }, { first: 4, last: 5 }])).toEqual({ ok: true, value: { acknowledged: 2, removed: 2 } });
    expect(await states(session)).toEqual({ [a]: 'delivered', [d]: 'queued' });
    expect((await session.listRemovedReports()).map((r) => r.reportId).sort()).toEqual([b, c].sort());
    expect(await storedStates(dbName, 'outbox')).toEqual(['acknowledged', 'delivered', 'sealed']);
    expect(await session.applyReceipt([{ first: 1, last: 5 }])).toEqual({ ok: true, value: { acknowledged: 1, removed: 1 } });
    expect(await states(session)).toEqual({ [d]: 'queued' });
    expect((await session.reportHistory(d)).map((version) => version.counter)).toEqual([5]);
    store.close();
  });
});
