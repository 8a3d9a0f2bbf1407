import Database from 'better-sqlite3';
import { join } from 'node:path';

export interface TimedInserts {
  /** Stores the bundles one by one; answers the milliseconds that took. */
  insert(bundles: readonly { readonly id: string; readonly bytes: Uint8Array }[]): number;
  close(): void;
}

/**
 * The relay's floor: the same bytes written by better-sqlite3 with the relay's durability (WAL,
 * synchronous=FULL, one IMMEDIATE transaction per bundle) into a fresh database in `dir`, nothing else
 * (no HTTP, tokens, hashing, duplicate check or quota).
 */
export function bareSqliteInserts(dir: string): TimedInserts {
  const db = new Database(join(dir, 'bare.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec('CREATE TABLE bundles (seq INTEGER PRIMARY KEY AUTOINCREMENT, bundle_id TEXT NOT NULL, bytes BLOB NOT NULL) STRICT');
  const insert = db.prepare('INSERT INTO bundles (bundle_id, bytes) VALUES (?, ?)');
  const insertOne = db.transaction((id: string, bytes: Uint8Array) => insert.run(id, bytes));
  return {
    insert(bundles) {
      const start = performance.now();
      for (const bundle of bundles) insertOne.immediate(bundle.id, bundle.bytes);
      return performance.now() - start;
    },
    close: () => db.close(),
  };
}
