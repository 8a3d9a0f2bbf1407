import { Dexie } from 'dexie';
import type { BundleRow, OutboxRow } from '../../../src/store/schema';
import { isVersionDelivered } from '../../../src/store/undeliveredVersions';

/**
 * The outbox rows (clear fields only: counter, ids, state) as a second connection sees them, by counter,
 * each with its state as every reader derives it: a row 'sealed' into a bundle a relay has is 'delivered'
 * (deliveries are recorded once per bundle; older databases marked each row).
 */
export async function readOutboxRaw(dbName: string): Promise<OutboxRow[]> {
  const db = new Dexie(dbName);
  await db.open();
  try {
    const [rows, bundles] = await Promise.all([db.table('outbox').toArray() as Promise<OutboxRow[]>, db.table('bundles').toArray() as Promise<BundleRow[]>]);
    const delivered = new Set(bundles.filter((bundle) => bundle.state === 'delivered').map((bundle) => bundle.firstCounter));
    return rows.map((row) => (isVersionDelivered(row, delivered) ? { ...row, state: 'delivered' } : row));
  } finally {
    db.close();
  }
}
