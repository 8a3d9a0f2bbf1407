// Web Worker entry: runs Argon2id off the main thread so the UI keeps responding during unlock.
import { deriveKeyFromPassphrase } from './argon2id';
import type { KdfParams } from './kdfParams';

interface KdfRequest {
  readonly passphrase: string;
  readonly params: KdfParams;
}

const scope = self as unknown as { onmessage: ((e: MessageEvent<KdfRequest>) => void) | null; postMessage: (m: unknown, t?: Transferable[]) => void };

scope.onmessage = (event) => {
  const { passphrase, params } = event.data;
  deriveKeyFromPassphrase(passphrase, params).then(
    (key) => scope.postMessage({ ok: true, key }, [key.buffer as ArrayBuffer]),
    (error: unknown) => scope.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) }),
  );
};
