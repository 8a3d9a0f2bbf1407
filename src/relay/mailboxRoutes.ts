// POST /v1/mailboxes: an administrator (or anyone, with open registration) creates a mailbox and
// receives its two tokens, which the relay keeps only as hashes.
import type { FastifyInstance } from 'fastify';
import type { CreateMailboxResponse } from '../protocol/relayApi';
import { hashToken, tokenHashesEqual } from './hashToken';
import { parseBearer } from './parseBearer';
import { randomBase64Url } from './randomBase64Url';
import type { RelayDeps } from './RelayDeps';
import { sendRelayError } from './sendRelayError';

export function registerMailboxRoutes(v1: FastifyInstance, { config, store }: RelayDeps): void {
  const adminHash = config.adminToken === null ? null : hashToken(config.adminToken);

  v1.post('/mailboxes', { bodyLimit: 1024 }, async (request, reply) => {
    if (!config.openRegistration) {
      if (adminHash === null) {
        return sendRelayError(reply, 'registration_closed', 'This relay does not create mailboxes (no admin token is configured).');
      }
      const token = parseBearer(request.headers.authorization);
      if (token === null) {
        return sendRelayError(reply, 'unauthorized', 'Creating a mailbox needs "Authorization: Bearer <admin token>".');
      }
      if (!tokenHashesEqual(hashToken(token), adminHash)) {
        return sendRelayError(reply, 'forbidden', 'This is not the admin token of this relay.');
      }
    }
    const created: CreateMailboxResponse = {
      mailboxId: randomBase64Url(16),
      uploadToken: randomBase64Url(32),
      pullToken: randomBase64Url(32),
    };
    const result = store.createMailbox(created.mailboxId, {
      uploadTokenHash: hashToken(created.uploadToken),
      pullTokenHash: hashToken(created.pullToken),
    });
    if (result.kind === 'storage-full') {
      return sendRelayError(reply, 'storage_full', 'The relay has no room for another mailbox.');
    }
    return reply.code(201).send(created);
  });
}
