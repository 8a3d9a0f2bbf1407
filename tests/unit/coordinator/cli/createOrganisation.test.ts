import { beforeAll, describe, expect, it } from 'vitest';
import { emptyArchive } from '../../../../src/coordinator/coordinatorArchive';
import { coordinatorIdentity } from '../../../../src/coordinator/coordinatorIdentity';
import type { CoordinatorVault } from '../../../../src/coordinator/CoordinatorVault';
import { createCoordinatorVault } from '../../../../src/coordinator/createCoordinatorVault';
import { createOrganisation } from '../../../../src/coordinator/createOrganisation';
import type { CreateOrganisationInput } from '../../../../src/coordinator/createOrganisation';
import { importExportFile } from '../../../../src/coordinator/importExportFile';
import { openCoordinatorVault } from '../../../../src/coordinator/openCoordinatorVault';
import type { RelayClient } from '../../../../src/coordinator/relayClient';
import { KDF_FLOOR } from '../../../../src/crypto/kdfParams';
import { encodeExportFile } from '../../../../src/protocol/exportFile';
import { parseInvite } from '../../../../src/protocol/invite';
import { memoryStorage } from './memoryStorage';
import type { MemoryStorage } from './memoryStorage';

const PASSPHRASE = 'river steppe lantern quietly blue';
const CREATED = { mailboxId: 'AAECAwQFBgcICQoLDA0ODw', uploadToken: 'U'.repeat(42) + 'A', pullToken: 'P'.repeat(42) + 'A' };

/** Relays by origin: `serves` says whether listing the new mailbox works there (a mirror) or not. */
function relays(serving: Record<string, boolean>, calls: string[]): (url: string) => RelayClient {
  return (url) => ({
    url,
    createMailbox: async (adminToken) => {
      calls.push(`create ${url} ${adminToken ?? 'none'}`);
      return { ok: true, value: CREATED };
    },
    listBundles: async (mailboxId, token) => {
      calls.push(`list ${url} ${mailboxId} ${token}`);
      return serving[url]
        ? { ok: true, value: { bundles: [], hasMore: false } }
        : { ok: false, reason: 'http-error', status: 404, code: 'unknown_mailbox', message: 'no such mailbox', retryAfterSeconds: null };
    },
    fetchBundle: async () => ({ ok: false, reason: 'unreachable', detail: 'not used' }),
    ack: async () => ({ ok: false, reason: 'unreachable', detail: 'not used' }),
    putDeviceMessage: async () => ({ ok: false, reason: 'unreachable', detail: 'not used' }),
    rotateUploadToken: async () => ({ ok: false, reason: 'unreachable', detail: 'not used' }),
  });
}

let storage: MemoryStorage;
let vault: CoordinatorVault;

beforeAll(async () => {
  storage = memoryStorage();
  const created = await createCoordinatorVault(storage, {
    passphrase: PASSPHRASE,
    name: 'Aigerim',
    kdfCost: { memoryKiB: KDF_FLOOR.memoryKiB, iterations: KDF_FLOOR.iterations, parallelism: 1 },
  });
  if (!created.ok) throw new Error('set-up');
  vault = created.value;
});

const input = (change: Partial<CreateOrganisationInput> = {}): CreateOrganisationInput => ({
  name: 'Steppe Watch',
  relayUrls: ['https://relay.example.org'],
  adminToken: 'admin-token',
  ...change,
});

describe('createOrganisation', () => {
  it('creates the mailbox on the first relay, checks the mirrors, saves the tokens and returns a working invite link', async () => {
    const calls: string[] = [];
    const result = await createOrganisation(
      storage,
      vault,
      input({ relayUrls: ['https://relay.example.org', 'https://MIRROR.example.net:443'], appUrl: 'https://app.example.org/dala/' }),
      relays({ 'https://relay.example.org': true, 'https://mirror.example.net': true }, calls),
    );
    if (!result.ok) throw new Error(`failed: ${result.reason}`);
    expect(calls).toEqual([`create https://relay.example.org admin-token`, `list https://mirror.example.net ${CREATED.mailboxId} ${CREATED.pullToken}`]);
    const invite = parseInvite(result.value.link);
    expect(result.value.link.startsWith('https://app.example.org/dala/#join=')).toBe(true);
    expect(invite).toEqual({
      ok: true,
      value: {
        version: 1,
        organisation: 'Steppe Watch',
        mailboxId: CREATED.mailboxId,
        uploadToken: CREATED.uploadToken,
        relays: ['https://relay.example.org', 'https://mirror.example.net'],
        coordinators: [coordinatorIdentity(vault.state).inviteEntry],
      },
    });
    // The invite never carries the pull token.
    expect(result.value.link).not.toContain(CREATED.pullToken);
    const reopened = await openCoordinatorVault(storage, PASSPHRASE);
    expect(reopened.ok && reopened.value.state.organisations.map((org) => [org.mailboxId, org.pullToken, org.relays])).toEqual([
      [CREATED.mailboxId, CREATED.pullToken, [{ url: 'https://relay.example.org', lastSeq: 0 }, { url: 'https://mirror.example.net', lastSeq: 0 }]],
    ]);
  });

  it.each([
    ['bad-name', input({ name: '  ' })],
    ['relay-count', input({ relayUrls: [] })],
    ['relay-count', input({ relayUrls: ['a', 'b', 'c', 'd', 'e', 'f'].map((n) => `https://${n}.example`) })],
    ['bad-relay-url', input({ relayUrls: ['http://relay.example.org'] })],
    ['bad-relay-url', input({ relayUrls: ['https://relay.example.org', 'https://relay.example.org/'] })],
    ['bad-app-url', input({ appUrl: 'https://app.example.org/#x' })],
  ])('refuses %s before contacting any relay', async (reason, bad) => {
    const calls: string[] = [];
    const result = await createOrganisation(memoryStorage(), vault, bad, relays({}, calls));
    expect(result).toMatchObject({ ok: false, reason });
    expect(calls).toEqual([]);
  });

  it('refuses a second relay that does not serve the new mailbox, and saves nothing', async () => {
    const scratch = memoryStorage();
    const result = await createOrganisation(
      scratch,
      vault,
      input({ relayUrls: ['https://relay.example.org', 'https://other.example.net'] }),
      relays({ 'https://relay.example.org': true }, []),
    );
    expect(result).toMatchObject({ ok: false, reason: 'not-a-mirror', url: 'https://other.example.net', failure: { code: 'unknown_mailbox' } });
    expect(scratch.files.size).toBe(0);
  });
});

describe('importExportFile', () => {
  it('refuses a file for a mailbox this vault has no organisation for, and a file that is not an export', async () => {
    const text = encodeExportFile({ mailboxId: 'ZmFrZS1tYWlsYm94LWlkLQ', bundles: [Uint8Array.of(1)] });
    expect(await importExportFile({ storage, vault, archive: emptyArchive, text, source: 'file x' })).toEqual({ ok: false, reason: 'unknown-mailbox' });
    expect(await importExportFile({ storage, vault, archive: emptyArchive, text: '[]', source: 'file x' })).toEqual({ ok: false, reason: 'not-an-export' });
  });
});
