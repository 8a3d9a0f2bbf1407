// Assembles the relay's HTTP server: the /v1 API, the built app on the same port, security and
// CORS headers, limits, and error mapping. Fastify's logger is off: the relay writes its own
// lines, which never contain addresses, user agents, ids or tokens.
import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import type { Duplex } from 'node:stream';
import { RELAY_API_PREFIX, type HealthResponse } from '../protocol/relayApi';
import { registerBundleRoutes } from './bundleRoutes';
import { clientErrorResponse } from './clientErrorResponse';
import { CORS_HEADERS } from './corsHeaders';
import { createCommitQueue } from './createCommitQueue';
import { registerDeviceRoutes } from './deviceRoutes';
import { registerMailboxRoutes } from './mailboxRoutes';
import { registerUploadTokenRoutes } from './uploadTokenRoutes';
import { rateLimitKey } from './rateLimitKey';
import type { RelayDeps } from './RelayDeps';
import { registerStaticApp } from './registerStaticApp';
import { securityHeaders } from './securityHeaders';
import { sendRelayError } from './sendRelayError';
import { toRelayError } from './toRelayError';

const KIB = 1024;

export async function buildRelay(deps: RelayDeps): Promise<FastifyInstance> {
  const { config, log } = deps;
  const headers = securityHeaders(config.connectSrc);
  const setCommonHeaders = (request: FastifyRequest, reply: FastifyReply): void => {
    reply.headers(headers);
    if (isApiPath(request.url)) {
      reply.headers(CORS_HEADERS);
      reply.header('cache-control', 'no-store');
    }
  };
  const app = Fastify({
    logger: false,
    // Never read X-Forwarded-For: the relay has no use for client addresses.
    trustProxy: false,
    bodyLimit: 16 * KIB,
    routerOptions: { maxParamLength: 100 },
    // Slow senders: a whole request (an 8 MiB bundle on a poor link included) within 5 minutes,
    // headers within 20 s, no idle socket beyond 2 minutes, idle keep-alive closed after 5 s.
    requestTimeout: 300_000,
    connectionTimeout: 120_000,
    keepAliveTimeout: 5_000,
    http: { maxHeaderSize: 16 * KIB, headersTimeout: 20_000 },
    // Requests that arrive while shutting down are still served; the store closes after them.
    return503OnClosing: false,
    clientErrorHandler(error: Error & { code?: string }, socket: Duplex) {
      if (error.code === 'ECONNRESET' || socket.destroyed) return;
      if (socket.writable) socket.write(clientErrorResponse(error.code));
      socket.destroy(error);
    },
    // Malformed URLs are answered before routing, where no hooks run.
    frameworkErrors(error, request, reply) {
      const { code, message } = toRelayError(error);
      setCommonHeaders(request, reply);
      void sendRelayError(reply, code, message);
    },
  });

  // A callback hook: an async one would cost every response a promise.
  app.addHook('onSend', (request, reply, payload, done) => {
    setCommonHeaders(request, reply);
    done(null, payload);
  });

  if (config.logRequests) {
    app.addHook('onResponse', async (request, reply) => {
      log.info(`${request.method} ${request.routeOptions.url ?? '(no route)'} ${reply.statusCode}`);
    });
  }

  app.setErrorHandler((error, request, reply) => {
    const { code, message, unexpected } = toRelayError(error);
    if (unexpected) {
      const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
      log.error(`${request.method} ${request.routeOptions.url ?? '(no route)'} failed: ${detail}`);
    }
    return sendRelayError(reply, code, message);
  });

  await app.register(
    async (v1) => {
      // Only the two body types the API uses; anything else is a 415 before a handler runs.
      v1.removeAllContentTypeParsers();
      v1.addContentTypeParser('application/json', { parseAs: 'string' }, v1.getDefaultJsonParser('error', 'error'));
      v1.addContentTypeParser('application/octet-stream', { parseAs: 'buffer' }, (_request, body, done) => {
        done(null, body);
      });
      await v1.register(rateLimit, {
        global: false,
        max: config.rateLimitMax,
        timeWindow: config.rateLimitWindowMs,
        keyGenerator: rateLimitKey(deps.store, config.adminToken),
        allowList: (request) => request.method === 'OPTIONS',
        errorResponseBuilder: () => Object.assign(new Error('rate limited'), { statusCode: 429 }),
      });
      // A hook on the whole scope runs before route hooks, so throttling precedes any token check.
      v1.addHook('onRequest', v1.rateLimit());

      registerMailboxRoutes(v1, deps);
      // One queue for both kinds of upload: concurrent PUTs share one durable commit.
      const commits = createCommitQueue((items) => deps.store.putMany(items));
      registerBundleRoutes(v1, deps, commits);
      registerDeviceRoutes(v1, deps, commits);
      registerUploadTokenRoutes(v1, deps);
      v1.get('/health', async (): Promise<HealthResponse> => ({ ok: true, version: deps.version }));
      v1.options('/*', async (_request, reply) => reply.code(204).send());
    },
    { prefix: RELAY_API_PREFIX },
  );

  const serveApp = await registerStaticApp(app, config.staticDir);
  if (!serveApp) log.error(`No built app in ${config.staticDir} (index.html missing): serving the API only.`);
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?', 1)[0] ?? '';
    const isPage = (request.method === 'GET' || request.method === 'HEAD') && !isApiPath(path) && !path.startsWith('/assets/');
    if (serveApp && isPage) {
      // The PWA routes on the client: any other page path gets the app shell.
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    }
    return sendRelayError(reply, 'not_found', 'Nothing is here.');
  });

  return app;
}

function isApiPath(url: string): boolean {
  return url === RELAY_API_PREFIX || url.startsWith(`${RELAY_API_PREFIX}/`) || url.startsWith(`${RELAY_API_PREFIX}?`);
}
