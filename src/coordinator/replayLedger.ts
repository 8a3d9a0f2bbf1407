import type { CoordinatorArchive } from './coordinatorArchive';
import { createLedger } from './ledger';
import type { Ledger } from './ledger';

/** One organisation's ledger, rebuilt by feeding it the archived bundles in the order they arrived. */
export function replayLedger(archive: CoordinatorArchive, mailboxId: string): Ledger {
  const ledger = createLedger();
  for (const bundle of archive.bundles) if (bundle.mailboxId === mailboxId) ledger.accept(bundle);
  return ledger;
}
