import type { FastifyReply } from 'fastify';
import { RELAY_ERROR_STATUS, type RelayErrorCode } from '../protocol/errorCodes';
import type { RelayErrorBody } from '../protocol/relayApi';

/** Replies with the relay's JSON error shape and the status that belongs to the code. */
export function sendRelayError(reply: FastifyReply, code: RelayErrorCode, message: string): FastifyReply {
  const body: RelayErrorBody = { error: { code, message } };
  return reply.code(RELAY_ERROR_STATUS[code]).type('application/json; charset=utf-8').send(body);
}
