// Test helper: small typed calls against a running relay, each returning the raw Response so a
// test can assert on status codes and headers.
import { createHash, randomBytes } from 'node:crypto';
import { createMailboxResponseSchema, relayErrorBodySchema, type CreateMailboxResponse } from '../../src/protocol/relayApi';
import { relayPaths } from '../../src/protocol/relayPaths';

export const ADMIN_TOKEN = 'test-admin-token-0123456789abcdef';

/** base64url(SHA-256(bytes)), computed here independently of the relay's own code. */
export function idOf(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('base64url');
}

export function randomBundle(size = 256): Uint8Array<ArrayBuffer> {
  return new Uint8Array(randomBytes(size));
}

export function bearer(token: string): Record<string, string> {
  return { authorization: `Bearer ${token}` };
}

export async function createMailbox(url: string, adminToken = ADMIN_TOKEN): Promise<CreateMailboxResponse> {
  const response = await fetch(url + relayPaths.mailboxes(), { method: 'POST', headers: bearer(adminToken) });
  if (response.status !== 201) throw new Error(`creating a mailbox gave ${response.status}: ${await response.text()}`);
  return createMailboxResponseSchema.parse(await response.json());
}

export function putBundle(
  url: string,
  mailbox: CreateMailboxResponse,
  bytes: Uint8Array<ArrayBuffer>,
  options: { token?: string; id?: string; contentType?: string } = {},
): Promise<Response> {
  return fetch(url + relayPaths.bundle(mailbox.mailboxId, options.id ?? idOf(bytes)), {
    method: 'PUT',
    headers: { ...bearer(options.token ?? mailbox.uploadToken), 'content-type': options.contentType ?? 'application/octet-stream' },
    body: bytes,
  });
}

export function listBundles(url: string, mailbox: CreateMailboxResponse, query = ''): Promise<Response> {
  return fetch(`${url}${relayPaths.bundles(mailbox.mailboxId)}${query}`, { headers: bearer(mailbox.pullToken) });
}

export function getBundle(url: string, mailbox: CreateMailboxResponse, bundleId: string): Promise<Response> {
  return fetch(url + relayPaths.bundle(mailbox.mailboxId, bundleId), { headers: bearer(mailbox.pullToken) });
}

export function ack(url: string, mailbox: CreateMailboxResponse, upTo: number): Promise<Response> {
  return fetch(url + relayPaths.ack(mailbox.mailboxId), {
    method: 'POST',
    headers: { ...bearer(mailbox.pullToken), 'content-type': 'application/json' },
    body: JSON.stringify({ upTo }),
  });
}

/** An acknowledgement as a named reader; `reader` is sent as given, so a test can send a malformed one. */
export function ackAs(url: string, mailbox: CreateMailboxResponse, reader: unknown, upTo: number): Promise<Response> {
  return fetch(url + relayPaths.ack(mailbox.mailboxId), {
    method: 'POST',
    headers: { ...bearer(mailbox.pullToken), 'content-type': 'application/json' },
    body: JSON.stringify({ upTo, reader }),
  });
}

/** The error code of a relay error response (and a check that the body has the documented shape). */
export async function errorCode(response: Response): Promise<string> {
  return relayErrorBodySchema.parse(await response.json()).error.code;
}
