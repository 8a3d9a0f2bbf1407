// Shared set-up for the store tests. Each test file must import 'fake-indexeddb/auto' FIRST, before
// anything that loads Dexie, because Dexie picks up indexedDB when its module is evaluated.
import { randomUUID } from 'node:crypto';
import type { Report, ReportInput } from '../../../src/domain/report';
import { reportSchema } from '../../../src/domain/report';
import { openDalaStore } from '../../../src/store/openDalaStore';
import type { OpenDalaStoreOptions } from '../../../src/store/openDalaStore';
import type { DalaStore, VaultSession } from '../../../src/store/storeApi';

/** The floor of DESIGN.md §4, so that each derivation stays quick in tests. */
export const FLOOR_KDF = { memoryKiB: 19 * 1024, iterations: 2, parallelism: 1 } as const;

export const PASSPHRASE = 'steppe lantern orchard velvet kettle 1984';
export const OTHER_PASSPHRASE = 'quiet harbour copper meadow thistle 2031';

export function uniqueDbName(label: string): string {
  return `dala-test-${label}-${randomUUID()}`;
}

export function openTestStore(dbName: string, options: Omit<OpenDalaStoreOptions, 'dbName'> = {}): DalaStore {
  return openDalaStore({ dbName, kdf: FLOOR_KDF, ...options });
}

/** A store with a freshly created vault and its unlocked session. */
export async function createdStore(label: string, options: Omit<OpenDalaStoreOptions, 'dbName'> = {}): Promise<{ dbName: string; store: DalaStore; session: VaultSession }> {
  const dbName = uniqueDbName(label);
  const store = openTestStore(dbName, options);
  const created = await store.createVault(PASSPHRASE);
  if (!created.ok) throw new Error(`createVault failed in set-up: ${created.reason}`);
  return { dbName, store, session: created.value };
}

/** A valid report (parsed, so every defaulted field is present); override any field. */
export function sampleReport(overrides: Partial<ReportInput> = {}): Report {
  return reportSchema.parse({
    id: randomUUID(),
    incidentType: 'police_visit',
    when: { value: '2024-05-01', precision: 'day' },
    where: { city: 'Almaty' },
    narrative: 'Two officers came to the office and asked for the list of members.',
    ...overrides,
  } as ReportInput);
}
