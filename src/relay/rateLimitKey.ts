// Rate-limit buckets are keyed by token, never by IP address (the relay must not handle client
// addresses). A token that opens nothing shares the one anonymous bucket, so inventing tokens does
// not buy fresh buckets.
import type { FastifyRequest } from 'fastify';
import { hashToken, tokenHashesEqual } from './hashToken';
import type { RelayStore } from './RelayStore';
import { requestTokenHash } from './requestTokenHash';

export function rateLimitKey(store: RelayStore, adminToken: string | null): (request: FastifyRequest) => string {
  const adminHash = adminToken === null ? null : hashToken(adminToken);
  return (request) => {
    const hash = requestTokenHash(request);
    if (hash === null) return 'anonymous';
    if (adminHash !== null && tokenHashesEqual(hash, adminHash)) return 'admin';
    return store.isKnownTokenHash(hash) ? `token:${hash.toString('hex')}` : 'anonymous';
  };
}
