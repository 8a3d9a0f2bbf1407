// The store-and-forward API of one mailbox: upload with the upload token; list, fetch and
// acknowledge with the pull token. Bundle bytes are opaque here; only their hash is checked.
import type { FastifyInstance } from 'fastify';
import {
  ackRequestSchema,
  bundleIdSchema,
  listBundlesQuerySchema,
  MAX_READERS_PER_MAILBOX,
  readerIdSchema,
  type AckResponse,
  type ListBundlesResponse,
  type PutBundleResponse,
} from '../protocol/relayApi';
import { authorizeMailbox } from './authorizeMailbox';
import { bundleIdOf } from './bundleIdOf';
import type { CommitQueue } from './createCommitQueue';
import { expiryCutoff } from './expiryCutoff';
import { floorToHour, formatHour } from './floorToHour';
import type { RelayDeps } from './RelayDeps';
import { sendRelayError } from './sendRelayError';

interface MailboxParams {
  mailboxId: string;
}
interface BundleParams extends MailboxParams {
  bundleId: string;
}

export function registerBundleRoutes(v1: FastifyInstance, { config, store, clock }: RelayDeps, commits: CommitQueue): void {
  const uploader = authorizeMailbox(store, 'upload');
  const puller = authorizeMailbox(store, 'pull');

  v1.put<{ Params: BundleParams }>(
    '/mailboxes/:mailboxId/bundles/:bundleId',
    { onRequest: uploader, bodyLimit: config.maxBundleBytes },
    async (request, reply) => {
      const { mailboxId, bundleId } = request.params;
      if (!bundleIdSchema.safeParse(bundleId).success) {
        return sendRelayError(reply, 'malformed_id', 'A bundle id is 43 characters of unpadded base64url.');
      }
      const body: unknown = request.body;
      if (body === undefined || (Buffer.isBuffer(body) && body.length === 0)) {
        return sendRelayError(reply, 'empty_body', 'A bundle cannot be empty.');
      }
      if (!Buffer.isBuffer(body)) {
        return sendRelayError(reply, 'unsupported_media_type', 'Send bundle bytes as application/octet-stream.');
      }
      if (bundleIdOf(body) !== bundleId) {
        return sendRelayError(reply, 'id_mismatch', 'The bundle id is not base64url(SHA-256(body)).');
      }
      const result = await commits.put({ into: 'mailbox', box: mailboxId, id: bundleId, bytes: body, receivedHourMs: floorToHour(clock()) });
      switch (result.kind) {
        case 'stored':
          return reply.code(201).send({ seq: result.seq } satisfies PutBundleResponse);
        case 'already-stored':
          return reply.code(200).send({ seq: result.seq } satisfies PutBundleResponse);
        case 'conflict':
          return sendRelayError(reply, 'conflict', 'A different bundle is already stored under this id.');
        case 'storage-full':
          return sendRelayError(reply, 'storage_full', 'The relay has no room for this bundle.');
      }
    },
  );

  v1.get<{ Params: MailboxParams }>('/mailboxes/:mailboxId/bundles', { onRequest: puller }, async (request, reply) => {
    const query = listBundlesQuerySchema.safeParse(request.query);
    if (!query.success) {
      return sendRelayError(reply, 'invalid_request', 'Use ?after=<seq>&limit=<1..500>, both whole numbers.');
    }
    const page = store.listBundles(request.params.mailboxId, query.data.after, query.data.limit);
    const response: ListBundlesResponse = {
      bundles: page.bundles.map((bundle) => ({
        seq: bundle.seq,
        id: bundle.bundleId,
        size: bundle.size,
        receivedHour: formatHour(bundle.receivedHourMs),
      })),
      hasMore: page.hasMore,
    };
    return reply.send(response);
  });

  v1.get<{ Params: BundleParams }>(
    '/mailboxes/:mailboxId/bundles/:bundleId',
    { onRequest: puller },
    async (request, reply) => {
      const { mailboxId, bundleId } = request.params;
      if (!bundleIdSchema.safeParse(bundleId).success) {
        return sendRelayError(reply, 'malformed_id', 'A bundle id is 43 characters of unpadded base64url.');
      }
      const bytes = store.getBundle(mailboxId, bundleId);
      if (bytes === null) {
        return sendRelayError(reply, 'unknown_bundle', 'This mailbox holds no bundle with this id.');
      }
      return reply.type('application/octet-stream').send(bytes);
    },
  );

  v1.post<{ Params: MailboxParams }>(
    '/mailboxes/:mailboxId/ack',
    { onRequest: puller, bodyLimit: 1024 },
    async (request, reply) => {
      if (hasBadReader(request.body)) {
        return sendRelayError(reply, 'malformed_reader', 'A reader id is 22 characters of unpadded base64url (16 bytes).');
      }
      const body = ackRequestSchema.safeParse(request.body);
      if (!body.success) {
        return sendRelayError(reply, 'invalid_request', 'Send a JSON body { "upTo": <seq>, "reader": <reader id> }.');
      }
      const { upTo, reader } = body.data;
      const { mailboxId } = request.params;
      if (reader === undefined) return reply.send({ deleted: store.ack(mailboxId, upTo) } satisfies AckResponse);
      const now = clock();
      const result = store.ackAsReader({
        mailboxId,
        reader,
        upTo,
        hourMs: floorToHour(now),
        staleAtOrBeforeHourMs: expiryCutoff(now, config.ttlMs),
        maxReaders: MAX_READERS_PER_MAILBOX,
      });
      if (result.kind === 'too-many-readers') {
        return sendRelayError(reply, 'too_many_readers', `This mailbox already has ${MAX_READERS_PER_MAILBOX} readers acknowledging.`);
      }
      return reply.send({ deleted: result.deleted } satisfies AckResponse);
    },
  );
}

/** A body that names a reader in the wrong form gets its own code, so a client can tell it from other mistakes. */
function hasBadReader(body: unknown): boolean {
  return typeof body === 'object' && body !== null && Object.hasOwn(body, 'reader') && !readerIdSchema.safeParse((body as { reader: unknown }).reader).success;
}
