import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { classifyStorageError } from '../../../src/store/classifyStorageError';
import { readAllRowsRaw } from './rawDatabase';
import { createdStore, sampleReport } from './storeTestKit';

afterEach(() => vi.restoreAllMocks());

const quotaError = () => new DOMException('The disk is full', 'QuotaExceededError');

/** Makes writes to one object store fail the way a full disk does, leaving the others working. */
function failWritesTo(storeName: string, how: 'request-throws' | 'transaction-aborts'): void {
  for (const method of ['add', 'put'] as const) {
    const original = IDBObjectStore.prototype[method];
    vi.spyOn(IDBObjectStore.prototype, method).mockImplementation(function (this: IDBObjectStore, ...args: [unknown, IDBValidKey?]) {
      if (this.name !== storeName) return original.apply(this, args);
      if (how === 'request-throws') throw quotaError();
      // What browsers do when the quota is hit at commit: every request succeeded, then the whole
      // transaction aborts with QuotaExceededError as its error. fake-indexeddb exposes that step as _abort(name).
      const request = original.apply(this, args);
      const transaction = this.transaction as unknown as { _abort(name: string): void };
      request.addEventListener('success', () => transaction._abort('QuotaExceededError'));
      return request;
    });
  }
}

async function tablesWithRows(dbName: string): Promise<string[]> {
  return [...new Set((await readAllRowsRaw(dbName)).map((r) => r.table))].sort();
}

describe('a full disk', () => {
  it.each([
    ['outbox', 'request-throws'],
    ['counters', 'request-throws'],
    ['reportVersions', 'request-throws'],
    ['counters', 'transaction-aborts'],
    ['outbox', 'transaction-aborts'],
  ] as const)('answers storage-full when writing %s fails (%s) and leaves nothing half-written', async (storeName, how) => {
    const { dbName, store, session } = await createdStore(`quota-${storeName}`);
    const kept = sampleReport();
    expect((await session.saveReport(kept)).ok).toBe(true);
    const before = await readAllRowsRaw(dbName);

    failWritesTo(storeName, how);
    expect(await session.saveReport({ ...kept, tags: ['amended'] })).toEqual({ ok: false, reason: 'storage-full' });
    expect(await session.saveReport(sampleReport())).toEqual({ ok: false, reason: 'storage-full' });
    // No orphan version, outbox row or counter step: the database is exactly as before.
    expect(await readAllRowsRaw(dbName)).toEqual(before);

    vi.restoreAllMocks();
    const next = await session.saveReport({ ...kept, tags: ['amended'] });
    expect(next.ok && [next.value.version, next.value.counter]).toEqual([2, 2]);
    store.close();
  });

  it('answers storage-full for drafts and settings', async () => {
    const { dbName, store, session } = await createdStore('quota-drafts');
    failWritesTo('drafts', 'request-throws');
    expect(await session.saveDraft('d1', { text: 'x' })).toEqual({ ok: false, reason: 'storage-full' });
    failWritesTo('settings', 'request-throws');
    expect(await session.updateSettings({ lockTimeoutMinutes: 9 })).toEqual({ ok: false, reason: 'storage-full' });
    expect(await tablesWithRows(dbName)).toEqual(['vault']);
    store.close();
  });

  it('answers storage-error, not success, for another failure inside the transaction', async () => {
    const { dbName, store, session } = await createdStore('other-error');
    failWritesTo('reportVersions', 'request-throws');
    vi.mocked(IDBObjectStore.prototype.add).mockImplementation(() => {
      throw new DOMException('broken', 'UnknownError');
    });
    expect(await session.saveReport(sampleReport())).toEqual({ ok: false, reason: 'storage-error' });
    expect(await tablesWithRows(dbName)).toEqual(['vault']);
    store.close();
  });
});

describe('classifyStorageError', () => {
  it.each([
    ['a bare DOMException', quotaError()],
    ['Dexie.AbortError wrapping it', new Dexie.AbortError('aborted', quotaError())],
    ['Dexie.QuotaExceededError', new Dexie.QuotaExceededError('full')],
    ['a ModifyError listing it', new Dexie.ModifyError('failed', [quotaError()])],
    ['an Error with it as cause', new Error('write failed', { cause: quotaError() })],
    ["Firefox's legacy name", new DOMException('full', 'NS_ERROR_DOM_QUOTA_REACHED')],
  ])('recognises %s as storage-full', (_label, error) => {
    expect(classifyStorageError(error)).toBe('storage-full');
  });

  it.each([
    ['an AbortError without a quota cause', new Dexie.AbortError('aborted', new DOMException('x', 'UnknownError'))],
    ['a ConstraintError', new Dexie.ConstraintError('duplicate key')],
    ['a non-error value', 'QuotaExceededError'],
  ])('classifies %s as storage-error', (_label, error) => {
    expect(classifyStorageError(error)).toBe('storage-error');
  });
});
