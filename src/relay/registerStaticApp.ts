// Serves the built PWA (vite's dist/) from the relay's own port, so one process is a whole deployment.
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { existsSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { cacheControlFor } from './cacheControlFor';

/** Registers the app folder if it holds an index.html; returns whether it did (the relay runs API-only otherwise). */
export async function registerStaticApp(app: FastifyInstance, staticDir: string): Promise<boolean> {
  if (!existsSync(join(staticDir, 'index.html'))) return false;
  await app.register(fastifyStatic, {
    root: staticDir,
    index: ['index.html'],
    // Cache-Control is chosen per file below; send's default max-age=0 would fight it.
    cacheControl: false,
    // @fastify/static serves dotfiles unless told otherwise; an operator's .env in dist/ must stay private.
    dotfiles: 'ignore',
    // The build writes .br and .gz beside each text asset (vite.config.ts); a phone on a slow line gets
    // those when it accepts them, and the original otherwise.
    preCompressed: true,
    setHeaders(res, filePath) {
      // The compressed twin answers for the original: its caching follows the original's name.
      const servedAs = relative(staticDir, filePath).split(sep).join('/').replace(/\.(br|gz)$/, '');
      res.setHeader('cache-control', cacheControlFor(servedAs));
      // Whether a compressed twin was sent depends on Accept-Encoding: caches must key on it.
      res.setHeader('vary', 'Accept-Encoding');
    },
  });
  return true;
}
