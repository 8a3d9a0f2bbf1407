// The sync engine against the real relay (`node bin/dala.js relay` on 127.0.0.1, real SQLite, real fetch).
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBundle } from '../../../src/bundle/openBundle';
import { systemClock } from '../../../src/platform/clock';
import { createFakeOnlineStatus } from '../../../src/platform/fakeOnlineStatus';
import { createFakePageVisibility } from '../../../src/platform/fakePageVisibility';
import { createBrowserHttp } from '../../../src/platform/http';
import { createMemoryExclusiveLock } from '../../../src/platform/memoryExclusiveLock';
import { listBundlesResponseSchema } from '../../../src/protocol/relayApi';
import type { CreateMailboxResponse } from '../../../src/protocol/relayApi';
import type { VaultSession } from '../../../src/store/storeApi';
import { createSyncEngine } from '../../../src/sync/createSyncEngine';
import { joinOrganisation } from '../../../src/sync/joinOrganisation';
import { uploadBundle } from '../../../src/sync/uploadBundle';
import { ADMIN_TOKEN, createMailbox, getBundle, listBundles } from '../../relay/relayClient';
import { spawnRelay } from '../../relay/relayProcess';
import type { RelayProcess } from '../../relay/relayProcess';
import { createdStore, sampleReport } from '../store/storeTestKit';
import { COORDINATORS, testInvite } from './syncTestKit';

let relay: RelayProcess;
let tiny: RelayProcess;

beforeAll(async () => {
  [relay, tiny] = await Promise.all([
    spawnRelay({ env: { DALA_ADMIN_TOKEN: ADMIN_TOKEN } }),
    // Smaller than the smallest padded bundle: every upload is 413.
    spawnRelay({ env: { DALA_ADMIN_TOKEN: ADMIN_TOKEN, DALA_MAX_BUNDLE_BYTES: '1000' } }),
  ]);
});
afterAll(async () => {
  await Promise.all([relay.kill('SIGTERM'), tiny.kill('SIGTERM')]);
});

function engineFor(session: VaultSession) {
  return createSyncEngine({
    session,
    http: createBrowserHttp(),
    clock: systemClock,
    online: createFakeOnlineStatus(true),
    visibility: createFakePageVisibility(true),
    locks: createMemoryExclusiveLock(),
    random: () => 0.5,
  });
}

async function joinedTo(url: string, mailbox: CreateMailboxResponse, overrides: { uploadToken?: string; mailboxId?: string } = {}) {
  const { store, session } = await createdStore('real-relay');
  const invite = testInvite({ relays: [url], mailboxId: overrides.mailboxId ?? mailbox.mailboxId, uploadToken: overrides.uploadToken ?? mailbox.uploadToken });
  const joined = await joinOrganisation(session, invite);
  if (!joined.ok) throw new Error(joined.reason);
  for (let i = 0; i < 2; i++) expect((await session.saveReport(sampleReport())).ok).toBe(true);
  const engine = engineFor(session);
  engine.start();
  await engine.trigger('start');
  return { store, session, engine };
}

describe('sync against the real relay', () => {
  it('delivers a sealed bundle the coordinator can pull and open; the same bytes again get 200 and the same seq', async () => {
    const mailbox = await createMailbox(relay.url);
    const { store, session, engine } = await joinedTo(relay.url, mailbox);
    expect(engine.snapshot().state).toEqual({ kind: 'idle' });
    expect((await session.listReports()).map((r) => r.state)).toEqual(['delivered', 'delivered']);

    const listed = listBundlesResponseSchema.parse(await (await listBundles(relay.url, mailbox)).json());
    expect(listed.bundles).toHaveLength(1);
    const [summary] = listed.bundles;
    if (summary === undefined) throw new Error('nothing listed');
    const bytes = new Uint8Array(await (await getBundle(relay.url, mailbox, summary.id)).arrayBuffer());
    const opened = openBundle(bytes, { mailboxId: mailbox.mailboxId, recipientKeyPair: COORDINATORS[1].box });
    expect(opened.ok && [opened.value.deviceId, opened.value.firstCounter, opened.value.lastCounter]).toEqual([session.deviceId, 1, 2]);

    // What a retry after a lost response does: the relay recognises the bytes.
    const again = await uploadBundle({ relay: relay.url, mailboxId: mailbox.mailboxId, uploadToken: mailbox.uploadToken }, { firstCounter: 1, lastCounter: 2, id: summary.id, bytes }, { http: createBrowserHttp(), clock: systemClock, timeoutMs: 10_000 });
    expect(again).toEqual({ kind: 'stored', seq: summary.seq });
    engine.stop();
    store.close();
  });

  it('is blocked by a wrong upload token (403) and by a mailbox the relay does not have (404)', async () => {
    const mailbox = await createMailbox(relay.url);
    const other = await createMailbox(relay.url);
    const wrongToken = await joinedTo(relay.url, mailbox, { uploadToken: other.uploadToken });
    expect(wrongToken.engine.snapshot().state).toEqual({ kind: 'blocked', reason: 'unauthorised' });
    expect(wrongToken.engine.snapshot().outbox?.reports.queued).toBe(2);
    wrongToken.engine.stop();
    wrongToken.store.close();

    const gone = await joinedTo(tiny.url, mailbox);
    expect(gone.engine.snapshot().state).toEqual({ kind: 'blocked', reason: 'mailbox-gone' });
    gone.engine.stop();
    gone.store.close();
  });

  it('holds back a bundle larger than the relay accepts (413)', async () => {
    const mailbox = await createMailbox(tiny.url);
    const { store, engine } = await joinedTo(tiny.url, mailbox);
    expect(engine.snapshot().state).toEqual({ kind: 'blocked', reason: 'too-large' });
    expect(engine.snapshot().outbox).toMatchObject({ reports: { queued: 2, delivered: 0 }, unsentBundles: 1 });
    engine.stop();
    store.close();
  });
});
