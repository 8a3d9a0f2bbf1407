import { Dexie } from 'dexie';
import type { OutboxRow } from '../../../src/store/schema';

/** The outbox rows (clear fields only: counter, ids, state) as a second connection sees them, by counter. */
export async function readOutboxRaw(dbName: string): Promise<OutboxRow[]> {
  const db = new Dexie(dbName);
  await db.open();
  try {
    return (await db.table('outbox').toArray()) as OutboxRow[];
  } finally {
    db.close();
  }
}
