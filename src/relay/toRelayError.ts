// Maps anything thrown while handling a request (Fastify's own errors, plugin errors, bugs) to a
// stable relay error code, so that bad input never surfaces as a 5xx.
import type { RelayErrorCode } from '../protocol/errorCodes';
import { isStorageFullError } from './isStorageFullError';

export interface RelayErrorInfo {
  readonly code: RelayErrorCode;
  readonly message: string;
  /** True when nothing the client sent explains the error: a bug or an environment fault worth logging. */
  readonly unexpected: boolean;
}

const BY_FASTIFY_CODE: Readonly<Record<string, readonly [RelayErrorCode, string]>> = {
  FST_ERR_CTP_BODY_TOO_LARGE: ['payload_too_large', 'The request body is larger than this relay accepts.'],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: ['unsupported_media_type', 'This content type is not accepted here.'],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: ['invalid_request', 'The body length does not match Content-Length.'],
  FST_ERR_CTP_EMPTY_JSON_BODY: ['invalid_request', 'A JSON body was announced but none was sent.'],
  FST_ERR_CTP_INVALID_JSON_BODY: ['invalid_request', 'The body is not valid JSON.'],
  FST_ERR_BAD_URL: ['invalid_request', 'The URL is malformed.'],
  FST_ERR_MAX_PARAM_LENGTH: ['uri_too_long', 'A path segment is too long.'],
  FST_ERR_NOT_FOUND: ['not_found', 'Nothing is here.'],
};

const BY_STATUS: Readonly<Record<number, readonly [RelayErrorCode, string]>> = {
  400: ['invalid_request', 'The request is malformed.'],
  401: ['unauthorized', 'A bearer token is required.'],
  403: ['forbidden', 'This token does not allow that.'],
  404: ['not_found', 'Nothing is here.'],
  408: ['request_timeout', 'The request took too long to arrive.'],
  413: ['payload_too_large', 'The request body is larger than this relay accepts.'],
  414: ['uri_too_long', 'The URL is too long.'],
  415: ['unsupported_media_type', 'This content type is not accepted here.'],
  429: ['rate_limited', 'Too many requests; retry after the time in Retry-After.'],
  431: ['header_too_large', 'The request headers are too large.'],
};

export function toRelayError(error: unknown): RelayErrorInfo {
  if (isStorageFullError(error)) {
    return { code: 'storage_full', message: 'The relay has no room for more data.', unexpected: false };
  }
  const fastifyCode = readProperty(error, 'code');
  // Own properties only: a code such as "toString" must not find Object.prototype's members.
  const known = typeof fastifyCode === 'string' && Object.hasOwn(BY_FASTIFY_CODE, fastifyCode) ? BY_FASTIFY_CODE[fastifyCode] : undefined;
  if (known) return { code: known[0], message: known[1], unexpected: false };
  const status = readProperty(error, 'statusCode');
  if (typeof status === 'number' && status >= 400 && status < 500) {
    const [code, message] = (Object.hasOwn(BY_STATUS, status) ? BY_STATUS[status] : undefined) ?? ['invalid_request', 'The request is malformed.'];
    return { code, message, unexpected: false };
  }
  return { code: 'internal_error', message: 'The relay failed to handle this request.', unexpected: true };
}

function readProperty(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
}
