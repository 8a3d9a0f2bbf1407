// Route hook that admits a request only with the right token for the mailbox in its path. It runs
// before the body is read, so an unauthorised upload costs the relay no more than its headers.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { mailboxIdSchema } from '../protocol/relayApi';
import { tokenHashesEqual } from './hashToken';
import type { RelayStore } from './RelayStore';
import { requestTokenHash } from './requestTokenHash';
import { sendRelayError } from './sendRelayError';

export type MailboxTokenKind = 'upload' | 'pull';

export function authorizeMailbox(store: RelayStore, kind: MailboxTokenKind) {
  return async function checkMailboxToken(request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> {
    const tokenHash = requestTokenHash(request);
    if (tokenHash === null) {
      return sendRelayError(reply, 'unauthorized', `This request needs "Authorization: Bearer <${kind} token>".`);
    }
    const mailboxId = mailboxIdSchema.safeParse((request.params as { mailboxId?: unknown }).mailboxId);
    const mailbox = mailboxId.success ? store.findMailbox(mailboxId.data) : null;
    if (mailbox === null) {
      return sendRelayError(reply, 'unknown_mailbox', 'There is no mailbox with this id.');
    }
    const expected = kind === 'upload' ? mailbox.uploadTokenHash : mailbox.pullTokenHash;
    if (!tokenHashesEqual(tokenHash, expected)) {
      return sendRelayError(reply, 'forbidden', `This is not the ${kind} token of this mailbox.`);
    }
    return undefined;
  };
}
