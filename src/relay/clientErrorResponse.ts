// Node's HTTP parser rejects some requests (oversized headers, timeouts, garbage) before Fastify
// sees them; this writes the relay's JSON error shape on the raw socket for those.
import { STATUS_CODES } from 'node:http';
import { RELAY_ERROR_STATUS, type RelayErrorCode } from '../protocol/errorCodes';
import type { RelayErrorBody } from '../protocol/relayApi';

const BY_NODE_CODE: Readonly<Record<string, readonly [RelayErrorCode, string]>> = {
  HPE_HEADER_OVERFLOW: ['header_too_large', 'The request headers are too large.'],
  ERR_HTTP_REQUEST_TIMEOUT: ['request_timeout', 'The request took too long to arrive.'],
};

/** The complete raw HTTP/1.1 response for a request Node's parser refused, given the error's code. */
export function clientErrorResponse(nodeErrorCode: string | undefined): string {
  const [code, message] = (nodeErrorCode === undefined ? undefined : BY_NODE_CODE[nodeErrorCode]) ?? [
    'invalid_request',
    'The request is not valid HTTP.',
  ];
  const status = RELAY_ERROR_STATUS[code];
  const body = JSON.stringify({ error: { code, message } } satisfies RelayErrorBody);
  return [
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}`,
    'Content-Type: application/json; charset=utf-8',
    `Content-Length: ${Buffer.byteLength(body)}`,
    'X-Content-Type-Options: nosniff',
    'Connection: close',
    '',
    body,
  ].join('\r\n');
}
