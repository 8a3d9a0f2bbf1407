// "Share organisation": coordinator A writes a file for B (listed with add-key first), B opens it into its
// own vault with a fresh reader id, and from then on the real relay keeps what B has not pulled even
// after A acknowledged it. Refusals: wrong recipient, tampering, a signer the invite does not list, a
// file re-sealed to someone else, and an organisation B already has.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addSharedOrganisation } from '../../../src/coordinator/addSharedOrganisation';
import { emptyArchive } from '../../../src/coordinator/coordinatorArchive';
import type { CoordinatorArchive } from '../../../src/coordinator/coordinatorArchive';
import { coordinatorIdentity } from '../../../src/coordinator/coordinatorIdentity';
import type { CoordinatorVault } from '../../../src/coordinator/CoordinatorVault';
import { changeCoordinatorKeys } from '../../../src/coordinator/changeCoordinatorKeys';
import { createCoordinatorVault } from '../../../src/coordinator/createCoordinatorVault';
import { createOrganisation } from '../../../src/coordinator/createOrganisation';
import { openOrganisationShare } from '../../../src/coordinator/openOrganisationShare';
import { encodeOrganisationShareStatement, organisationShareSignedMessage } from '../../../src/coordinator/organisationShareFile';
import type { OrganisationShareStatement } from '../../../src/coordinator/organisationShareFile';
import { pullOrganisation } from '../../../src/coordinator/pullOrganisation';
import { createRelayClient } from '../../../src/coordinator/relayClient';
import { shareOrganisation } from '../../../src/coordinator/shareOrganisation';
import { concatBytes, fromBase64Url, toBase64Url } from '../../../src/crypto/bytes';
import { KDF_FLOOR } from '../../../src/crypto/kdfParams';
import { padToBucket } from '../../../src/crypto/padding';
import { sealToPublicKey } from '../../../src/crypto/sealedBox';
import { signDetached } from '../../../src/crypto/signingKeys';
import type { SigningKeyPair } from '../../../src/crypto/signingKeys';
import { relayPaths } from '../../../src/protocol/relayPaths';
import { sealChain, signingKeys } from '../bundle/bundleTestKit';
import { spawnRelay } from '../../relay/relayProcess';
import type { RelayProcess } from '../../relay/relayProcess';
import { memoryStorage } from './cli/memoryStorage';
import type { MemoryStorage } from './cli/memoryStorage';

const NOW = new Date('2026-03-01T10:20:00Z');
const clientFor = (url: string) => createRelayClient(url);

interface Coordinator {
  storage: MemoryStorage;
  vault: CoordinatorVault;
  archive: CoordinatorArchive;
}

async function coordinator(name: string): Promise<Coordinator> {
  const storage = memoryStorage();
  const created = await createCoordinatorVault(storage, {
    passphrase: `${name} steppe lantern quietly blue`,
    name,
    kdfCost: { memoryKiB: KDF_FLOOR.memoryKiB, iterations: KDF_FLOOR.iterations, parallelism: 1 },
  });
  if (!created.ok) throw new Error('set-up');
  return { storage, vault: created.value, archive: emptyArchive };
}

function boxKeyOf(c: Coordinator): string {
  return coordinatorIdentity(c.vault.state).inviteEntry.boxPublicKey;
}

/** What only a holder of B's public key can build: any statement, signed by `signer`, sealed to `recipient`. */
function craftFile(statement: OrganisationShareStatement, signer: SigningKeyPair, recipient: string): string {
  const json = encodeOrganisationShareStatement(statement);
  const signed = concatBytes(signer.publicKey, signDetached(organisationShareSignedMessage(json), signer.secretKey), json);
  const sealed = sealToPublicKey(padToBucket(signed), fromBase64Url(recipient) ?? new Uint8Array());
  return JSON.stringify({ format: 'dala-organisation', version: 1, sealed: toBase64Url(sealed) });
}

let relay: RelayProcess;
let a: Coordinator;
let b: Coordinator;
let c: Coordinator;
let mailboxId: string;
let file: string;

async function listed(): Promise<number> {
  const org = a.vault.state.organisations[0];
  if (org === undefined) throw new Error('set-up');
  const page = await clientFor(relay.url).listBundles(org.mailboxId, org.pullToken, 0, 100);
  if (!page.ok) throw new Error('list failed');
  return page.value.bundles.length;
}

beforeAll(async () => {
  relay = await spawnRelay({ env: { DALA_OPEN_REGISTRATION: '1' } });
  [a, b, c] = await Promise.all([coordinator('Aigerim'), coordinator('Bolat'), coordinator('Chingiz')]);
  const created = await createOrganisation(a.storage, a.vault, { name: 'Steppe Watch', relayUrls: [relay.url], adminToken: null }, clientFor);
  if (!created.ok) throw new Error(`set-up: ${created.reason}`);
  a.vault = created.value.vault;
  mailboxId = created.value.organisation.mailboxId;
  // A pulls once before B exists, so the relay already counts A as a reader.
  a.vault = (await pullOrganisation({ storage: a.storage, vault: a.vault, archive: a.archive, mailboxId, clientFor, now: () => NOW })).vault;
});

afterAll(async () => {
  await relay?.kill('SIGTERM');
});

describe('share organisation', { timeout: 60_000 }, () => {
  it('refuses to write a file for a coordinator the invite does not list, for oneself, or for a bad key', () => {
    expect(shareOrganisation(a.vault.state, mailboxId, boxKeyOf(b), NOW)).toEqual({ ok: false, reason: 'not-listed' });
    expect(shareOrganisation(a.vault.state, mailboxId, boxKeyOf(a), NOW)).toEqual({ ok: false, reason: 'self' });
    expect(shareOrganisation(a.vault.state, mailboxId, 'not-a-key', NOW)).toEqual({ ok: false, reason: 'bad-key' });
    expect(shareOrganisation(a.vault.state, 'AAAAAAAAAAAAAAAAAAAAAA', boxKeyOf(b), NOW)).toEqual({ ok: false, reason: 'unknown-organisation' });
  });

  it('writes a file for a listed coordinator that opens only with their key and carries no reader id', async () => {
    for (const other of [b, c]) {
      const entry = coordinatorIdentity(other.vault.state).inviteEntry;
      const added = await changeCoordinatorKeys({ storage: a.storage, vault: a.vault, archive: a.archive, change: { kind: 'add', coordinator: entry }, clientFor, now: () => NOW });
      if (!added.ok) throw new Error(added.reason);
      a.vault = added.value.vault;
    }
    const shared = shareOrganisation(a.vault.state, mailboxId, boxKeyOf(b), NOW);
    if (!shared.ok) throw new Error(shared.reason);
    expect(shared.value.recipientName).toBe('Bolat');
    file = shared.value.text;
    const aOrg = a.vault.state.organisations[0];
    if (aOrg?.reader === undefined) throw new Error('A has no reader id');
    // The envelope shows nothing of the organisation: the pull token, mailbox and A's reader are all inside the seal.
    for (const secret of [aOrg.pullToken, aOrg.uploadToken, mailboxId, aOrg.reader, 'Steppe Watch']) expect(file).not.toContain(secret);

    const opened = openOrganisationShare(file, b.vault.state);
    if (!opened.ok) throw new Error(opened.reason);
    expect(opened.value.giverName).toBe('Aigerim');
    expect(opened.value.giverSignFingerprint).toBe(coordinatorIdentity(a.vault.state).signFingerprint);
    expect(opened.value.statement).toMatchObject({ name: 'Steppe Watch', mailboxId, pullToken: aOrg.pullToken, uploadToken: aOrg.uploadToken, relays: [relay.url], appUrl: aOrg.appUrl });
    expect(JSON.stringify(opened.value.statement)).not.toContain(aOrg.reader);
    // Another coordinator, listed too, cannot open B's file.
    expect(openOrganisationShare(file, c.vault.state)).toEqual({ ok: false, reason: 'not-for-you' });
  });

  it('refuses tampered, foreign and unknown files with a reason', () => {
    const envelope = JSON.parse(file) as { sealed: string };
    const bytes = fromBase64Url(envelope.sealed) ?? new Uint8Array();
    bytes[60] = (bytes[60] ?? 0) ^ 1;
    expect(openOrganisationShare(JSON.stringify({ ...envelope, sealed: toBase64Url(bytes) }), b.vault.state)).toEqual({ ok: false, reason: 'not-for-you' });
    expect(openOrganisationShare(JSON.stringify({ ...envelope, version: 2 }), b.vault.state)).toEqual({ ok: false, reason: 'unsupported-version' });
    expect(openOrganisationShare('{"format":"dala-export","version":1,"sealed":""}', b.vault.state)).toEqual({ ok: false, reason: 'not-an-organisation-file' });
    expect(openOrganisationShare('not json', b.vault.state)).toEqual({ ok: false, reason: 'not-an-organisation-file' });

    const statement = openOrganisationShare(file, b.vault.state);
    if (!statement.ok) throw new Error(statement.reason);
    const original = statement.value.statement;
    const aSign = coordinatorIdentity(a.vault.state).sign;
    // Positive control: the same crafting with A's key and nothing changed opens.
    expect(openOrganisationShare(craftFile(original, aSign, boxKeyOf(b)), b.vault.state).ok).toBe(true);
    // Someone who knows B's public key re-seals an altered statement under A's signature.
    const json = encodeOrganisationShareStatement({ ...original, relays: ['https://evil.example.org'] });
    const forgedSignature = signDetached(organisationShareSignedMessage(encodeOrganisationShareStatement(original)), aSign.secretKey);
    const altered = toBase64Url(sealToPublicKey(padToBucket(concatBytes(aSign.publicKey, forgedSignature, json)), fromBase64Url(boxKeyOf(b)) ?? new Uint8Array()));
    expect(openOrganisationShare(JSON.stringify({ ...envelope, sealed: altered }), b.vault.state)).toEqual({ ok: false, reason: 'bad-signature' });
    // Signed by a key the carried invite does not list.
    expect(openOrganisationShare(craftFile(original, signingKeys('stranger'), boxKeyOf(b)), b.vault.state)).toEqual({ ok: false, reason: 'signer-not-listed' });
    // A's file for B, re-sealed by B to C (who is listed): the statement names B, so C refuses it.
    expect(openOrganisationShare(craftFile(original, aSign, boxKeyOf(c)), c.vault.state)).toEqual({ ok: false, reason: 'not-listed' });
  });

  it('B adds it with a fresh reader, cursors at 0, and is counted at once: A\'s acknowledgement no longer deletes what B has not pulled', async () => {
    const opened = openOrganisationShare(file, b.vault.state);
    if (!opened.ok) throw new Error(opened.reason);
    const added = await addSharedOrganisation(b.storage, b.vault, opened.value, clientFor);
    if (!added.ok) throw new Error(added.reason);
    b.vault = added.value.vault;
    expect(added.value.acks).toEqual([{ url: relay.url, failure: null }]);
    const bOrg = b.vault.state.organisations[0];
    expect(bOrg?.relays).toEqual([{ url: relay.url, lastSeq: 0 }]);
    expect(bOrg?.reader).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(bOrg?.reader).not.toBe(a.vault.state.organisations[0]?.reader);
    // Stored durably: the vault file on "disk" is the one returned.
    expect(b.storage.files.get('coordinator.json')).toBeDefined();
    expect(openOrganisationShare(file, b.vault.state)).toEqual({ ok: false, reason: 'already-have' });
    expect(await addSharedOrganisation(b.storage, b.vault, opened.value, clientFor)).toEqual({ ok: false, reason: 'already-have' });

    const org = a.vault.state.organisations[0];
    if (org === undefined) throw new Error('set-up');
    const recipients = org.invite.coordinators.map((entry) => fromBase64Url(entry.boxPublicKey) ?? new Uint8Array());
    const chain = sealChain({ device: signingKeys('field-phone'), sizes: [1, 1], recipients, mailboxId });
    for (const bundle of chain.bundles) {
      const put = await fetch(`${relay.url}${relayPaths.bundle(mailboxId, bundle.id)}`, {
        method: 'PUT',
        headers: { authorization: `Bearer ${org.uploadToken}`, 'content-type': 'application/octet-stream' },
        body: new Uint8Array(bundle.bytes),
      });
      expect(put.status).toBe(201);
    }

    const pulledA = await pullOrganisation({ storage: a.storage, vault: a.vault, archive: a.archive, mailboxId, clientFor, now: () => NOW });
    a.vault = pulledA.vault;
    expect(pulledA.summary.newReports).toBe(2);
    expect(pulledA.relays[0]?.ackFailure).toBeNull();
    expect(await listed()).toBe(2);

    const pulledB = await pullOrganisation({ storage: b.storage, vault: b.vault, archive: b.archive, mailboxId, clientFor, now: () => NOW });
    b.vault = pulledB.vault;
    expect(pulledB.summary.newReports).toBe(2);
    expect(pulledB.summary.rejected).toHaveLength(0);
    expect(pulledB.relays[0]).toMatchObject({ fetched: 2, failure: null, ackFailure: null });
    // Every counted reader has acknowledged them now, so the relay deleted them.
    expect(await listed()).toBe(0);
  });
});
