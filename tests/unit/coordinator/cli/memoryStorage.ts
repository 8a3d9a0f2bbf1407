// CoordinatorStorage in memory, for tests; `failWritesOf` makes writes of one file fail, as a full disk would.
import type { CoordinatorStorage } from '../../../../src/coordinator/CoordinatorStorage';

export interface MemoryStorage extends CoordinatorStorage {
  readonly files: Map<string, Uint8Array>;
  failWritesOf: string | null;
}

export function memoryStorage(): MemoryStorage {
  const files = new Map<string, Uint8Array>();
  const storage: MemoryStorage = {
    files,
    failWritesOf: null,
    async read(name) {
      const bytes = files.get(name);
      return bytes === undefined ? null : bytes.slice();
    },
    async write(name, bytes) {
      if (storage.failWritesOf === name) throw Object.assign(new Error(`ENOSPC: no space left writing ${name}`), { code: 'ENOSPC' });
      files.set(name, bytes.slice());
    },
    async create(name, bytes) {
      if (files.has(name)) return 'exists';
      files.set(name, bytes.slice());
      return 'created';
    },
  };
  return storage;
}

/** Whether `needle` occurs anywhere in `haystack`, as bytes. */
export function containsBytes(haystack: Uint8Array, needle: Uint8Array): boolean {
  return Buffer.from(haystack).indexOf(Buffer.from(needle)) !== -1;
}
