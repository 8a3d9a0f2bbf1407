import type { KdfParams } from './kdfParams';

type WorkerReply = { ok: true; key: Uint8Array } | { ok: false; message: string };

/**
 * Argon2id in a Web Worker (64 MiB and ~1 s on a cheap phone would freeze the page otherwise).
 * Where there is no Worker (Node tests), it runs in-thread with the same result.
 */
export function deriveKeyOffThread(passphrase: string, params: KdfParams): Promise<Uint8Array> {
  // A dynamic import: in the browser Argon2id (hash-wasm) lives only in the worker's chunk.
  if (typeof Worker === 'undefined') return import('./argon2id').then(({ deriveKeyFromPassphrase }) => deriveKeyFromPassphrase(passphrase, params));
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./kdfWorker.ts', import.meta.url), { type: 'module', name: 'kdf' });
    worker.onmessage = (event: MessageEvent<WorkerReply>) => {
      worker.terminate();
      if (event.data.ok) resolve(event.data.key);
      else reject(new Error(`Argon2id failed in worker: ${event.data.message}`));
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(`Argon2id worker failed to start: ${event.message}`));
    };
    worker.postMessage({ passphrase, params });
  });
}
