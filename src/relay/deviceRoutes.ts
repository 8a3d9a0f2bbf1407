// Device mailboxes (PROTOCOL.md, "Device mailboxes"): what flows back to one monitor's device, such as
// coordinator receipts. A coordinator writes with its pull token; a device reads and acknowledges with
// its upload token. The address is a hash of the device key and the messages are sealed to it, so the
// relay stores opaque bytes under an address it cannot tie to a device.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  ackRequestSchema,
  DEVICE_MESSAGE_MAX_BYTES,
  deviceMailboxSchema,
  listMessagesQuerySchema,
  messageIdSchema,
  type AckResponse,
  type ListMessagesResponse,
  type PutMessageResponse,
} from '../protocol/relayApi';
import { bundleIdOf } from './bundleIdOf';
import type { CommitQueue } from './createCommitQueue';
import { floorToHour, formatHour } from './floorToHour';
import type { RelayDeps } from './RelayDeps';
import type { RelayStore, TokenKind } from './RelayStore';
import { requestTokenHash } from './requestTokenHash';
import { sendRelayError } from './sendRelayError';

interface DeviceParams {
  deviceMailbox: string;
}
interface MessageParams extends DeviceParams {
  messageId: string;
}

/** Admits a request whose bearer token is one the relay issued, of one of the given kinds; checks the address form. */
function authorizeDevice(store: RelayStore, kinds: readonly TokenKind[], what: string) {
  return async function checkDeviceToken(request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> {
    const tokenHash = requestTokenHash(request);
    if (tokenHash === null) {
      return sendRelayError(reply, 'unauthorized', `This request needs "Authorization: Bearer <${what}>".`);
    }
    const kind = store.tokenKind(tokenHash);
    if (kind === null || !kinds.includes(kind)) {
      return sendRelayError(reply, 'forbidden', `This request needs ${what}.`);
    }
    if (!deviceMailboxSchema.safeParse((request.params as { deviceMailbox?: unknown }).deviceMailbox).success) {
      return sendRelayError(reply, 'malformed_id', 'A device mailbox is 22 characters of unpadded base64url.');
    }
    return undefined;
  };
}

export function registerDeviceRoutes(v1: FastifyInstance, { store, clock }: RelayDeps, commits: CommitQueue): void {
  const writer = authorizeDevice(store, ['pull'], "an organisation's pull token");
  const reader = authorizeDevice(store, ['upload', 'pull'], 'an upload or pull token of this relay');

  v1.put<{ Params: MessageParams }>(
    '/devices/:deviceMailbox/messages/:messageId',
    { onRequest: writer, bodyLimit: DEVICE_MESSAGE_MAX_BYTES },
    async (request, reply) => {
      const { deviceMailbox, messageId } = request.params;
      if (!messageIdSchema.safeParse(messageId).success) {
        return sendRelayError(reply, 'malformed_id', 'A message id is 43 characters of unpadded base64url.');
      }
      const body: unknown = request.body;
      if (body === undefined || (Buffer.isBuffer(body) && body.length === 0)) {
        return sendRelayError(reply, 'empty_body', 'A message cannot be empty.');
      }
      if (!Buffer.isBuffer(body)) {
        return sendRelayError(reply, 'unsupported_media_type', 'Send message bytes as application/octet-stream.');
      }
      if (bundleIdOf(body) !== messageId) {
        return sendRelayError(reply, 'id_mismatch', 'The message id is not base64url(SHA-256(body)).');
      }
      const result = await commits.put({ into: 'device', box: deviceMailbox, id: messageId, bytes: body, receivedHourMs: floorToHour(clock()) });
      switch (result.kind) {
        case 'stored':
          return reply.code(201).send({ seq: result.seq } satisfies PutMessageResponse);
        case 'already-stored':
          return reply.code(200).send({ seq: result.seq } satisfies PutMessageResponse);
        case 'conflict':
          return sendRelayError(reply, 'conflict', 'A different message is already stored under this id.');
        case 'storage-full':
          return sendRelayError(reply, 'storage_full', 'The relay has no room for this message.');
      }
    },
  );

  v1.get<{ Params: DeviceParams }>('/devices/:deviceMailbox/messages', { onRequest: reader }, async (request, reply) => {
    const query = listMessagesQuerySchema.safeParse(request.query);
    if (!query.success) {
      return sendRelayError(reply, 'invalid_request', 'Use ?after=<seq>&limit=<1..50>, both whole numbers.');
    }
    const page = store.listDeviceMessages(request.params.deviceMailbox, query.data.after, query.data.limit);
    const response: ListMessagesResponse = {
      messages: page.messages.map((message) => ({
        seq: message.seq,
        id: message.messageId,
        receivedHour: formatHour(message.receivedHourMs),
        data: message.bytes.toString('base64url'),
      })),
      hasMore: page.hasMore,
    };
    return reply.send(response);
  });

  v1.post<{ Params: DeviceParams }>(
    '/devices/:deviceMailbox/ack',
    { onRequest: reader, bodyLimit: 1024 },
    async (request, reply) => {
      const body = ackRequestSchema.safeParse(request.body);
      if (!body.success) {
        return sendRelayError(reply, 'invalid_request', 'Send a JSON body { "upTo": <seq> }.');
      }
      const response: AckResponse = { deleted: store.ackDeviceMessages(request.params.deviceMailbox, body.data.upTo) };
      return reply.send(response);
    },
  );
}
