// Rate-limit buckets are keyed by token, never by IP address (the relay must not handle client
// addresses). A token that opens nothing shares the one anonymous bucket, so inventing tokens does
// not buy fresh buckets.
import type { FastifyRequest } from 'fastify';
import { hashToken, tokenHashesEqual } from './hashToken';
import { parseBearer } from './parseBearer';
import type { RelayStore } from './RelayStore';

export function rateLimitKey(store: RelayStore, adminToken: string | null): (request: FastifyRequest) => string {
  const adminHash = adminToken === null ? null : hashToken(adminToken);
  return (request) => {
    const token = parseBearer(request.headers.authorization);
    if (token === null) return 'anonymous';
    const hash = hashToken(token);
    if (adminHash !== null && tokenHashesEqual(hash, adminHash)) return 'admin';
    return store.isKnownTokenHash(hash) ? `token:${hash.toString('hex')}` : 'anonymous';
  };
}
