import 'fake-indexeddb/auto';
import { randomBytes } from 'node:crypto';
import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { STORE_TABLE_NAMES, SYNC_TABLE_NAMES } from '../../../src/store/schema';
import { fromBase64Url } from '../../../src/crypto/bytes';
import { findByteSequence, findMarkers, rawTableNames, readAllRowsRaw } from './rawDatabase';
import { createdStore, PASSPHRASE, sampleReport, uniqueDbName } from './storeTestKit';

const marker = (prefix: string) => `${prefix}${randomBytes(6).toString('hex')}`;

describe('at rest (P1)', () => {
  it('stores nothing a marker can be found in: reports, amendments, drafts, settings, savedAt, passphrase', async () => {
    const markers = {
      narrative: marker('narrative-'),
      city: marker('Алматы-'),
      person: marker('Айгүл-'),
      tag: marker('tag-'),
      amended: marker('amended-'),
      draft: marker('draft-'),
      savedAt: String(1_600_000_000_000 + randomBytes(4).readUInt32BE()),
    };
    const { dbName, store, session } = await createdStore('at-rest', { now: () => Number(markers.savedAt) });
    const report = sampleReport({
      narrative: `They said: ${markers.narrative}`,
      where: { city: markers.city },
      peopleAffected: [{ name: markers.person }],
      tags: [markers.tag],
    });
    expect((await session.saveReport(report)).ok).toBe(true);
    expect((await session.saveReport({ ...report, narrative: markers.amended })).ok).toBe(true);
    expect((await session.saveReport(sampleReport({ narrative: markers.narrative }))).ok).toBe(true);
    expect((await session.saveDraft('new-report', { narrative: markers.draft })).ok).toBe(true);
    expect((await session.updateSettings({ lockTimeoutMinutes: 17 })).ok).toBe(true);
    store.close();

    const rows = await readAllRowsRaw(dbName);
    // Every table the schema declares was written, so the scan covers each of them; the sync tables
    // (written only once an organisation is joined) are scanned in tests/unit/sync/syncAtRest.test.ts.
    const syncTables: readonly string[] = SYNC_TABLE_NAMES;
    expect([...new Set(rows.map((r) => r.table))].sort()).toEqual(STORE_TABLE_NAMES.filter((t) => !syncTables.includes(t)).sort());
    expect(await rawTableNames(dbName)).toEqual([...STORE_TABLE_NAMES].sort());
    expect(findMarkers(rows, [...Object.values(markers), PASSPHRASE, ...PASSPHRASE.split(' ').filter((w) => w.length > 4)])).toEqual([]);
  });

  it('keeps the device identity sealed: its public key appears nowhere, as text or as bytes', async () => {
    const { dbName, store, session } = await createdStore('at-rest-keys');
    store.close();
    const rows = await readAllRowsRaw(dbName);
    const publicKey = fromBase64Url(session.deviceId) ?? new Uint8Array();
    expect(publicKey).toHaveLength(32);
    expect(findMarkers(rows, [session.deviceId])).toEqual([]);
    expect(findByteSequence(rows, publicKey)).toEqual([]);
  });

  it('positive control: the same scanner finds markers stored in the clear as text, UTF-8 bytes and UTF-16 bytes', async () => {
    const dbName = uniqueDbName('scratch');
    const markers = [marker('plain-'), marker('utf8-Қазақ-'), marker('utf16-Қазақ-'), marker('odd-utf16-'), marker('key-'), '1712345678901'];
    const scratch = new Dexie(dbName);
    scratch.version(1).stores({ scratch: 'id' });
    const utf16 = (text: string) => new Uint8Array(Buffer.from(text, 'utf16le'));
    await scratch.table('scratch').bulkPut([
      { id: 1, text: `a ${markers[0]} b`, nested: { list: [new TextEncoder().encode(markers[1])] } },
      { id: 2, wide: utf16(markers[2] ?? '') },
      // UTF-16 starting at an odd offset inside a byte field.
      { id: 3, blob: new Uint8Array([7, ...utf16(markers[3] ?? '')]).buffer, at: 1712345678901 },
      { id: markers[4] },
    ]);
    scratch.close();
    const rows = await readAllRowsRaw(dbName);
    expect(new Set(findMarkers(rows, markers).map((f) => f.marker))).toEqual(new Set(markers));
    expect(findByteSequence(rows, new Uint8Array([7, 0x6f, 0]))).toEqual(['scratch']);
  });
});
