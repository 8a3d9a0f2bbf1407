// Runs inside Chromium, served by the relay it uploads to (built by bench/vite.drain.config.ts): the
// real store and the real sync engine drain a queue of sealed reports; the baseline PUTs the same
// bytes with bare fetch. Only timings and counts leave the page.
import { KDF_FLOOR } from '../../../src/crypto/kdfParams';
import { systemClock } from '../../../src/platform/clock';
import { createWebLocks } from '../../../src/platform/exclusiveLock';
import { createBrowserHttp } from '../../../src/platform/http';
import { createBrowserOnlineStatus } from '../../../src/platform/onlineStatus';
import { createBrowserPageVisibility } from '../../../src/platform/pageVisibility';
import { relayPaths } from '../../../src/protocol/relayPaths';
import { openDalaStore } from '../../../src/store/openDalaStore';
import type { DalaStore, UnsentBundle, VaultSession } from '../../../src/store/storeApi';
import { createSyncEngine } from '../../../src/sync/createSyncEngine';
import { sealForOutbox } from '../../../src/sync/sealForOutbox';
import { sampleReport } from '../../sampleReport';
import type { DrainBenchApi, DrainMailbox } from './drainBenchApi';

const passphrase = 'correct horse battery staple steppe';

let current: { store: DalaStore; session: VaultSession; bundles: UnsentBundle[] } | null = null;

function queued(): { store: DalaStore; session: VaultSession; bundles: UnsentBundle[] } {
  if (current === null) throw new Error('drain bench: call queue() first');
  return current;
}

const api: DrainBenchApi = {
  async queue(organisation, coordinators, reports) {
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
    const saveStart = performance.now();
    for (let i = 0; i < reports; i += 1) {
      const saved = await session.saveReport(sampleReport(i));
      if (!saved.ok) throw new Error(`saveReport failed: ${saved.reason}`);
    }
    const sealStart = performance.now();
    // One bundle per report: offline, every save's sync run seals that one version (flushModeFor: seal-only).
    const sealed = await session.sealPendingVersions(sealForOutbox, 1);
    if (!sealed.ok || sealed.value !== reports) throw new Error(`sealPendingVersions: ${JSON.stringify(sealed)}`);
    const sealMs = performance.now() - sealStart;
    const bundles = await session.unsentBundles();
    current = { store, session, bundles };
    const meanBundleBytes = bundles.reduce((sum, bundle) => sum + bundle.bytes.length, 0) / bundles.length;
    return { bundles: bundles.length, meanBundleBytes, saveMs: sealStart - saveStart, sealMs };
  },

  async drain() {
    const { session } = queued();
    const engine = createSyncEngine({
      session,
      clock: systemClock,
      http: createBrowserHttp(),
      online: createBrowserOnlineStatus(window),
      visibility: createBrowserPageVisibility(document),
      locks: createWebLocks(),
    });
    const start = performance.now();
    engine.start();
    // Joins the run start() just asked for (one run, like the app's start), and resolves when it ends.
    await engine.trigger('manual');
    const elapsed = performance.now() - start;
    engine.stop();
    const outbox = await session.outboxSummary();
    if (outbox.unsentBundles !== 0 || outbox.unsealedVersions !== 0 || outbox.reports.queued !== 0) {
      throw new Error(`drain left work behind: ${JSON.stringify(outbox)} (sync state ${JSON.stringify(engine.snapshot().state)})`);
    }
    return elapsed;
  },

  async putRaw(mailbox: DrainMailbox) {
    const { bundles } = queued();
    const start = performance.now();
    for (const bundle of bundles) {
      // The options createBrowserHttp uses, so both sides pay for the same kind of request.
      const response = await fetch(`${location.origin}${relayPaths.bundle(mailbox.mailboxId, bundle.id)}`, {
        method: 'PUT',
        headers: { authorization: `Bearer ${mailbox.uploadToken}`, 'content-type': 'application/octet-stream' },
        body: bundle.bytes as Uint8Array<ArrayBuffer>,
        credentials: 'omit',
        referrerPolicy: 'no-referrer',
        cache: 'no-store',
      });
      const body: unknown = await response.json();
      if (response.status !== 201) throw new Error(`raw PUT answered ${response.status}: ${JSON.stringify(body)}`);
    }
    return performance.now() - start;
  },
};

window.dalaDrainBench = api;
document.getElementById('status')?.replaceChildren('ready');
