// Unpadded base64url for the wire formats this layer owns (invite payload, export file). The protocol
// layer imports nothing from src/, so it cannot use crypto's codec; atob/btoa exist in browsers and Node.

const BASE64URL_TEXT = /^[A-Za-z0-9_-]*$/;
/** String.fromCharCode takes its arguments on the stack: convert in slices that cannot overflow it. */
const CHUNK_BYTES = 0x8000;

export function base64UrlEncode(bytes: Uint8Array): string {
  if (!(bytes instanceof Uint8Array)) throw new TypeError('base64UrlEncode: bytes must be a Uint8Array');
  let binary = '';
  for (let at = 0; at < bytes.length; at += CHUNK_BYTES) {
    binary += String.fromCharCode(...bytes.subarray(at, at + CHUNK_BYTES));
  }
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** Null for anything but the one canonical unpadded encoding of some byte string. */
export function base64UrlDecode(text: string): Uint8Array | null {
  if (typeof text !== 'string' || !BASE64URL_TEXT.test(text) || text.length % 4 === 1) return null;
  const padded = text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4);
  const binary = atob(padded);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  // atob ignores non-zero leftover bits; re-encoding gives each byte string exactly one accepted text.
  return base64UrlEncode(bytes) === text ? bytes : null;
}
