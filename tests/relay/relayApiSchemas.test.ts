import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RELAY_ERROR_CODES, RELAY_ERROR_STATUS } from '../../src/protocol/errorCodes';
import {
  ackRequestSchema,
  bundleIdSchema,
  listBundlesQuerySchema,
  mailboxIdSchema,
  MAX_LIST_LIMIT,
} from '../../src/protocol/relayApi';

describe('relay API schemas', () => {
  it('accept exactly the canonical base64url encodings of 32-byte ids and 16-byte mailbox ids', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 32, maxLength: 32 }), fc.uint8Array({ minLength: 16, maxLength: 16 }), (id, mailbox) => {
        expect(bundleIdSchema.safeParse(Buffer.from(id).toString('base64url')).success).toBe(true);
        expect(mailboxIdSchema.safeParse(Buffer.from(mailbox).toString('base64url')).success).toBe(true);
      }),
    );
    const id = randomBytes(32).toString('base64url');
    expect(bundleIdSchema.safeParse(`${id}=`).success).toBe(false);
    expect(bundleIdSchema.safeParse(id.slice(0, 42)).success).toBe(false);
    expect(bundleIdSchema.safeParse(`${id.slice(0, 42)}B`).success).toBe(false); // stray low bits: not canonical
    expect(bundleIdSchema.safeParse(id.replace(/./, '+')).success).toBe(false);
  });

  it('default and bound the list query', () => {
    expect(listBundlesQuerySchema.parse({})).toEqual({ after: 0, limit: 100 });
    expect(listBundlesQuerySchema.parse({ after: '7', limit: String(MAX_LIST_LIMIT) })).toEqual({ after: 7, limit: MAX_LIST_LIMIT });
    for (const query of [{ limit: '0' }, { limit: '501' }, { after: '-1' }, { after: '1e3' }, { after: '01' }, { other: '1' }]) {
      expect(listBundlesQuerySchema.safeParse(query).success, JSON.stringify(query)).toBe(false);
    }
  });

  it('accept only { upTo: <whole number>, reader?: <16 bytes of base64url> } as an acknowledgement', () => {
    expect(ackRequestSchema.parse({ upTo: 12 })).toEqual({ upTo: 12 });
    expect(ackRequestSchema.parse({ upTo: 12, reader: 'rEaDeR0123456789abcdeQ' })).toEqual({ upTo: 12, reader: 'rEaDeR0123456789abcdeQ' });
    const badReaders = [{ upTo: 1, reader: 'rEaDeR0123456789abcdeB' }, { upTo: 1, reader: 'short' }, { upTo: 1, reader: 7 }, { reader: 'rEaDeR0123456789abcdeQ' }];
    for (const body of [{ upTo: -1 }, { upTo: 1.5 }, { upTo: '3' }, { upTo: 3, extra: true }, null, [], ...badReaders]) {
      expect(ackRequestSchema.safeParse(body).success, JSON.stringify(body)).toBe(false);
    }
  });

  it('give every error code an HTTP error status, and only internal_error a 5xx other than storage_full', () => {
    for (const code of RELAY_ERROR_CODES) {
      const status = RELAY_ERROR_STATUS[code];
      expect(status).toBeGreaterThanOrEqual(400);
      if (status >= 500) expect(['internal_error', 'storage_full']).toContain(code);
    }
  });
});
