import { sha256 } from './sha256';

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'; // RFC 4648: no 0, 1, 8 or 9 to mistake for O, I, B
const FINGERPRINT_BYTES = 10; // 80 bits: 16 base32 characters, no padding needed

/**
 * A short fingerprint of a 32-byte public key (X25519 or Ed25519) for people to compare out loud or
 * side by side: the first 10 bytes of SHA-256(publicKey) in base32, as four groups of four characters
 * separated by spaces ("XXXX XXXX XXXX XXXX").
 */
export function fingerprint(publicKey: Uint8Array): string {
  if (!(publicKey instanceof Uint8Array) || publicKey.length !== 32) {
    throw new TypeError('fingerprint: publicKey must be a 32-byte Uint8Array');
  }
  const digest = sha256(publicKey).subarray(0, FINGERPRINT_BYTES);
  let chars = '';
  let value = 0;
  let bits = 0;
  for (const byte of digest) {
    value = ((value << 8) | byte) & 0xfff; // at most 12 bits are ever pending
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      chars += BASE32[(value >> bits) & 31];
    }
  }
  return (chars.match(/.{4}/g) ?? []).join(' ');
}
