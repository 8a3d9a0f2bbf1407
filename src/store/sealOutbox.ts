import { Dexie } from 'dexie';
import { utf8Encode, wipe } from '../crypto/bytes';
import { sha256 } from '../crypto/sha256';
import { classifyStorageError } from './classifyStorageError';
import type { DataKeyHolder } from './dataKeyHolder';
import { openDeviceKeyPair } from './deviceIdentity';
import { openOrganisation } from './organisationRepository';
import { recipientKeysOf } from './pinCoordinatorKeys';
import type { DalaDatabase, OutboxRow, ReportVersionRow } from './schema';
import { openReportVersion, sealedRecordBytes } from './sealedReportVersion';
import type { BundlePacking, Result, SealFailure, SealScope } from './storeApi';
import type { StoreContext } from './storeContext';
import { writeTransaction } from './writeTransaction';

const OPERATION = 'sealPendingVersions';
const HASH_BYTES = 32;

/** The next bundle: the oldest unsealed versions (ciphertext only, nothing decrypted yet) and how many of them it takes. */
interface Plan {
  readonly pending: readonly OutboxRow[];
  readonly versionRows: readonly ReportVersionRow[];
  readonly count: number;
}

type PlanStep = Plan | 'not-joined' | 'nothing-to-seal';

/** packing.fit, held to its contract: a bad answer is a bug in the caller, not a state. */
function fitted(packing: BundlePacking, recordBytes: readonly number[]): number {
  const count = packing.fit(recordBytes);
  if (!Number.isSafeInteger(count) || count < 0 || count > recordBytes.length) {
    throw new RangeError(`${OPERATION}: packing.fit answered ${String(count)} for ${recordBytes.length} versions`);
  }
  return Math.min(count, packing.maxVersions);
}

/**
 * Decides the next bundle from the stored ciphertext lengths alone, so an offline save that leaves the
 * outbox short of a full bundle decrypts nothing. One row more than a bundle can hold is read, to tell
 * whether the bundle is full (the next version would not fit).
 */
async function planNextBundle(db: DalaDatabase, packing: BundlePacking, scope: SealScope): Promise<PlanStep> {
  if ((await db.organisation.count()) === 0) return 'not-joined';
  const pending = await db.outbox.where('state').equals('unsealed').limit(packing.maxVersions + 1).toArray();
  if (pending.length === 0) return 'nothing-to-seal';
  const versionRows = (await db.reportVersions.bulkGet(pending.map((row) => [row.reportId, row.version] as [string, number]))).map((row, i) => {
    if (row === undefined) throw new Error(`${OPERATION}: outbox counter ${pending[i]?.counter} has no saved version`);
    return row;
  });
  const fitting = fitted(packing, versionRows.map(sealedRecordBytes));
  const full = fitting < pending.length || fitting === packing.maxVersions;
  if (scope === 'full-bundles' && !full) return 'nothing-to-seal';
  // 0: the oldest version alone is larger than the aimed-for bundle; it goes alone, in a bigger one.
  return { pending, versionRows, count: Math.max(1, fitting) };
}

/**
 * Seals the planned versions into the next bundle of this device's chain, and stores the bundle bytes,
 * the outbox rows' new state and the chain's new end in ONE transaction: a crash leaves either no bundle
 * or a complete one, so a version is never sealed twice (P4) and the chain never skips (P6). The sealer
 * is synchronous, so the transaction stays open while it runs.
 */
async function sealNextBundle(ctx: StoreContext, holder: DataKeyHolder, packing: BundlePacking, scope: SealScope): Promise<PlanStep | 'sealed'> {
  const { db } = ctx;
  // Planned again inside the write transaction: it alone decides what is sealed.
  const plan = await planNextBundle(db, packing, scope);
  if (typeof plan === 'string') return plan;
  const { pending, versionRows } = plan;
  const chain = await db.bundleChain.get('chain');
  const chainEnd = chain?.lastCounter ?? 0;
  pending.slice(0, plan.count).forEach((row, i) => {
    if (row.counter !== chainEnd + 1 + i) throw new Error(`${OPERATION}: unsealed counter ${row.counter} does not continue the bundle chain ending at ${chainEnd}`);
  });
  const versions = versionRows.slice(0, plan.count).map((row) => openReportVersion(holder, row, OPERATION));
  // The exact sizes, now that the versions are open: a row whose length misled the plan (written by another
  // format) must not push the bundle into a bigger padding bucket.
  let count = Math.max(1, fitted(packing, versions.map((version) => utf8Encode(JSON.stringify(version)).length)));
  const organisationRow = await db.organisation.get('organisation');
  if (organisationRow === undefined) throw new Error(`${OPERATION}: the organisation row is missing`);
  const organisation = openOrganisation(holder, organisationRow.sealed, OPERATION);
  const previousBundleHash = chain === undefined ? new Uint8Array(HASH_BYTES) : holder.openBytes(chain.sealedHash, OPERATION);
  const vault = await db.vault.get('vault');
  if (vault === undefined) throw new Error(`${OPERATION}: the vault row is missing`);

  const device = openDeviceKeyPair(holder, vault.sealedIdentity, OPERATION);
  let bytes: Uint8Array;
  try {
    for (;;) {
      const sealed = packing.seal({
        mailboxId: organisation.mailboxId,
        recipients: recipientKeysOf(organisation.coordinators),
        device,
        versions: versions.slice(0, count),
        previousBundleHash,
        createdAt: ctx.now(),
      });
      if (sealed.ok) {
        bytes = sealed.value;
        break;
      }
      // Report limits keep one version far below the largest bundle, so this is a bug, not a state.
      if (count === 1) throw new Error(`${OPERATION}: version with counter ${chainEnd + 1} alone does not fit in a bundle`);
      count = Math.ceil(count / 2);
    }
  } finally {
    wipe(device.secretKey);
  }

  const firstCounter = chainEnd + 1;
  const lastCounter = chainEnd + count;
  await db.bundles.add({ firstCounter, lastCounter, state: 'sealed', sealedBytes: holder.sealBytes(bytes, OPERATION) });
  await db.outbox.bulkPut(pending.slice(0, count).map((row) => ({ ...row, state: 'sealed' as const, bundle: firstCounter })));
  await db.bundleChain.put({ id: 'chain', lastCounter, sealedHash: holder.sealBytes(sha256(bytes), OPERATION) });
  return 'sealed';
}

/** The plan, read in a read-only transaction. */
async function readPlan(db: DalaDatabase, packing: BundlePacking, scope: SealScope): Promise<Result<PlanStep, 'storage-full' | 'storage-error'>> {
  try {
    return { ok: true, value: await db.transaction('r', [db.organisation, db.outbox, db.reportVersions], () => planNextBundle(db, packing, scope)) };
  } catch (error) {
    if (!(error instanceof Dexie.DexieError) && !(error instanceof DOMException)) throw error;
    return { ok: false, reason: classifyStorageError(error) };
  }
}

/**
 * Seals unsealed versions into bundles of as many versions as `packing.fit` allows, one bundle per
 * transaction; with 'full-bundles', only full ones (the rest wait, unsealed but encrypted under the data
 * key, P1, for an upload attempt or an export). Answers how many bundles were sealed.
 */
export async function sealPendingVersions(ctx: StoreContext, holder: DataKeyHolder, packing: BundlePacking, scope: SealScope): Promise<Result<number, SealFailure>> {
  if (typeof packing?.seal !== 'function' || typeof packing.fit !== 'function') throw new TypeError(`${OPERATION}: packing must have seal and fit functions`);
  if (!Number.isSafeInteger(packing.maxVersions) || packing.maxVersions < 1) {
    throw new RangeError(`${OPERATION}: packing.maxVersions must be a positive integer, got ${String(packing.maxVersions)}`);
  }
  if (scope !== 'full-bundles' && scope !== 'everything') throw new TypeError(`${OPERATION}: scope must be 'full-bundles' or 'everything'`);
  if (holder.isWiped()) return { ok: false, reason: 'locked' };
  const { db } = ctx;
  let bundles = 0;
  for (;;) {
    // Offline saves usually find no full bundle: they look first, without opening a write transaction.
    if (scope === 'full-bundles') {
      const plan = await readPlan(db, packing, scope);
      if (!plan.ok) return plan;
      if (plan.value === 'not-joined') return { ok: false, reason: 'not-joined' };
      if (plan.value === 'nothing-to-seal') return { ok: true, value: bundles };
    }
    const step = await writeTransaction(db, [db.vault, db.organisation, db.outbox, db.reportVersions, db.bundles, db.bundleChain], () =>
      sealNextBundle(ctx, holder, packing, scope),
    );
    if (!step.ok) return step;
    if (step.value === 'not-joined') return { ok: false, reason: 'not-joined' };
    if (step.value === 'nothing-to-seal') return { ok: true, value: bundles };
    bundles += 1;
  }
}
