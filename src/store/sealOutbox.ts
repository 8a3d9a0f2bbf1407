import { wipe } from '../crypto/bytes';
import { sha256 } from '../crypto/sha256';
import type { DataKeyHolder } from './dataKeyHolder';
import { openDeviceKeyPair } from './deviceIdentity';
import { openOrganisation } from './organisationRepository';
import { recipientKeysOf } from './pinCoordinatorKeys';
import { openReportVersion } from './sealedReportVersion';
import type { BundleSealer, Result, SealFailure } from './storeApi';
import type { StoreContext } from './storeContext';
import { writeTransaction } from './writeTransaction';

const OPERATION = 'sealPendingVersions';
const HASH_BYTES = 32;

type Step = 'sealed' | 'nothing-pending' | 'not-joined';

/**
 * Seals the oldest unsealed versions (up to `max`) into the next bundle of this device's chain, and
 * stores the bundle bytes, the outbox rows' new state and the chain's new end in ONE transaction: a
 * crash leaves either no bundle or a complete one, so a version is never sealed twice (P4) and the
 * chain never skips (P6). The sealer is synchronous, so the transaction stays open while it runs.
 */
async function sealNextBundle(ctx: StoreContext, holder: DataKeyHolder, sealer: BundleSealer, max: number): Promise<Step> {
  const { db } = ctx;
  const organisationRow = await db.organisation.get('organisation');
  if (organisationRow === undefined) return 'not-joined';
  const pending = await db.outbox.where('state').equals('unsealed').limit(max).toArray();
  if (pending.length === 0) return 'nothing-pending';
  const chain = await db.bundleChain.get('chain');
  const chainEnd = chain?.lastCounter ?? 0;
  pending.forEach((row, i) => {
    if (row.counter !== chainEnd + 1 + i) throw new Error(`${OPERATION}: unsealed counter ${row.counter} does not continue the bundle chain ending at ${chainEnd}`);
  });
  const versionRows = await db.reportVersions.bulkGet(pending.map((row) => [row.reportId, row.version] as [string, number]));
  const versions = versionRows.map((row, i) => {
    if (row === undefined) throw new Error(`${OPERATION}: outbox counter ${pending[i]?.counter} has no saved version`);
    return openReportVersion(holder, row, OPERATION);
  });
  const organisation = openOrganisation(holder, organisationRow.sealed, OPERATION);
  const previousBundleHash = chain === undefined ? new Uint8Array(HASH_BYTES) : holder.openBytes(chain.sealedHash, OPERATION);
  const vault = await db.vault.get('vault');
  if (vault === undefined) throw new Error(`${OPERATION}: the vault row is missing`);

  const device = openDeviceKeyPair(holder, vault.sealedIdentity, OPERATION);
  let count = versions.length;
  let bytes: Uint8Array;
  try {
    for (;;) {
      const sealed = sealer({
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

/** Seals every unsealed version, one bundle per transaction; answers how many bundles were sealed. */
export async function sealPendingVersions(ctx: StoreContext, holder: DataKeyHolder, sealer: BundleSealer, maxVersionsPerBundle: number): Promise<Result<number, SealFailure>> {
  if (typeof sealer !== 'function') throw new TypeError(`${OPERATION}: sealer must be a function`);
  if (!Number.isSafeInteger(maxVersionsPerBundle) || maxVersionsPerBundle < 1) {
    throw new RangeError(`${OPERATION}: maxVersionsPerBundle must be a positive integer, got ${String(maxVersionsPerBundle)}`);
  }
  if (holder.isWiped()) return { ok: false, reason: 'locked' };
  const { db } = ctx;
  let bundles = 0;
  for (;;) {
    const step = await writeTransaction(db, [db.vault, db.organisation, db.outbox, db.reportVersions, db.bundles, db.bundleChain], () =>
      sealNextBundle(ctx, holder, sealer, maxVersionsPerBundle),
    );
    if (!step.ok) return step;
    if (step.value === 'not-joined') return { ok: false, reason: 'not-joined' };
    if (step.value === 'nothing-pending') return { ok: true, value: bundles };
    bundles += 1;
  }
}
