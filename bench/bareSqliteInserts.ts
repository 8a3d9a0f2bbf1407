import Database from 'better-sqlite3';
import { join } from 'node:path';

/**
 * The relay's floor: the same bytes written by better-sqlite3 with the relay's durability (WAL,
 * synchronous=FULL, one IMMEDIATE transaction per bundle) into a fresh database in `dir`, nothing else
 * (no HTTP, tokens, hashing, duplicate check or quota). Answers the milliseconds the loop took.
 */
export function bareSqliteInserts(dir: string, bundles: readonly { readonly id: string; readonly bytes: Uint8Array }[]): number {
  const db = new Database(join(dir, 'bare.sqlite'));
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.exec('CREATE TABLE bundles (seq INTEGER PRIMARY KEY AUTOINCREMENT, bundle_id TEXT NOT NULL, bytes BLOB NOT NULL) STRICT');
    const insert = db.prepare('INSERT INTO bundles (bundle_id, bytes) VALUES (?, ?)');
    const insertOne = db.transaction((id: string, bytes: Uint8Array) => insert.run(id, bytes));
    const start = performance.now();
    for (const bundle of bundles) insertOne.immediate(bundle.id, bundle.bytes);
    return performance.now() - start;
  } finally {
    db.close();
  }
}
