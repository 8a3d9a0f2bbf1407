// Named byte blobs in their own IndexedDB database, for the coordinator's files in the browser
// (coordinator.json, reports.bin, rejected/<id>.bundle …). This module stores only the bytes it is given:
// the coordinator code encrypts every file under its vault's data key before writing, except the vault
// file's Argon2id header and wrapped key, which unlocking needs (src/coordinator/coordinatorVaultFile.ts).
// Rejected bundles are kept as received: sealed bundles, which only a coordinator's key opens.
import Dexie from 'dexie';
import type { Table } from 'dexie';

export interface BlobStorage {
  /** The named blob's bytes, or null when there is none. */
  read(name: string): Promise<Uint8Array | null>;
  /** Replaces the named blob; durable once the promise resolves (strict transaction durability). */
  write(name: string, bytes: Uint8Array): Promise<void>;
  /** Writes the blob only if none of that name exists; never replaces one, even when two tabs race. */
  create(name: string, bytes: Uint8Array): Promise<'created' | 'exists'>;
}

interface BlobRow {
  readonly name: string;
  readonly bytes: Uint8Array;
}

export const COORDINATOR_DB_NAME = 'dala-coordinator';

function checkName(name: string): void {
  if (typeof name !== 'string' || name === '') throw new TypeError('blobStorage: name must be a non-empty string');
}

/** A BlobStorage on the IndexedDB database `dbName` (default 'dala-coordinator'), opened on first use. */
export function createBlobStorage(dbName: string = COORDINATOR_DB_NAME): BlobStorage {
  const db = new Dexie(dbName, { chromeTransactionDurability: 'strict' });
  db.version(1).stores({ blobs: 'name' });
  const blobs = db.table('blobs') as Table<BlobRow, string>;

  return {
    async read(name) {
      checkName(name);
      const row = await blobs.get(name);
      return row === undefined ? null : new Uint8Array(row.bytes);
    },
    async write(name, bytes) {
      checkName(name);
      // A copy: the caller may reuse or wipe its buffer after the promise resolves.
      await blobs.put({ name, bytes: new Uint8Array(bytes) });
    },
    async create(name, bytes) {
      checkName(name);
      // add() inside one readwrite transaction fails on an existing key: IndexedDB serialises the racers.
      try {
        await blobs.add({ name, bytes: new Uint8Array(bytes) });
        return 'created';
      } catch (error) {
        if (error instanceof Error && error.name === Dexie.errnames.Constraint) return 'exists';
        throw error;
      }
    },
  };
}
