// Databases written by earlier schema versions continue syncing with today's code: v1 phones join and
// seal their old versions from counter 1; v2 phones keep their pinned organisation and continue their chain.
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openBundle } from '../../../src/bundle/openBundle';
import { fromBase64Url } from '../../../src/crypto/bytes';
import { joinOrganisation } from '../../../src/sync/joinOrganisation';
import { outboxPacking } from '../../../src/sync/outboxPacking';
import { parseFixture, restoreFixture } from '../store/storeFixture';
import { openTestStore, uniqueDbName } from '../store/storeTestKit';
import { isSyncFixture } from './syncFixture';
import { COORDINATORS, MAILBOX_ID, testInvite } from './syncTestKit';

async function openFixture(version: number) {
  const fixture = parseFixture(readFileSync(new URL(`../store/fixtures/v${version}.json`, import.meta.url), 'utf8'));
  const dbName = uniqueDbName(`sync-v${version}`);
  await restoreFixture(fixture, dbName);
  const store = openTestStore(dbName);
  const unlocked = await store.unlock(fixture.passphrase);
  if (!unlocked.ok) throw new Error(unlocked.reason);
  return { fixture, store, session: unlocked.value };
}

describe('sync over migrated databases', () => {
  it('v1: a phone that saved before sync existed joins, and its old versions are sealed from counter 1', async () => {
    const { fixture, store, session } = await openFixture(1);
    expect(await session.organisation()).toBeNull();
    expect((await session.listReports()).every((r) => r.state === 'local')).toBe(true);
    expect((await joinOrganisation(session, testInvite())).ok).toBe(true);
    expect((await session.listReports()).every((r) => r.state === 'queued')).toBe(true);
    expect(await session.sealPendingVersions(outboxPacking, 'everything')).toEqual({ ok: true, value: 1 });
    const [bundle] = await session.unsentBundles();
    if (bundle === undefined) throw new Error('nothing sealed');
    const opened = openBundle(bundle.bytes, { mailboxId: MAILBOX_ID, recipientKeyPair: COORDINATORS[0].box });
    if (!opened.ok) throw new Error(opened.reason);
    expect(opened.value.deviceId).toBe(fixture.expected.deviceId);
    expect(opened.value.previousBundleHash).toEqual(new Uint8Array(32));
    expect(opened.value.versions).toEqual(fixture.expected.histories.flat().sort((a, b) => a.counter - b.counter));
    store.close();
  });

  it('v2: the pinned organisation, report states and unsent bytes survive, and the next bundle continues the chain', async () => {
    const { fixture, store, session } = await openFixture(2);
    if (!isSyncFixture(fixture)) throw new Error('v2 fixture has no sync section');
    expect(await session.organisation()).toEqual(fixture.sync.organisation);
    expect(Object.fromEntries((await session.listReports()).map((r) => [r.reportId, r.state]))).toEqual(fixture.sync.reportStates);
    expect(await session.outboxSummary()).toEqual(fixture.sync.outboxSummary);
    const unsent = await session.unsentBundles();
    expect(unsent.map((b) => b.id)).toEqual(fixture.sync.unsentBundleIds);

    // Keys pinned by v2 still refuse a change.
    const invite = testInvite();
    expect(await joinOrganisation(session, { ...invite, coordinators: invite.coordinators.slice(0, 1) })).toEqual({ ok: false, reason: 'keys-differ' });

    const [latest] = await session.listReports();
    if (latest === undefined) throw new Error('fixture has no reports');
    expect((await session.saveReport({ ...latest.latest.report, tags: ['migrated'] })).ok).toBe(true);
    expect(await session.sealPendingVersions(outboxPacking, 'everything')).toEqual({ ok: true, value: 1 });
    const next = (await session.unsentBundles()).at(-1);
    if (next === undefined) throw new Error('nothing sealed');
    const opened = openBundle(next.bytes, { mailboxId: fixture.sync.organisation.mailboxId, recipientKeyPair: COORDINATORS[1].box });
    if (!opened.ok) throw new Error(opened.reason);
    expect(opened.value.firstCounter).toBe(fixture.sync.lastCounter + 1);
    expect(opened.value.previousBundleHash).toEqual(fromBase64Url(fixture.sync.lastBundleId));
    store.close();
  });
});
