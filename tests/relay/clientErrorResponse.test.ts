import { describe, expect, it } from 'vitest';
import { relayErrorBodySchema } from '../../src/protocol/relayApi';
import { clientErrorResponse } from '../../src/relay/clientErrorResponse';

function parse(raw: string): { status: number; headers: Map<string, string>; body: string } {
  const [head = '', body = ''] = raw.split('\r\n\r\n');
  const [statusLine = '', ...lines] = head.split('\r\n');
  const headers = new Map(lines.map((line) => [line.slice(0, line.indexOf(':')).toLowerCase(), line.slice(line.indexOf(':') + 1).trim()]));
  return { status: Number(statusLine.split(' ')[1]), headers, body };
}

describe('clientErrorResponse', () => {
  it.each([
    ['HPE_HEADER_OVERFLOW', 431, 'header_too_large'],
    ['ERR_HTTP_REQUEST_TIMEOUT', 408, 'request_timeout'],
    ['HPE_INVALID_METHOD', 400, 'invalid_request'],
    [undefined, 400, 'invalid_request'],
  ] as const)('answers %s with %i and the relay error body', (nodeCode, status, code) => {
    const response = parse(clientErrorResponse(nodeCode));
    expect(response.status).toBe(status);
    expect(relayErrorBodySchema.parse(JSON.parse(response.body)).error.code).toBe(code);
    expect(Number(response.headers.get('content-length'))).toBe(Buffer.byteLength(response.body));
    expect(response.headers.get('connection')).toBe('close');
  });
});
