// The browser's "Give this organisation to another coordinator" and "Open an organisation given to you",
// through the screens' API (src/app/createCoordinatorApi.ts): two browser vaults, one fake relay that
// records each acknowledgement's reader.
import 'fake-indexeddb/auto';
import { beforeAll, describe, expect, it } from 'vitest';
import { createCoordinatorApi } from '../../../src/app/createCoordinatorApi';
import type { RelayCallFailure, RelayClient } from '../../../src/coordinator/relayClient';
import { toBase64Url } from '../../../src/crypto/bytes';
import type { CoordinatorSession } from '../../../src/ui/coordinatorWorkspace/coordinatorApi';
import { MAILBOX } from '../bundle/bundleTestKit';
import { memoryStorage } from '../coordinator/cli/memoryStorage';

const RELAY = 'https://relay.example.org';
const token = (fill: number) => toBase64Url(new Uint8Array(32).fill(fill));
const PASSPHRASE = 'quiet river under the old bridge';
const unreachable: RelayCallFailure = { reason: 'unreachable', detail: 'connect ECONNREFUSED' };

const acks: { upTo: number; reader: string | undefined }[] = [];
let ackFailure: RelayCallFailure | null = null;
const client: RelayClient = {
  url: RELAY,
  createMailbox: async () => ({ ok: true, value: { mailboxId: MAILBOX, uploadToken: token(1), pullToken: token(3) } }),
  listBundles: async () => ({ ok: true, value: { bundles: [], hasMore: false } }),
  fetchBundle: async () => ({ ok: false, ...unreachable }),
  ack: async (_mailbox, _token, upTo, reader) => {
    if (ackFailure !== null) return { ok: false, ...ackFailure };
    acks.push({ upTo, reader });
    return { ok: true, value: { deleted: 0 } };
  },
  putDeviceMessage: async () => ({ ok: true, value: { seq: 1 } }),
  rotateUploadToken: async () => ({ ok: false, ...unreachable }),
};

async function browser(name: string) {
  const storage = memoryStorage();
  const api = createCoordinatorApi({ storage, clientFor: () => client, now: () => new Date(Date.UTC(2026, 2, 1, 15)) });
  const created = await api.createVault(PASSPHRASE, name);
  if (!created.ok) throw new Error(created.reason);
  return { api, session: created.value };
}

let a: CoordinatorSession;
let b: { api: ReturnType<typeof createCoordinatorApi>; session: CoordinatorSession };
let c: CoordinatorSession;

beforeAll(async () => {
  const [first, second, third] = await Promise.all([browser('Aigerim'), browser('Bolat'), browser('Chingiz')]);
  a = first.session;
  b = second;
  c = third.session;
  expect(await a.createOrganisation({ name: 'Steppe Watch', relayUrl: RELAY, adminToken: 'admin' })).toEqual({ ok: true });
});

describe('share an organisation between browser coordinators', () => {
  it('refuses a coordinator not listed yet, and oneself', async () => {
    expect(a.shareOrganisation(MAILBOX, 'Bolat')).toEqual({ ok: false, reason: 'not-listed' });
    expect(a.shareOrganisation(MAILBOX, 'Aigerim')).toEqual({ ok: false, reason: 'self' });
    for (const other of [b.session, c]) {
      const keys = other.keys();
      expect(await a.changeCoordinator('add', { name: keys.name, boxPublicKey: keys.boxPublicKey, signPublicKey: keys.signPublicKey })).toMatchObject({ ok: true });
    }
  });

  it('previews who signed it, adds it with its own reader once, and refuses it a second time', async () => {
    const shared = a.shareOrganisation(MAILBOX, 'Bolat');
    if (!shared.ok) throw new Error(shared.reason);
    expect(shared.value.fileName).toBe('Steppe-Watch-for-Bolat.dala-org.json');
    expect(c.previewOrganisationFile(shared.value.text)).toEqual({ ok: false, reason: 'not-for-you' });
    expect(b.session.previewOrganisationFile('{"not":"it"}')).toEqual({ ok: false, reason: 'not-an-organisation-file' });

    const preview = b.session.previewOrganisationFile(shared.value.text);
    expect(preview).toEqual({
      ok: true,
      value: { organisation: 'Steppe Watch', relays: [RELAY], coordinators: ['Aigerim', 'Bolat', 'Chingiz'], giverName: 'Aigerim', giverSignFingerprint: a.keys().signFingerprint },
    });
    // A preview changes nothing.
    expect(b.session.organisations()).toEqual([]);

    acks.length = 0;
    expect(await b.session.addOrganisationFile(shared.value.text)).toEqual({ ok: true, value: { unregistered: [] } });
    expect(acks).toHaveLength(1);
    expect(acks[0]?.upTo).toBe(0);
    expect(acks[0]?.reader).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(b.session.organisations()).toMatchObject([{ name: 'Steppe Watch', mailboxId: MAILBOX, relays: [{ url: RELAY, lastSeq: 0 }] }]);
    // Kept: unlocking the vault again shows it.
    const reopened = await b.api.unlock(PASSPHRASE);
    expect(reopened.ok && reopened.value.organisations().map((o) => o.name)).toEqual(['Steppe Watch']);
    expect(b.session.previewOrganisationFile(shared.value.text)).toEqual({ ok: false, reason: 'already-have' });
    expect(await b.session.addOrganisationFile(shared.value.text)).toEqual({ ok: false, reason: 'already-have' });
  });

  it('adds it even when a relay cannot be told yet, and says which', async () => {
    const shared = a.shareOrganisation(MAILBOX, 'Chingiz');
    if (!shared.ok) throw new Error(shared.reason);
    ackFailure = unreachable;
    expect(await c.addOrganisationFile(shared.value.text)).toEqual({ ok: true, value: { unregistered: [{ url: RELAY, problem: { kind: 'unreachable', detail: unreachable.detail } }] } });
    ackFailure = null;
    expect(c.organisations().map((o) => o.name)).toEqual(['Steppe Watch']);
  });
});
