import { describe, expect, it } from 'vitest';
import { openReceipt } from '../../../src/bundle/openReceipt';
import type { OpenReceiptOptions } from '../../../src/bundle/openReceipt';
import { encodeReceiptStatement, receiptSignedMessage } from '../../../src/bundle/receiptStatement';
import { sealReceipt } from '../../../src/bundle/sealReceipt';
import { concatBytes, toBase64Url, utf8Encode } from '../../../src/crypto/bytes';
import { deviceMailboxId } from '../../../src/crypto/deviceMailboxId';
import { ed25519PublicKeyToX25519 } from '../../../src/crypto/ed25519ToX25519';
import { padToBucket } from '../../../src/crypto/padding';
import { sealToPublicKey } from '../../../src/crypto/sealedBox';
import { generateSigningKeyPair, signDetached } from '../../../src/crypto/signingKeys';
import type { SigningKeyPair } from '../../../src/crypto/signingKeys';

const ORG = 'AAAAAAAAAAAAAAAAAAAAAA';
const device = generateSigningKeyPair();
const otherDevice = generateSigningKeyPair();
const coordinatorA = generateSigningKeyPair();
const coordinatorB = generateSigningKeyPair();
const stranger = generateSigningKeyPair();
const NOW = Date.UTC(2025, 2, 1, 14, 30);

function options(overrides: Partial<OpenReceiptOptions> = {}): OpenReceiptOptions {
  return {
    device,
    organisationMailbox: ORG,
    coordinatorSignKeys: [toBase64Url(coordinatorA.publicKey), toBase64Url(coordinatorB.publicKey)],
    ...overrides,
  };
}

function seal(signer: SigningKeyPair, forDevice = device): Uint8Array {
  const sealed = sealReceipt({ devicePublicKey: forDevice.publicKey, organisationMailbox: ORG, counters: [{ first: 1, last: 3 }, { first: 5, last: 5 }], coordinator: signer, now: NOW });
  if (sealed === null) throw new Error('sealReceipt refused a real device key');
  return sealed.bytes;
}

/** A receipt signed by a real coordinator but naming `statementFor`, sealed to `sealTo` (a copy someone re-sealed). */
function resealed(statement: { deviceMailbox: string; deviceId: string; organisationMailbox: string }, sealTo = device): Uint8Array {
  const json = encodeReceiptStatement({ format: 1, counters: [[1, 1]], issuedAtHour: 1, ...statement });
  const signature = signDetached(receiptSignedMessage(json), coordinatorA.secretKey);
  const recipient = ed25519PublicKeyToX25519(sealTo.publicKey);
  if (recipient === null) throw new Error('no X25519 key');
  return sealToPublicKey(padToBucket(concatBytes(signature, json)), recipient);
}

describe('coordinator receipts', () => {
  it('the device opens a receipt from either pinned coordinator and reads its counters (positive control)', () => {
    const sealed = sealReceipt({ devicePublicKey: device.publicKey, organisationMailbox: ORG, counters: [{ first: 1, last: 3 }], coordinator: coordinatorB, now: NOW });
    expect(sealed?.deviceMailbox).toBe(deviceMailboxId(device.publicKey));
    expect(openReceipt(sealed?.bytes ?? new Uint8Array(), options())).toEqual({
      ok: true,
      value: { signer: 1, counters: [{ first: 1, last: 3 }], issuedAtHour: Math.floor(NOW / 3_600_000) },
    });
    expect(openReceipt(seal(coordinatorA), options())).toMatchObject({ ok: true, value: { signer: 0, counters: [{ first: 1, last: 3 }, { first: 5, last: 5 }] } });
  });

  it('hides the counters from the relay: every receipt is padded to the same 1 KiB bucket', () => {
    expect(seal(coordinatorA)).toHaveLength(1024 + 48);
  });

  it('refuses a receipt signed by a key that was not pinned at joining', () => {
    expect(openReceipt(seal(stranger), options())).toEqual({ ok: false, reason: 'bad-signature' });
    expect(openReceipt(seal(coordinatorA), options({ coordinatorSignKeys: [toBase64Url(coordinatorB.publicKey)] }))).toEqual({ ok: false, reason: 'bad-signature' });
  });

  it('cannot open a receipt sealed to another device, nor altered bytes', () => {
    expect(openReceipt(seal(coordinatorA, otherDevice), options())).toEqual({ ok: false, reason: 'not-for-this-device' });
    const altered = seal(coordinatorA);
    altered[100] = (altered[100] ?? 0) ^ 1;
    expect(openReceipt(altered, options())).toEqual({ ok: false, reason: 'not-for-this-device' });
  });

  it('refuses a genuine statement about another device, mailbox or organisation re-sealed to this device', () => {
    const mine = { deviceMailbox: deviceMailboxId(device.publicKey), deviceId: toBase64Url(device.publicKey), organisationMailbox: ORG };
    expect(openReceipt(resealed(mine), options())).toMatchObject({ ok: true });
    expect(openReceipt(resealed({ ...mine, deviceId: toBase64Url(otherDevice.publicKey) }), options())).toEqual({ ok: false, reason: 'wrong-recipient' });
    expect(openReceipt(resealed({ ...mine, deviceMailbox: deviceMailboxId(otherDevice.publicKey) }), options())).toEqual({ ok: false, reason: 'wrong-recipient' });
    expect(openReceipt(resealed({ ...mine, organisationMailbox: 'BBBBBBBBBBBBBBBBBBBBBA' }), options())).toEqual({ ok: false, reason: 'wrong-recipient' });
  });

  it('refuses signed bytes that are not a receipt statement', () => {
    const json = utf8Encode('{"format":2}');
    const signature = signDetached(receiptSignedMessage(json), coordinatorA.secretKey);
    const recipient = ed25519PublicKeyToX25519(device.publicKey);
    if (recipient === null) throw new Error('no X25519 key');
    expect(openReceipt(sealToPublicKey(padToBucket(concatBytes(signature, json)), recipient), options())).toEqual({ ok: false, reason: 'malformed' });
    expect(openReceipt(sealToPublicKey(new Uint8Array([1, 2, 3]), recipient), options())).toEqual({ ok: false, reason: 'malformed' });
  });
});
