import type { DataKeyHolder } from './dataKeyHolder';
import { pinCoordinatorKeys } from './pinCoordinatorKeys';
import type {
  AppliedOrganisationUpdate,
  CoordinatorKeys,
  JoinFailure,
  JoinOutcome,
  Organisation,
  OrganisationInput,
  OrganisationUpdate,
  OrganisationUpdateFailure,
  Result,
} from './storeApi';
import type { StoreContext } from './storeContext';
import { VaultLockedError } from './VaultLockedError';
import { writeTransaction } from './writeTransaction';

/** Version of the JSON sealed in organisation.sealed; bump it (and add a fixture) when it changes. */
const SEALED_ORGANISATION_FORMAT = 2;
/** Format 1 is format 2 without `lastUpdate` (written before signed organisation updates existed). */
const READABLE_FORMATS: readonly unknown[] = [1, SEALED_ORGANISATION_FORMAT];

interface SealedOrganisation {
  readonly format: typeof SEALED_ORGANISATION_FORMAT;
  readonly organisation: OrganisationInput & { readonly joinedAt: number; readonly lastUpdate?: AppliedOrganisationUpdate };
}

function checkInput(input: OrganisationInput): void {
  if (typeof input !== 'object' || input === null) throw new TypeError('joinOrganisation: input must be an object');
  for (const field of ['name', 'mailboxId', 'uploadToken'] as const) {
    if (typeof input[field] !== 'string' || input[field].length === 0) throw new TypeError(`joinOrganisation: input.${field} must be a non-empty string`);
  }
  if (!Array.isArray(input.relays) || input.relays.length === 0 || !input.relays.every((url) => typeof url === 'string')) {
    throw new TypeError('joinOrganisation: input.relays must be a non-empty array of URLs');
  }
}

/** Opens the sealed row and adds fingerprints; the stored keys were checked when they were pinned. */
export function openOrganisation(holder: DataKeyHolder, sealed: Uint8Array, operation: string): Organisation {
  const payload = holder.open(sealed, operation) as Partial<SealedOrganisation>;
  if (!READABLE_FORMATS.includes(payload.format) || payload.organisation === undefined) {
    throw new Error(`${operation}: unknown sealed organisation format ${String(payload.format)}`);
  }
  const stored = payload.organisation;
  const pinned = pinCoordinatorKeys(stored.coordinators);
  if (!pinned.ok) throw new Error(`${operation}: the stored organisation has an unusable coordinator key`);
  return { ...stored, coordinators: pinned.value };
}

export async function readOrganisation(ctx: StoreContext, holder: DataKeyHolder): Promise<Organisation | null> {
  if (holder.isWiped()) throw new VaultLockedError('organisation');
  const row = await ctx.db.organisation.get('organisation');
  return row === undefined ? null : openOrganisation(holder, row.sealed, 'organisation');
}

/** The keys as an order-free set: an invite listing the same coordinators in another order changes nothing. */
function keySet(coordinators: readonly CoordinatorKeys[]): string {
  return coordinators.map((c) => `${c.boxPublicKey}.${c.signPublicKey}`).sort().join(' ');
}

function seal(holder: DataKeyHolder, organisation: Organisation): Uint8Array {
  const { name, mailboxId, relays, uploadToken, coordinators, joinedAt, lastUpdate } = organisation;
  const stored: SealedOrganisation['organisation'] = {
    name,
    mailboxId,
    relays: [...relays],
    uploadToken,
    coordinators: coordinators.map((c) => ({ name: c.name, boxPublicKey: c.boxPublicKey, signPublicKey: c.signPublicKey })),
    joinedAt,
    ...(lastUpdate === undefined ? {} : { lastUpdate }),
  };
  return holder.seal({ format: SEALED_ORGANISATION_FORMAT, organisation: stored } satisfies SealedOrganisation, 'joinOrganisation');
}

/**
 * Joins an organisation: its coordinators' keys are pinned here and nothing later replaces them (DESIGN.md
 * §4). Joining turns every report kept on this phone only into a queued one, in the same transaction.
 * A second invite of the same mailbox with the same keys renews only the upload token and relay list
 * (e.g. after the relay refused the old token); any other organisation or key is refused.
 */
export async function joinOrganisation(ctx: StoreContext, holder: DataKeyHolder, input: OrganisationInput): Promise<Result<JoinOutcome, JoinFailure>> {
  checkInput(input);
  if (holder.isWiped()) return { ok: false, reason: 'locked' };
  const pinned = pinCoordinatorKeys(input.coordinators);
  if (!pinned.ok) return pinned;
  const { db } = ctx;
  const joinedAt = ctx.now();
  const written = await writeTransaction(db, [db.organisation, db.reports], async (): Promise<Result<JoinOutcome, JoinFailure>> => {
    const row = await db.organisation.get('organisation');
    if (row !== undefined) {
      const current = openOrganisation(holder, row.sealed, 'joinOrganisation');
      if (current.mailboxId !== input.mailboxId) return { ok: false, reason: 'different-organisation' };
      if (keySet(current.coordinators) !== keySet(input.coordinators)) return { ok: false, reason: 'keys-differ' };
      const renewed: Organisation = { ...current, relays: [...input.relays], uploadToken: input.uploadToken };
      await db.organisation.put({ id: 'organisation', sealed: seal(holder, renewed) });
      return { ok: true, value: { kind: 'renewed', organisation: renewed } };
    }
    const organisation: Organisation = { ...input, relays: [...input.relays], coordinators: pinned.value, joinedAt };
    await db.organisation.add({ id: 'organisation', sealed: seal(holder, organisation) });
    await db.reports.where('state').equals('local').modify({ state: 'queued' });
    return { ok: true, value: { kind: 'joined', organisation } };
  });
  return written.ok ? written.value : written;
}

function checkUpdate(update: OrganisationUpdate): void {
  if (typeof update !== 'object' || update === null) throw new TypeError('applyOrganisationUpdate: update must be an object');
  if (!Number.isSafeInteger(update.sequence) || update.sequence < 1) throw new TypeError('applyOrganisationUpdate: update.sequence must be a positive integer');
  if (update.uploadToken !== undefined && (typeof update.uploadToken !== 'string' || update.uploadToken.length === 0)) {
    throw new TypeError('applyOrganisationUpdate: update.uploadToken must be a non-empty string');
  }
  if (update.relays !== undefined && (!Array.isArray(update.relays) || update.relays.length === 0 || !update.relays.every((url) => typeof url === 'string'))) {
    throw new TypeError('applyOrganisationUpdate: update.relays must be a non-empty array of URLs');
  }
}

/**
 * Applies a signed organisation update that sync has verified against the pinned keys (DESIGN.md §4: the
 * relay never changes keys; only a pinned coordinator can). The sequence is checked again inside the
 * transaction, so two tabs applying the same update apply it once.
 */
export async function applyOrganisationUpdate(
  ctx: StoreContext,
  holder: DataKeyHolder,
  update: OrganisationUpdate,
): Promise<Result<Organisation, OrganisationUpdateFailure>> {
  checkUpdate(update);
  if (holder.isWiped()) return { ok: false, reason: 'locked' };
  if (update.coordinators.length === 0) return { ok: false, reason: 'unusable-key' };
  const pinned = pinCoordinatorKeys(update.coordinators);
  if (!pinned.ok) return pinned;
  const signer = pinCoordinatorKeys([update.signer]);
  if (!signer.ok) return signer;
  const signerFingerprint = signer.value[0]?.signFingerprint ?? '';
  const { db } = ctx;
  const written = await writeTransaction(db, [db.organisation], async (): Promise<Result<Organisation, OrganisationUpdateFailure>> => {
    const row = await db.organisation.get('organisation');
    if (row === undefined) return { ok: false, reason: 'not-joined' };
    const current = openOrganisation(holder, row.sealed, 'applyOrganisationUpdate');
    if (update.sequence <= (current.lastUpdate?.sequence ?? 0)) return { ok: false, reason: 'stale' };
    const lastUpdate: AppliedOrganisationUpdate = {
      sequence: update.sequence,
      signerName: update.signer.name,
      signerFingerprint,
      keysChanged: keySet(current.coordinators) !== keySet(update.coordinators),
      appliedAt: ctx.now(),
    };
    const next: Organisation = {
      ...current,
      coordinators: pinned.value,
      uploadToken: update.uploadToken ?? current.uploadToken,
      relays: update.relays === undefined ? current.relays : [...update.relays],
      lastUpdate,
    };
    await db.organisation.put({ id: 'organisation', sealed: seal(holder, next) });
    return { ok: true, value: next };
  });
  return written.ok ? written.value : written;
}
