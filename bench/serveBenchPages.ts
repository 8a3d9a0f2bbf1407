import { fileURLToPath } from 'node:url';
import { build, preview } from 'vite';
import { freePort } from '../tests/e2e/support/freePort';
import { makeTempDir } from '../tests/e2e/support/makeTempDir';

export interface BenchPages {
  /** URL of the save/unlock bench page. */
  readonly saveUrl: string;
  close(): Promise<void>;
}

const configFile = fileURLToPath(new URL('./vite.bench.config.ts', import.meta.url));

/** Builds bench/pages/ into a temp dir and serves it on 127.0.0.1 with `vite preview`. */
export async function serveBenchPages(): Promise<BenchPages> {
  const outDir = await makeTempDir('dala-bench-pages');
  await build({ configFile, build: { outDir: outDir.path } });
  const port = await freePort();
  const server = await preview({ configFile, build: { outDir: outDir.path }, preview: { host: '127.0.0.1', port, strictPort: true } });
  return {
    saveUrl: `http://127.0.0.1:${port}/save.html`,
    close: async () => {
      await server.close();
      await outDir.remove();
    },
  };
}
