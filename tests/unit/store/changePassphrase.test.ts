import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { readAllRowsRaw } from './rawDatabase';
import { createdStore, OTHER_PASSPHRASE, openTestStore, PASSPHRASE, sampleReport } from './storeTestKit';

describe('changePassphrase', () => {
  it('re-wraps the same data key: new passphrase opens, old one is refused, reports are untouched', async () => {
    const { dbName, store, session } = await createdStore('change');
    const report = sampleReport();
    expect((await session.saveReport(report)).ok).toBe(true);
    const before = await readAllRowsRaw(dbName);

    expect(await session.changePassphrase(PASSPHRASE, OTHER_PASSPHRASE)).toEqual({ ok: true, value: undefined });
    const after = await readAllRowsRaw(dbName);
    // Only the vault row changes; every sealed record stays byte-identical (nothing re-encrypted).
    expect(after.filter((r) => r.table !== 'vault')).toEqual(before.filter((r) => r.table !== 'vault'));
    const vaultBefore = before.find((r) => r.table === 'vault')?.value as { kdf: { salt: Uint8Array }; wrappedDataKey: Uint8Array; sealedIdentity: Uint8Array };
    const vaultAfter = after.find((r) => r.table === 'vault')?.value as typeof vaultBefore;
    expect(vaultAfter.kdf.salt).not.toEqual(vaultBefore.kdf.salt);
    expect(vaultAfter.wrappedDataKey).not.toEqual(vaultBefore.wrappedDataKey);
    expect(vaultAfter.sealedIdentity).toEqual(vaultBefore.sealedIdentity);
    store.close();

    const reopened = openTestStore(dbName);
    expect(await reopened.unlock(PASSPHRASE)).toEqual({ ok: false, reason: 'wrong-passphrase' });
    const unlocked = await reopened.unlock(OTHER_PASSPHRASE);
    if (!unlocked.ok) throw new Error(unlocked.reason);
    expect(unlocked.value.deviceId).toBe(session.deviceId);
    expect((await unlocked.value.listReports()).map((s) => s.latest.report)).toEqual([report]);
    reopened.close();
  });

  it('refuses a wrong current passphrase and a weak new one, changing nothing', async () => {
    const { dbName, store, session } = await createdStore('change-refused');
    const before = await readAllRowsRaw(dbName);
    expect(await session.changePassphrase(OTHER_PASSPHRASE, `${OTHER_PASSPHRASE} again`)).toEqual({ ok: false, reason: 'wrong-passphrase' });
    expect(await session.changePassphrase(PASSPHRASE, '1234')).toEqual({ ok: false, reason: 'passphrase-too-weak' });
    expect(await readAllRowsRaw(dbName)).toEqual(before);
    store.close();

    const reopened = openTestStore(dbName);
    expect((await reopened.unlock(PASSPHRASE)).ok).toBe(true);
    reopened.close();
  });
});
