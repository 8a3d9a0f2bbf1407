// Runs inside Chromium, served by the relay it uploads to (built by bench/vite.drain.config.ts): the
// real store and the real sync engine queue reports offline and then drain them; the baseline PUTs the
// same bytes with bare fetch. Only timings and counts leave the page.
import { KDF_FLOOR } from '../../../src/crypto/kdfParams';
import { systemClock } from '../../../src/platform/clock';
import { createWebLocks } from '../../../src/platform/exclusiveLock';
import { createBrowserHttp } from '../../../src/platform/http';
import type { Http } from '../../../src/platform/http';
import { createBrowserOnlineStatus } from '../../../src/platform/onlineStatus';
import { createBrowserPageVisibility } from '../../../src/platform/pageVisibility';
import { contentId } from '../../../src/crypto/sha256';
import { relayPaths } from '../../../src/protocol/relayPaths';
import { openDalaStore } from '../../../src/store/openDalaStore';
import type { DalaStore, VaultSession } from '../../../src/store/storeApi';
import { createSyncEngine } from '../../../src/sync/createSyncEngine';
import type { SyncEngine } from '../../../src/sync/createSyncEngine';
import { sampleReport } from '../../sampleReport';
import type { DrainBenchApi, DrainMailbox } from './drainBenchApi';

const passphrase = 'correct horse battery staple steppe';

let current: { store: DalaStore; session: VaultSession; uploaded: Uint8Array[] } | null = null;

function queued(): { store: DalaStore; session: VaultSession; uploaded: Uint8Array[] } {
  if (current === null) throw new Error('drain bench: call prepare() first');
  return current;
}

function engineFor(session: VaultSession, http: Http): SyncEngine {
  return createSyncEngine({
    session,
    clock: systemClock,
    http,
    online: createBrowserOnlineStatus(window),
    visibility: createBrowserPageVisibility(document),
    locks: createWebLocks(),
  });
}

const api: DrainBenchApi = {
  async prepare(organisation, coordinators) {
    if (current !== null) {
      current.store.close();
      current = null;
    }
    const store = openDalaStore({ dbName: `bench-drain-${crypto.randomUUID()}`, kdf: { ...KDF_FLOOR, parallelism: 1 } });
    const created = await store.createVault(passphrase);
    if (!created.ok) throw new Error(`createVault failed: ${created.reason}`);
    const session = created.value;
    const joined = await session.joinOrganisation({
      name: 'Steppe Watch',
      mailboxId: organisation.mailboxId,
      uploadToken: organisation.uploadToken,
      relays: [location.origin],
      coordinators,
    });
    if (!joined.ok) throw new Error(`joinOrganisation failed: ${joined.reason}`);
    current = { store, session, uploaded: [] };
  },

  async queue(reports) {
    const { session } = queued();
    if (navigator.onLine) throw new Error('drain bench: queue() expects the browser offline');
    // The app's path: each save is followed by the engine's run, which offline seals only full bundles.
    const engine = engineFor(session, createBrowserHttp());
    engine.start();
    await engine.trigger('start');
    const saveStart = performance.now();
    for (let i = 0; i < reports; i += 1) {
      const saved = await session.saveReport(sampleReport(i));
      if (!saved.ok) throw new Error(`saveReport failed: ${saved.reason}`);
      await engine.trigger('save');
    }
    const saveMs = performance.now() - saveStart;
    engine.stop();
    const outbox = await session.outboxSummary();
    if (outbox.reports.queued !== reports) throw new Error(`queue: ${JSON.stringify(outbox)}`);
    return { sealedBundles: outbox.unsentBundles, unsealedVersions: outbox.unsealedVersions, saveMs };
  },

  async drain() {
    const state = queued();
    const browserHttp = createBrowserHttp();
    const uploaded: Uint8Array[] = [];
    const http: Http = (request) => {
      if (request.method === 'PUT' && request.body !== undefined) uploaded.push(request.body);
      return browserHttp(request);
    };
    const engine = engineFor(state.session, http);
    const start = performance.now();
    engine.start();
    // Joins the run start() just asked for (one run, like the app's start), and resolves when it ends.
    await engine.trigger('manual');
    const ms = performance.now() - start;
    engine.stop();
    const outbox = await state.session.outboxSummary();
    if (outbox.unsentBundles !== 0 || outbox.unsealedVersions !== 0 || outbox.reports.queued !== 0) {
      throw new Error(`drain left work behind: ${JSON.stringify(outbox)} (sync state ${JSON.stringify(engine.snapshot().state)})`);
    }
    state.uploaded = uploaded;
    const meanBundleBytes = uploaded.reduce((sum, bytes) => sum + bytes.length, 0) / uploaded.length;
    return { ms, bundles: uploaded.length, meanBundleBytes };
  },

  async putRaw(mailbox: DrainMailbox, concurrency: number) {
    const { uploaded } = queued();
    if (uploaded.length === 0) throw new Error('drain bench: call drain() first');
    // Ids first, untimed: the sync engine's run pays for them (unsentBundles), so the ratio errs against it.
    const bundles = uploaded.map((bytes) => ({ bytes, id: contentId(bytes) }));
    const put = async ({ bytes, id }: { bytes: Uint8Array; id: string }) => {
      // The options createBrowserHttp uses, so both sides pay for the same kind of request.
      const response = await fetch(`${location.origin}${relayPaths.bundle(mailbox.mailboxId, id)}`, {
        method: 'PUT',
        headers: { authorization: `Bearer ${mailbox.uploadToken}`, 'content-type': 'application/octet-stream' },
        body: bytes as Uint8Array<ArrayBuffer>,
        credentials: 'omit',
        referrerPolicy: 'no-referrer',
        cache: 'no-store',
      });
      const body: unknown = await response.json();
      if (response.status !== 201) throw new Error(`raw PUT answered ${response.status}: ${JSON.stringify(body)}`);
    };
    const start = performance.now();
    let next = 0;
    // `concurrency` workers take the bundles in order, as the engine offers them.
    const worker = async () => {
      for (let bundle = bundles[next]; bundle !== undefined; bundle = bundles[next]) {
        next += 1;
        await put(bundle);
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    return performance.now() - start;
  },
};

window.dalaDrainBench = api;
document.getElementById('status')?.replaceChildren('ready');
