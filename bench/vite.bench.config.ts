import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/**
 * Builds bench/pages/ (not the app): a page that imports the real store and domain so that the
 * benchmark can time them inside Chromium. bench/run.ts sets build.outDir to a temp dir.
 */
export default defineConfig({
  root: fileURLToPath(new URL('./pages', import.meta.url)),
  base: './',
  logLevel: 'warn',
  build: {
    target: 'es2022',
    sourcemap: false,
    emptyOutDir: true,
    rollupOptions: { input: { save: fileURLToPath(new URL('./pages/save.html', import.meta.url)) } },
  },
  // Same as the app: the Argon2id worker is an ES module.
  worker: { format: 'es' },
});
