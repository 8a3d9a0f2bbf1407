import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/**
 * Builds bench/pages/coordinator/ into a folder with an index.html that `dala relay` serves, so the page
 * pulls from its relay on the same origin, as the coordinator workspace does. bench/browserCoordinatorIngestRows.ts sets outDir.
 */
export default defineConfig({
  root: fileURLToPath(new URL('./pages/coordinator', import.meta.url)),
  base: './',
  logLevel: 'warn',
  // Not minified, so that a profile (DALA_BENCH_PROFILE) names functions; V8 runs it the same.
  build: { target: 'es2022', sourcemap: false, emptyOutDir: true, minify: false },
  // Same as the app: the Argon2id worker is an ES module.
  worker: { format: 'es' },
});
