// The rate-limit key and the token check both need the bearer token's hash: compute it once per request.
import type { FastifyRequest } from 'fastify';
import { hashToken } from './hashToken';
import { parseBearer } from './parseBearer';

const hashes = new WeakMap<FastifyRequest, Buffer | null>();

/** SHA-256 of the request's bearer token, or null when it has none. */
export function requestTokenHash(request: FastifyRequest): Buffer | null {
  let hash = hashes.get(request);
  if (hash === undefined) {
    const token = parseBearer(request.headers.authorization);
    hash = token === null ? null : hashToken(token);
    hashes.set(request, hash);
  }
  return hash;
}
