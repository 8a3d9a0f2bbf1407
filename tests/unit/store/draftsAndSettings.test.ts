import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { createdStore, openTestStore, PASSPHRASE } from './storeTestKit';

async function reopenAndUnlock(dbName: string) {
  const store = openTestStore(dbName);
  const unlocked = await store.unlock(PASSPHRASE);
  if (!unlocked.ok) throw new Error(unlocked.reason);
  return { store, session: unlocked.value };
}

describe('drafts', () => {
  it('survive closing and reopening the store, and can be replaced and deleted', async () => {
    const { dbName, store, session } = await createdStore('drafts');
    const draft = { narrative: 'Half-written: they came at 9', people: [{ name: 'Ерлан' }], step: 2 };
    expect(await session.saveDraft('report-1', draft)).toEqual({ ok: true, value: undefined });
    expect(await session.saveDraft('report-2', 'second')).toEqual({ ok: true, value: undefined });
    store.close();

    const first = await reopenAndUnlock(dbName);
    expect(await first.session.loadDraft('report-1')).toEqual(draft);
    expect(await first.session.saveDraft('report-1', { ...draft, step: 3 })).toEqual({ ok: true, value: undefined });
    await first.session.deleteDraft('report-2');
    first.store.close();

    const second = await reopenAndUnlock(dbName);
    expect(await second.session.loadDraft('report-1')).toEqual({ ...draft, step: 3 });
    expect(await second.session.loadDraft('report-2')).toBeUndefined();
    second.store.close();
  });

  it('rejects an empty draft key and data JSON cannot carry, naming the parameter', async () => {
    const { store, session } = await createdStore('drafts-bad');
    await expect(session.saveDraft('', {})).rejects.toThrow(/draftKey/);
    await expect(session.saveDraft('k', { n: 1n })).rejects.toThrow(TypeError);
    store.close();
  });
});

describe('settings', () => {
  it('defaults to a 5-minute lock and keeps an update across reopen', async () => {
    const { dbName, store, session } = await createdStore('settings');
    expect(await session.getSettings()).toEqual({ lockTimeoutMinutes: 5, removeAfterReceipt: false });
    expect(await session.updateSettings({ lockTimeoutMinutes: 240, removeAfterReceipt: false })).toEqual({ ok: true, value: { lockTimeoutMinutes: 240, removeAfterReceipt: false } });
    store.close();

    const reopened = await reopenAndUnlock(dbName);
    expect(await reopened.session.getSettings()).toEqual({ lockTimeoutMinutes: 240, removeAfterReceipt: false });
    expect(await reopened.session.updateSettings({ lockTimeoutMinutes: 1, removeAfterReceipt: false })).toEqual({ ok: true, value: { lockTimeoutMinutes: 1, removeAfterReceipt: false } });
    expect(await reopened.session.updateSettings({})).toEqual({ ok: true, value: { lockTimeoutMinutes: 1, removeAfterReceipt: false } });
    reopened.store.close();
  });

  it.each([0, 241, 2.5, Number.NaN])('refuses lockTimeoutMinutes %s and keeps the stored value', async (minutes) => {
    const { store, session } = await createdStore('settings-range');
    await expect(session.updateSettings({ lockTimeoutMinutes: minutes })).rejects.toThrow(/lockTimeoutMinutes/);
    expect(await session.getSettings()).toEqual({ lockTimeoutMinutes: 5, removeAfterReceipt: false });
    store.close();
  });
});
