import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/**
 * Builds bench/pages/drain/ into a folder with an index.html that `dala relay --static` serves, so the
 * page talks to its relay from the same origin, as the app does. bench/drainOutboxRows.ts sets outDir.
 */
export default defineConfig({
  root: fileURLToPath(new URL('./pages/drain', import.meta.url)),
  base: './',
  logLevel: 'warn',
  build: { target: 'es2022', sourcemap: false, emptyOutDir: true },
  // Same as the app: the Argon2id worker is an ES module.
  worker: { format: 'es' },
});
