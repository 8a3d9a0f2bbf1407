// Every schema version ever shipped must still open: each has a raw dump in fixtures/v<N>.json
// (written once by fixtures/writeStoreFixture.ts), restored without the app, then opened by today's code.
import 'fake-indexeddb/auto';
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSIONS } from '../../../src/store/schema';
import { DEFAULT_SETTINGS } from '../../../src/store/settingsRepository';
import { readAllRowsRaw } from './rawDatabase';
import { parseFixture, restoreFixture } from './storeFixture';
import { openTestStore, uniqueDbName } from './storeTestKit';

const fixtureUrl = (version: number) => new URL(`./fixtures/v${version}.json`, import.meta.url);
const versions = SCHEMA_VERSIONS.map((s) => s.version);

describe('schema migrations', () => {
  it('lists versions in ascending order, each with a committed fixture', () => {
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(versions.filter((v) => !existsSync(fixtureUrl(v)))).toEqual([]);
  });

  it.each(versions)('keeps shipped version %i exactly as it was when its fixture was written', (version) => {
    const fixture = parseFixture(readFileSync(fixtureUrl(version), 'utf8'));
    expect(SCHEMA_VERSIONS.find((s) => s.version === version)?.stores).toEqual(fixture.stores);
  });

  it.each(versions)('opens a database written by version %i with every record decryptable', async (version) => {
    const fixture = parseFixture(readFileSync(fixtureUrl(version), 'utf8'));
    const dbName = uniqueDbName(`v${version}`);
    await restoreFixture(fixture, dbName);

    const store = openTestStore(dbName);
    expect(await store.vaultStatus()).toBe('locked');
    expect(await store.failedUnlockCount()).toBe(fixture.expected.failedUnlocks);
    const unlocked = await store.unlock(fixture.passphrase);
    if (!unlocked.ok) throw new Error(`unlock failed: ${unlocked.reason}`);
    const session = unlocked.value;
    expect(session.deviceId).toBe(fixture.expected.deviceId);

    for (const history of fixture.expected.histories) {
      const first = history[0];
      if (first === undefined) throw new Error('fixture has an empty history');
      expect(await session.reportHistory(first.reportId)).toEqual(history);
    }
    const latest = fixture.expected.histories.map((h) => h[h.length - 1]).sort((a, b) => (b?.counter ?? 0) - (a?.counter ?? 0));
    expect((await session.listReports()).map((s) => s.latest)).toEqual(latest);
    for (const [key, data] of Object.entries(fixture.expected.drafts)) expect(await session.loadDraft(key)).toEqual(data);
    // Settings sealed before removeAfterReceipt existed read as the default (off).
    expect(await session.getSettings()).toEqual({ ...DEFAULT_SETTINGS, ...fixture.expected.settings });

    // Saving continues the old database: next version of the report, next device counter.
    const lastCounter = Math.max(...fixture.expected.histories.flat().map((v) => v.counter));
    const amended = latest[0];
    if (amended === undefined) throw new Error('fixture has no reports');
    const saved = await session.saveReport({ ...amended.report, tags: [...amended.report.tags, 'migrated'] });
    expect(saved.ok && [saved.value.version, saved.value.counter]).toEqual([amended.version + 1, lastCounter + 1]);
    store.close();
  });

  it('control: a fixture whose sealed bytes were altered does not open silently', async () => {
    const first = versions[0] ?? 1;
    const fixture = parseFixture(readFileSync(fixtureUrl(first), 'utf8'));
    const [row] = fixture.rows.reportVersions as { sealed: Uint8Array }[];
    if (row === undefined) throw new Error('fixture has no report versions');
    row.sealed[row.sealed.length - 1] = (row.sealed[row.sealed.length - 1] ?? 0) ^ 1;
    const dbName = uniqueDbName('tampered');
    await restoreFixture(fixture, dbName);
    expect((await readAllRowsRaw(dbName)).length).toBeGreaterThan(0);

    const store = openTestStore(dbName);
    const unlocked = await store.unlock(fixture.passphrase);
    if (!unlocked.ok) throw new Error(unlocked.reason);
    await expect(unlocked.value.listReports()).rejects.toThrow(/failed authentication/);
    store.close();
  });
});
