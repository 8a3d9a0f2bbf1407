import type { DalaDatabase } from './schema';

/** Argon2id cost for new vault headers; the salt is drawn fresh each time. */
export interface KdfCost {
  readonly memoryKiB: number;
  readonly iterations: number;
  readonly parallelism: number;
}

/** What the vault and repository functions share; built once by openDalaStore. */
export interface StoreContext {
  readonly db: DalaDatabase;
  readonly kdf: KdfCost;
  readonly now: () => number;
}
