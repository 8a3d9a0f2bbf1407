import { describe, expect, it } from 'vitest';
import { acceptOrgUpdate } from '../../../src/bundle/acceptOrgUpdate';
import type { PinnedOrganisation } from '../../../src/bundle/acceptOrgUpdate';
import { openOrgUpdate } from '../../../src/bundle/openOrgUpdate';
import { openReceipt } from '../../../src/bundle/openReceipt';
import { encodeOrgUpdateStatement, orgUpdateSignedMessage } from '../../../src/bundle/orgUpdateStatement';
import type { OrgUpdateStatement } from '../../../src/bundle/orgUpdateStatement';
import { sealOrgUpdate, signOrgUpdate } from '../../../src/bundle/sealOrgUpdate';
import { sealReceipt } from '../../../src/bundle/sealReceipt';
import { concatBytes, toBase64Url, utf8Encode } from '../../../src/crypto/bytes';
import { generateSigningKeyPair, signDetached } from '../../../src/crypto/signingKeys';
import type { SigningKeyPair } from '../../../src/crypto/signingKeys';
import { generateBoxKeyPair } from '../../../src/crypto/x25519';

const ORG = 'AAAAAAAAAAAAAAAAAAAAAA';
const device = generateSigningKeyPair();
const otherDevice = generateSigningKeyPair();
const signA = generateSigningKeyPair();
const signB = generateSigningKeyPair();
const signNew = generateSigningKeyPair();
const stranger = generateSigningKeyPair();

function coordinator(name: string, sign: SigningKeyPair) {
  return { name, boxPublicKey: toBase64Url(generateBoxKeyPair().publicKey), signPublicKey: toBase64Url(sign.publicKey) };
}
const A = coordinator('Aigerim', signA);
const B = coordinator('Bolat', signB);
const NEW = coordinator('Nurlan', signNew);

const pinned: PinnedOrganisation = { mailboxId: ORG, coordinators: [A, B], lastSequence: 3 };

function statement(overrides: Partial<OrgUpdateStatement> = {}): OrgUpdateStatement {
  return { format: 1, mailboxId: ORG, sequence: 4, coordinators: [A, NEW], issuedAtHour: 480_000, ...overrides };
}

describe('acceptOrgUpdate', () => {
  it('accepts an update signed by a pinned coordinator and names the signer (positive control)', () => {
    const result = acceptOrgUpdate(pinned, signOrgUpdate(statement({ uploadToken: 'new-token', relayUrls: ['https://relay.example'] }), signB));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.signer).toEqual({ name: 'Bolat', signPublicKey: B.signPublicKey });
    expect(result.value.statement.coordinators).toEqual([A, NEW]);
    expect(result.value.statement.uploadToken).toBe('new-token');
    expect(result.value.statement.relayUrls).toEqual(['https://relay.example']);
  });

  it('refuses an update signed by a key the update itself adds', () => {
    expect(acceptOrgUpdate(pinned, signOrgUpdate(statement(), signNew))).toEqual({ ok: false, reason: 'unknown-signer' });
  });

  it('refuses a stranger and a coordinator no longer pinned', () => {
    expect(acceptOrgUpdate(pinned, signOrgUpdate(statement(), stranger))).toEqual({ ok: false, reason: 'unknown-signer' });
    const afterRemoval: PinnedOrganisation = { ...pinned, coordinators: [A, NEW], lastSequence: 4 };
    expect(acceptOrgUpdate(afterRemoval, signOrgUpdate(statement({ sequence: 5 }), signB))).toEqual({ ok: false, reason: 'unknown-signer' });
  });

  it('refuses a signature made by someone else under a pinned key name, and an altered statement', () => {
    const json = encodeOrgUpdateStatement(statement());
    const forged = concatBytes(signA.publicKey, signDetached(orgUpdateSignedMessage(json), stranger.secretKey), json);
    expect(acceptOrgUpdate(pinned, forged)).toEqual({ ok: false, reason: 'bad-signature' });
    const altered = signOrgUpdate(statement({ uploadToken: 'token-one' }), signA);
    const at = altered.length - 20; // inside the statement JSON, after the header
    altered[at] = (altered[at] ?? 0) ^ 1;
    expect(acceptOrgUpdate(pinned, altered)).toEqual({ ok: false, reason: 'bad-signature' });
  });

  it('refuses a receipt signature for the same bytes (domain separation)', () => {
    const json = encodeOrgUpdateStatement(statement());
    const receiptSigned = concatBytes(signA.publicKey, signDetached(concatBytes(utf8Encode('dala-receipt-v1\0'), json), signA.secretKey), json);
    expect(acceptOrgUpdate(pinned, receiptSigned)).toEqual({ ok: false, reason: 'bad-signature' });
  });

  it('refuses another organisation', () => {
    expect(acceptOrgUpdate(pinned, signOrgUpdate(statement({ mailboxId: 'BBBBBBBBBBBBBBBBBBBBBB' }), signA))).toEqual({ ok: false, reason: 'wrong-organisation' });
  });

  it('refuses a replay of the last applied update and an older one, accepts the next', () => {
    const update = signOrgUpdate(statement({ sequence: 4 }), signA);
    expect(acceptOrgUpdate(pinned, update).ok).toBe(true);
    const applied: PinnedOrganisation = { mailboxId: ORG, coordinators: [A, NEW], lastSequence: 4 };
    expect(acceptOrgUpdate(applied, update)).toEqual({ ok: false, reason: 'stale' });
    expect(acceptOrgUpdate(applied, signOrgUpdate(statement({ sequence: 2 }), signA))).toEqual({ ok: false, reason: 'stale' });
    expect(acceptOrgUpdate(applied, signOrgUpdate(statement({ sequence: 5 }), signNew)).ok).toBe(true);
  });

  it('refuses an update that leaves no coordinator', () => {
    expect(acceptOrgUpdate(pinned, signOrgUpdate(statement({ coordinators: [] }), signA))).toEqual({ ok: false, reason: 'no-coordinators' });
  });

  it('refuses malformed envelopes, statements and unusable keys', () => {
    expect(acceptOrgUpdate(pinned, new Uint8Array(96))).toEqual({ ok: false, reason: 'malformed' });
    const notJson = utf8Encode('{not json');
    const signedGarbage = concatBytes(signA.publicKey, signDetached(orgUpdateSignedMessage(notJson), signA.secretKey), notJson);
    expect(acceptOrgUpdate(pinned, signedGarbage)).toEqual({ ok: false, reason: 'malformed' });
    const extraField = utf8Encode(JSON.stringify({ ...statement(), extra: 1 }));
    const signedExtra = concatBytes(signA.publicKey, signDetached(orgUpdateSignedMessage(extraField), signA.secretKey), extraField);
    expect(acceptOrgUpdate(pinned, signedExtra)).toEqual({ ok: false, reason: 'malformed' });
    const lowOrderBox = { ...NEW, boxPublicKey: toBase64Url(new Uint8Array(32)) };
    expect(acceptOrgUpdate(pinned, signOrgUpdate(statement({ coordinators: [A, lowOrderBox] }), signA))).toEqual({ ok: false, reason: 'malformed' });
  });
});

describe('sealOrgUpdate / openOrgUpdate', () => {
  it('opens on the device it was sealed to and nowhere else', () => {
    const sealed = sealOrgUpdate(statement(), signA, device.publicKey);
    if (sealed === null) throw new Error('sealOrgUpdate refused a real device key');
    const opened = openOrgUpdate(sealed.bytes, device, pinned);
    expect(opened.ok && opened.value.signer.name).toBe('Aigerim');
    expect(openOrgUpdate(sealed.bytes, otherDevice, pinned)).toEqual({ ok: false, reason: 'not-for-this-device' });
  });

  it('an update never reads as a receipt, nor a receipt as an update', () => {
    const update = sealOrgUpdate(statement(), signA, device.publicKey);
    const receipt = sealReceipt({ devicePublicKey: device.publicKey, organisationMailbox: ORG, counters: [{ first: 1, last: 1 }], coordinator: signA, now: 0 });
    if (update === null || receipt === null) throw new Error('sealing refused a real device key');
    expect(openReceipt(update.bytes, { device, organisationMailbox: ORG, coordinatorSignKeys: [A.signPublicKey] }).ok).toBe(false);
    expect(openOrgUpdate(receipt.bytes, device, pinned).ok).toBe(false);
    expect(openReceipt(receipt.bytes, { device, organisationMailbox: ORG, coordinatorSignKeys: [A.signPublicKey] }).ok).toBe(true);
  });
});
