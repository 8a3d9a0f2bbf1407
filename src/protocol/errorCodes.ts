// The closed set of error codes a relay may put in `{ "error": { "code", "message" } }`.
// Clients branch on the code (never on the English message); each code has exactly one HTTP status.

export const RELAY_ERROR_CODES = [
  'invalid_request',
  'malformed_id',
  'malformed_reader',
  'empty_body',
  'id_mismatch',
  'unauthorized',
  'forbidden',
  'registration_closed',
  'not_found',
  'unknown_mailbox',
  'unknown_bundle',
  'request_timeout',
  'conflict',
  'too_many_readers',
  'payload_too_large',
  'uri_too_long',
  'unsupported_media_type',
  'rate_limited',
  'header_too_large',
  'internal_error',
  'storage_full',
] as const;

export type RelayErrorCode = (typeof RELAY_ERROR_CODES)[number];

export const RELAY_ERROR_STATUS: Readonly<Record<RelayErrorCode, number>> = {
  invalid_request: 400,
  malformed_id: 400,
  malformed_reader: 400,
  empty_body: 400,
  id_mismatch: 400,
  unauthorized: 401,
  forbidden: 403,
  registration_closed: 403,
  not_found: 404,
  unknown_mailbox: 404,
  unknown_bundle: 404,
  request_timeout: 408,
  conflict: 409,
  too_many_readers: 409,
  payload_too_large: 413,
  uri_too_long: 414,
  unsupported_media_type: 415,
  rate_limited: 429,
  header_too_large: 431,
  internal_error: 500,
  storage_full: 507,
};
