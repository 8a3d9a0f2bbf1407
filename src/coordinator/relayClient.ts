// The coordinator's side of the relay HTTP API v1 (PROTOCOL.md). A relay is not trusted: every answer
// is schema-checked, bodies are read with a size cap, and each failure comes back as a value.
import { BUNDLE_MAX_BYTES } from '../protocol/bundleFormat';
import { RELAY_ERROR_CODES } from '../protocol/errorCodes';
import type { RelayErrorCode } from '../protocol/errorCodes';
import {
  ackResponseSchema,
  createMailboxResponseSchema,
  DEFAULT_LIST_LIMIT,
  listBundlesResponseSchema,
  putMessageResponseSchema,
  relayErrorBodySchema,
  rotateUploadTokenResponseSchema,
} from '../protocol/relayApi';
import type { AckResponse, CreateMailboxResponse, ListBundlesResponse, PutMessageResponse, RotateUploadTokenResponse } from '../protocol/relayApi';
import { relayPaths } from '../protocol/relayPaths';

/** The subset of the global fetch the client uses; tests inject their own. */
export type RelayFetch = (url: string, init: RequestInit) => Promise<Response>;

export type RelayCallFailure =
  /** No HTTP answer: DNS, refused connection, TLS, timeout. */
  | { readonly reason: 'unreachable'; readonly detail: string }
  /** The relay answered with an error status; `code` is its stable error code when it sent one. */
  | {
      readonly reason: 'http-error';
      readonly status: number;
      readonly code: RelayErrorCode | null;
      readonly message: string;
      readonly retryAfterSeconds: number | null;
    }
  /** A success status with a body that breaks the contract (wrong shape, too big, sequence going backwards). */
  | { readonly reason: 'bad-response'; readonly detail: string };

export type RelayCallResult<T> = { readonly ok: true; readonly value: T } | ({ readonly ok: false } & RelayCallFailure);

export interface RelayClient {
  readonly url: string;
  createMailbox(adminToken: string | null): Promise<RelayCallResult<CreateMailboxResponse>>;
  listBundles(mailboxId: string, pullToken: string, after: number, limit?: number): Promise<RelayCallResult<ListBundlesResponse>>;
  fetchBundle(mailboxId: string, pullToken: string, bundleId: string): Promise<RelayCallResult<Uint8Array>>;
  /** Acknowledges up to `upTo` as `reader` (the relay deletes only what every reader has); without one, the legacy ack that deletes at once. */
  ack(mailboxId: string, pullToken: string, upTo: number, reader?: string): Promise<RelayCallResult<AckResponse>>;
  /** Puts a message (a receipt) into a device mailbox; idempotent, like a bundle upload. */
  putDeviceMessage(deviceMailbox: string, pullToken: string, messageId: string, bytes: Uint8Array): Promise<RelayCallResult<PutMessageResponse>>;
  /** Replaces the mailbox's upload token; the old one is refused for bundles from then on. */
  rotateUploadToken(mailboxId: string, pullToken: string): Promise<RelayCallResult<RotateUploadTokenResponse>>;
}

export interface RelayClientOptions {
  readonly fetch?: RelayFetch;
  /** Per request, including reading the body. */
  readonly timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 120_000;
/** JSON answers are small; a relay sending more is broken or hostile. */
const MAX_JSON_BYTES = 1024 * 1024;

class BodyTooLarge extends Error {}

/** Reads at most `limit` bytes of the body, so a hostile relay cannot make the coordinator buffer gigabytes. */
async function readBounded(response: Response, limit: number): Promise<Uint8Array> {
  const declared = Number(response.headers.get('content-length') ?? '0');
  if (declared > limit) throw new BodyTooLarge();
  if (response.body === null) return new Uint8Array(0);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > limit) {
      await reader.cancel();
      throw new BodyTooLarge();
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    const cause = (error as { cause?: unknown }).cause;
    return cause instanceof Error ? `${error.message} (${cause.message})` : error.message;
  }
  return String(error);
}

async function httpError(response: Response): Promise<RelayCallFailure> {
  let code: RelayErrorCode | null = null;
  let message = response.statusText;
  try {
    const body = relayErrorBodySchema.safeParse(JSON.parse(new TextDecoder().decode(await readBounded(response, MAX_JSON_BYTES))));
    if (body.success && (RELAY_ERROR_CODES as readonly string[]).includes(body.data.error.code)) {
      code = body.data.error.code;
      message = body.data.error.message;
    }
  } catch {
    // Not the relay's error shape (a proxy's HTML page, say): the status alone has to do.
  }
  const retryAfter = Number(response.headers.get('retry-after'));
  return { reason: 'http-error', status: response.status, code, message, retryAfterSeconds: Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : null };
}

export function createRelayClient(url: string, options: RelayClientOptions = {}): RelayClient {
  if (typeof url !== 'string' || !/^https?:\/\/[^/]+$/.test(url)) throw new TypeError('createRelayClient: url must be a relay origin like https://relay.example.org');
  const doFetch: RelayFetch = options.fetch ?? ((input, init) => fetch(input, init));
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;

  async function call<T>(path: string, init: RequestInit, read: (response: Response) => Promise<RelayCallResult<T>>): Promise<RelayCallResult<T>> {
    try {
      const response = await doFetch(`${url}${path}`, { ...init, redirect: 'error', signal: AbortSignal.timeout(timeoutMs) });
      if (!response.ok) return { ok: false, ...(await httpError(response)) };
      return await read(response);
    } catch (error) {
      if (error instanceof BodyTooLarge) return { ok: false, reason: 'bad-response', detail: 'the answer is larger than any valid one' };
      return { ok: false, reason: 'unreachable', detail: describe(error) };
    }
  }

  function json<T>(schema: { safeParse(value: unknown): { success: true; data: T } | { success: false } }) {
    return async (response: Response): Promise<RelayCallResult<T>> => {
      let value: unknown;
      try {
        value = JSON.parse(new TextDecoder().decode(await readBounded(response, MAX_JSON_BYTES)));
      } catch (error) {
        if (error instanceof BodyTooLarge) throw error;
        return { ok: false, reason: 'bad-response', detail: 'the answer is not JSON' };
      }
      const parsed = schema.safeParse(value);
      return parsed.success ? { ok: true, value: parsed.data } : { ok: false, reason: 'bad-response', detail: 'the answer does not match the relay API' };
    };
  }

  const bearer = (token: string): Record<string, string> => ({ authorization: `Bearer ${token}` });

  return {
    url,
    createMailbox: (adminToken) =>
      call(relayPaths.mailboxes(), { method: 'POST', headers: adminToken === null ? {} : bearer(adminToken) }, json(createMailboxResponseSchema)),

    listBundles: async (mailboxId, pullToken, after, limit = DEFAULT_LIST_LIMIT) => {
      const listed = await call(`${relayPaths.bundles(mailboxId)}?after=${after}&limit=${limit}`, { headers: bearer(pullToken) }, json(listBundlesResponseSchema));
      if (!listed.ok) return listed;
      // A page that does not move forward would make a pull loop for ever.
      const seqs = listed.value.bundles.map((bundle) => bundle.seq);
      const increasing = seqs.every((seq, i) => seq > (i === 0 ? after : (seqs[i - 1] ?? after)));
      if (!increasing || seqs.length > limit || (listed.value.hasMore && seqs.length === 0)) {
        return { ok: false, reason: 'bad-response', detail: 'the list does not move forward from the requested sequence number' };
      }
      return listed;
    },

    fetchBundle: (mailboxId, pullToken, bundleId) =>
      call(relayPaths.bundle(mailboxId, bundleId), { headers: bearer(pullToken) }, async (response) => ({ ok: true, value: await readBounded(response, BUNDLE_MAX_BYTES) })),

    ack: (mailboxId, pullToken, upTo, reader) =>
      call(
        relayPaths.ack(mailboxId),
        {
          method: 'POST',
          headers: { ...bearer(pullToken), 'content-type': 'application/json' },
          body: JSON.stringify(reader === undefined ? { upTo } : { upTo, reader }),
        },
        json(ackResponseSchema),
      ),

    putDeviceMessage: (deviceMailbox, pullToken, messageId, bytes) =>
      call(
        relayPaths.deviceMessage(deviceMailbox, messageId),
        { method: 'PUT', headers: { ...bearer(pullToken), 'content-type': 'application/octet-stream' }, body: new Uint8Array(bytes) },
        json(putMessageResponseSchema),
      ),

    rotateUploadToken: (mailboxId, pullToken) =>
      call(relayPaths.uploadToken(mailboxId), { method: 'POST', headers: bearer(pullToken) }, json(rotateUploadTokenResponseSchema)),
  };
}
