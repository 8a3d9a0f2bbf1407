import 'fake-indexeddb/auto';
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { utf8Encode } from '../../../src/crypto/bytes';
import { SYNC_TABLE_NAMES } from '../../../src/store/schema';
import type { BundleSealer } from '../../../src/store/storeApi';
import { joinOrganisation } from '../../../src/sync/joinOrganisation';
import { findByteSequence, findMarkers, readAllRowsRaw } from '../store/rawDatabase';
import { createdStore, sampleReport } from '../store/storeTestKit';
import { testInvite } from './syncTestKit';

const marker = (prefix: string) => `${prefix}${randomBytes(6).toString('hex')}`;

describe('sync tables at rest (P1)', () => {
  it('keeps the organisation, its token, relays and names, bundle bytes, bundle ids and receipts sealed', async () => {
    const markers = { organisation: marker('Ұйым-'), relay: marker('relay'), coordinator: marker('Coordinator-'), bundle: marker('bundle-bytes-') };
    const invite = testInvite({ organisation: markers.organisation, relays: [`https://${markers.relay}.example`] });
    const [first, second] = invite.coordinators;
    if (first === undefined || second === undefined) throw new Error('set-up: two coordinators expected');
    const { dbName, store, session } = await createdStore('sync-at-rest');
    expect((await joinOrganisation(session, { ...invite, coordinators: [{ ...first, name: markers.coordinator }, second] })).ok).toBe(true);
    // The "bundle" carries a marker in the clear, as a careless format would: the store must seal it again.
    const bundleBytes = utf8Encode(`${markers.bundle} ${'x'.repeat(64)}`);
    const sealer: BundleSealer = () => ({ ok: true, value: bundleBytes });
    for (let i = 0; i < 2; i++) {
      expect((await session.saveReport(sampleReport())).ok).toBe(true);
      expect((await session.sealPendingVersions({ seal: sealer, maxVersions: 64, fit: (sizes) => sizes.length }, 'everything')).ok).toBe(true);
    }
    const [delivered, unsent] = await session.unsentBundles();
    if (delivered === undefined || unsent === undefined) throw new Error('set-up: two bundles expected');
    expect((await session.markBundleDelivered(delivered.firstCounter, 12_345_678)).ok).toBe(true);
    store.close();

    const rows = await readAllRowsRaw(dbName);
    const written = new Set(rows.map((r) => r.table));
    expect(SYNC_TABLE_NAMES.filter((table) => !written.has(table))).toEqual([]);
    const secrets = [...Object.values(markers), invite.uploadToken, invite.mailboxId, first.boxPublicKey, first.signPublicKey, unsent.id, '12345678'];
    expect(findMarkers(rows, secrets)).toEqual([]);
    expect(findByteSequence(rows, bundleBytes.subarray(0, 24))).toEqual([]);
  });

  it('positive control: the scan finds the same markers when written in the clear', () => {
    const token = testInvite().uploadToken;
    const bytes = utf8Encode(marker('bundle-bytes-'));
    const rows = [{ table: 'bundles', key: 1, value: { token, bytes } }];
    expect(findMarkers(rows, [token])).toEqual([{ marker: token, table: 'bundles' }]);
    expect(findByteSequence(rows, bytes.subarray(0, 10))).toEqual(['bundles']);
  });
});
