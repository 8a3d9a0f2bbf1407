// Runs inside Chromium, served by the relay it pulls from (built by bench/vite.coordinator.config.ts):
// the coordinator's real browser pull (src/coordinator with IndexedDB storage and fetch) against bare
// secretbox opens plus a Dexie bulkPut of the same bundles, in the same page. Only timings leave it.
import Dexie from 'dexie';
import { emptyArchive } from '../../../src/coordinator/coordinatorArchive';
import { coordinatorIdentity } from '../../../src/coordinator/coordinatorIdentity';
import type { CoordinatorVault } from '../../../src/coordinator/CoordinatorVault';
import { createCoordinatorVault } from '../../../src/coordinator/createCoordinatorVault';
import { createOrganisation } from '../../../src/coordinator/createOrganisation';
import { pullOrganisation } from '../../../src/coordinator/pullOrganisation';
import { createRelayClient } from '../../../src/coordinator/relayClient';
import { toBase64Url } from '../../../src/crypto/bytes';
import { KDF_FLOOR } from '../../../src/crypto/kdfParams';
import { openSealedBox } from '../../../src/crypto/sealedBox';
import { decryptWithKey } from '../../../src/crypto/secretbox';
import { parseBundleHeader } from '../../../src/protocol/bundleHeader';
import { createBlobStorage } from '../../../src/store/blobStorage';
import type { BlobStorage } from '../../../src/store/blobStorage';
import type { CoordinatorBenchApi } from './coordinatorBenchApi';

const clientFor = (url: string) => createRelayClient(url);
let current: { storage: BlobStorage; vault: CoordinatorVault; mailboxId: string; pullToken: string } | null = null;

function ready() {
  if (current === null) throw new Error('coordinator bench: call setUp() first');
  return current;
}

/** Every bundle in the mailbox, listed and fetched as the pull does, without acknowledging. */
async function fetchAll(mailboxId: string, pullToken: string): Promise<{ id: string; bytes: Uint8Array }[]> {
  const client = clientFor(location.origin);
  const bundles: { id: string; bytes: Uint8Array }[] = [];
  for (let after = 0; ; ) {
    const page = await client.listBundles(mailboxId, pullToken, after, 100);
    if (!page.ok) throw new Error(`list: ${JSON.stringify(page)}`);
    for (const entry of page.value.bundles) {
      const got = await client.fetchBundle(mailboxId, pullToken, entry.id);
      if (!got.ok) throw new Error(`fetch: ${JSON.stringify(got)}`);
      bundles.push({ id: entry.id, bytes: got.value });
      after = entry.seq;
    }
    if (!page.value.hasMore) return bundles;
  }
}

const api: CoordinatorBenchApi = {
  async setUp(adminToken) {
    const storage = createBlobStorage(`bench-coordinator-${crypto.randomUUID()}`);
    const created = await createCoordinatorVault(storage, {
      passphrase: 'quiet river under the old bridge at dawn',
      name: 'Bench coordinator',
      kdfCost: { ...KDF_FLOOR, parallelism: 1 },
    });
    if (!created.ok) throw new Error(`createCoordinatorVault: ${created.reason}`);
    const organised = await createOrganisation(storage, created.value, { name: 'Steppe Watch', relayUrls: [location.origin], adminToken }, clientFor);
    if (!organised.ok) throw new Error(`createOrganisation: ${JSON.stringify(organised)}`);
    const vault = organised.value.vault;
    const organisation = vault.state.organisations.at(-1);
    if (organisation === undefined) throw new Error('createOrganisation stored no organisation');
    current = { storage, vault, mailboxId: organisation.mailboxId, pullToken: organisation.pullToken };
    return { mailboxId: organisation.mailboxId, uploadToken: organisation.uploadToken, boxPublicKey: toBase64Url(coordinatorIdentity(vault.state).box.publicKey) };
  },

  async baseline() {
    const { vault, mailboxId, pullToken } = ready();
    const recipient = coordinatorIdentity(vault.state).box;
    const bundles = await fetchAll(mailboxId, pullToken);
    const bodies = bundles.map(({ id, bytes }) => {
      const header = parseBundleHeader(bytes);
      if (!header.ok) throw new Error(`header: ${header.reason}`);
      for (const slot of header.value.slots) {
        const opened = openSealedBox(slot, recipient.publicKey, recipient.secretKey);
        if (opened.ok) return { id, key: opened.value, body: bytes.subarray(header.value.signedLength) };
      }
      throw new Error('no slot opens');
    });
    const db = new Dexie(`bench-baseline-${crypto.randomUUID()}`);
    db.version(1).stores({ plaintexts: 'id' });
    await db.open();
    try {
      const start = performance.now();
      const rows = bodies.map(({ id, key, body }) => {
        const opened = decryptWithKey(key, body);
        if (!opened.ok) throw new Error('a body did not open');
        return { id, bytes: opened.value };
      });
      await db.table('plaintexts').bulkPut(rows);
      return performance.now() - start;
    } finally {
      db.close();
      await Dexie.delete(db.name);
    }
  },

  async pull() {
    const { storage, vault, mailboxId } = ready();
    const start = performance.now();
    const result = await pullOrganisation({ storage, vault, archive: emptyArchive, mailboxId, clientFor });
    const pullMs = performance.now() - start;
    const failed = result.relays.find((relay) => relay.failure !== null);
    if (failed !== undefined || result.summary.rejected.length > 0) {
      throw new Error(`pull: ${JSON.stringify(failed ?? result.summary.rejected.slice(0, 3))}`);
    }
    return { pullMs, newVersions: result.summary.newVersions, bundles: result.archive.bundles.length };
  },
};

window.dalaCoordinatorBench = api;
document.getElementById('status')?.replaceChildren('ready');
