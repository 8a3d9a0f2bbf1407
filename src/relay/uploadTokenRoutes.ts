// POST /v1/mailboxes/:mailboxId/upload-token: a coordinator (pull token) replaces the mailbox's upload
// token, so an invite that leaked stops letting anyone upload. The relay keeps only the new hash.
import type { FastifyInstance } from 'fastify';
import type { RotateUploadTokenResponse } from '../protocol/relayApi';
import { authorizeMailbox } from './authorizeMailbox';
import { hashToken } from './hashToken';
import { randomBase64Url } from './randomBase64Url';
import type { RelayDeps } from './RelayDeps';
import { sendRelayError } from './sendRelayError';

export function registerUploadTokenRoutes(v1: FastifyInstance, { store }: RelayDeps): void {
  const puller = authorizeMailbox(store, 'pull');

  v1.post<{ Params: { mailboxId: string } }>('/mailboxes/:mailboxId/upload-token', { onRequest: puller, bodyLimit: 1024 }, async (request, reply) => {
    const uploadToken = randomBase64Url(32);
    switch (store.rotateUploadToken(request.params.mailboxId, hashToken(uploadToken))) {
      case 'rotated':
        return reply.code(200).send({ uploadToken } satisfies RotateUploadTokenResponse);
      case 'unknown-mailbox':
        return sendRelayError(reply, 'unknown_mailbox', 'There is no mailbox with this id.');
      case 'storage-full':
        return sendRelayError(reply, 'storage_full', 'The relay has no room to store a new token.');
    }
  });
}
