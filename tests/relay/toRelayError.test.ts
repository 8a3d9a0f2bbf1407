import { errorCodes } from 'fastify';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RELAY_ERROR_STATUS } from '../../src/protocol/errorCodes';
import { toRelayError } from '../../src/relay/toRelayError';

describe('toRelayError', () => {
  it.each([
    [new errorCodes.FST_ERR_CTP_BODY_TOO_LARGE(), 'payload_too_large'],
    [new errorCodes.FST_ERR_CTP_INVALID_MEDIA_TYPE(), 'unsupported_media_type'],
    [new errorCodes.FST_ERR_CTP_INVALID_CONTENT_LENGTH(), 'invalid_request'],
    [new errorCodes.FST_ERR_CTP_EMPTY_JSON_BODY(), 'invalid_request'],
    [new errorCodes.FST_ERR_CTP_INVALID_JSON_BODY(), 'invalid_request'],
    [new errorCodes.FST_ERR_BAD_URL('%E0'), 'invalid_request'],
    [new errorCodes.FST_ERR_MAX_PARAM_LENGTH('/x'), 'uri_too_long'],
  ] as const)('maps Fastify error %# (%s) to %s with the same HTTP status', (error, code) => {
    const mapped = toRelayError(error);
    expect(mapped.code).toBe(code);
    expect(mapped.unexpected).toBe(false);
    expect(RELAY_ERROR_STATUS[mapped.code]).toBe((error as { statusCode: number }).statusCode);
  });

  it('maps the rate limiter\'s 429 to rate_limited', () => {
    expect(toRelayError(Object.assign(new Error('rate limited'), { statusCode: 429 })).code).toBe('rate_limited');
  });

  it('maps a full disk to storage_full, whether SQLite or the file system reports it', () => {
    for (const code of ['SQLITE_FULL', 'ENOSPC']) {
      expect(toRelayError(Object.assign(new Error('full'), { code })).code).toBe('storage_full');
    }
  });

  it('treats anything unexplained as an unexpected internal error', () => {
    expect(toRelayError(new TypeError('x is undefined'))).toMatchObject({ code: 'internal_error', unexpected: true });
    expect(toRelayError(Object.assign(new Error('boom'), { statusCode: 500 })).code).toBe('internal_error');
    expect(toRelayError('a string').code).toBe('internal_error');
    expect(toRelayError(null).code).toBe('internal_error');
  });

  it('does not take Object.prototype members for known codes (found by the property below)', () => {
    for (const code of ['toString', 'constructor', '__proto__', 'hasOwnProperty', 'valueOf']) {
      const mapped = toRelayError(Object.assign(new Error('client'), { statusCode: 400, code }));
      expect(mapped.code).toBe('invalid_request');
    }
  });

  it('keeps every client error (4xx) a client error with a known code', () => {
    fc.assert(
      fc.property(fc.integer({ min: 400, max: 499 }), fc.string(), (statusCode, code) => {
        const mapped = toRelayError(Object.assign(new Error('client'), { statusCode, code }));
        const status = RELAY_ERROR_STATUS[mapped.code];
        expect(status).toBeGreaterThanOrEqual(400);
        expect(status).toBeLessThan(500);
      }),
    );
  });
});
