import { describe, expect, it } from 'vitest';
import { BUNDLE_MAX_BYTES } from '../../../src/protocol/bundleFormat';
import { encodeExportFile, exportFileLimits, parseExportFile } from '../../../src/protocol/exportFile';
import { base64UrlDecode, base64UrlEncode } from '../../../src/protocol/inviteBase64Url';

const mailboxId = Buffer.from(new Uint8Array(16).fill(5)).toString('base64url');
const bundles = [Uint8Array.of(1, 2, 3), new Uint8Array(5000).map((_, i) => (i * 31) & 0xff)];

function raw(value: Record<string, unknown>): string {
  return JSON.stringify({ format: 'dala-export', version: 1, mailboxId, bundles: [], ...value });
}

describe('export file', () => {
  it('round-trips and is plain JSON with base64url bundles', () => {
    const text = encodeExportFile({ mailboxId, bundles });
    expect(parseExportFile(text)).toEqual({ ok: true, value: { mailboxId, bundles } });
    const json = JSON.parse(text) as { bundles: string[] };
    expect(json.bundles.map((b) => new Uint8Array(Buffer.from(b, 'base64url')))).toEqual(bundles);
  });

  it.each([
    ['not JSON', '{"format":', 'malformed'],
    ['another JSON document', JSON.stringify({ hello: 1 }), 'not-an-export'],
    ['null', 'null', 'not-an-export'],
    ['a later version', raw({ version: 2 }), 'unsupported-version'],
    ['a version that is not a number', raw({ version: 'one' }), 'malformed'],
    ['an unknown field', raw({ extra: true }), 'malformed'],
    ['bundles that are not a list', raw({ bundles: 'AAAA' }), 'malformed'],
    ['a bad mailbox id', raw({ mailboxId: 'x' }), 'bad-mailbox-id'],
    ['a bundle that is not base64url', raw({ bundles: ['@@@@'] }), 'bad-bundle'],
    ['an empty bundle', raw({ bundles: [''] }), 'bad-bundle'],
    ['a bundle above the largest size', raw({ bundles: [base64UrlEncode(new Uint8Array(BUNDLE_MAX_BYTES + 1))] }), 'bad-bundle'],
    ['too many bundles', raw({ bundles: Array.from({ length: exportFileLimits.maxBundles + 1 }, () => 'AQ') }), 'too-many-bundles'],
  ])('rejects %s as %s', (_label, text, reason) => {
    expect(parseExportFile(text)).toEqual({ ok: false, reason });
  });

  it('refuses to encode what no exporter should produce', () => {
    expect(() => encodeExportFile({ mailboxId: 'nope', bundles })).toThrow(/mailboxId/);
    expect(() => encodeExportFile({ mailboxId, bundles: [new Uint8Array(0)] })).toThrow(/bundles\[0\]/);
  });
});

describe('base64url codec of the protocol layer', () => {
  it('matches Node for every length around the block size and refuses non-canonical text', () => {
    for (let n = 0; n < 70; n++) {
      const bytes = new Uint8Array(n).map((_, i) => (i * 73 + n) & 0xff);
      const text = base64UrlEncode(bytes);
      expect(text).toBe(Buffer.from(bytes).toString('base64url'));
      expect(base64UrlDecode(text)).toEqual(bytes);
    }
    expect(base64UrlDecode('AB')).toBeNull(); // leftover bits set
    expect(base64UrlDecode('AA==')).toBeNull(); // padding
    expect(base64UrlDecode('A')).toBeNull();
    expect(base64UrlDecode('AA+/')).toBeNull(); // base64, not base64url
    expect(base64UrlDecode('AA')).toEqual(Uint8Array.of(0));
  });
});
