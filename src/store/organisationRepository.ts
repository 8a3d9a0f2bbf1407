import type { DataKeyHolder } from './dataKeyHolder';
import { pinCoordinatorKeys } from './pinCoordinatorKeys';
import type { CoordinatorKeys, JoinFailure, JoinOutcome, Organisation, OrganisationInput, Result } from './storeApi';
import type { StoreContext } from './storeContext';
import { VaultLockedError } from './VaultLockedError';
import { writeTransaction } from './writeTransaction';

/** Version of the JSON sealed in organisation.sealed; bump it (and add a fixture) when it changes. */
const SEALED_ORGANISATION_FORMAT = 1;

interface SealedOrganisation {
  readonly format: typeof SEALED_ORGANISATION_FORMAT;
  readonly organisation: OrganisationInput & { readonly joinedAt: number };
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
  if (payload.format !== SEALED_ORGANISATION_FORMAT || payload.organisation === undefined) {
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

function seal(holder: DataKeyHolder, organisation: OrganisationInput & { joinedAt: number }): Uint8Array {
  const { name, mailboxId, relays, uploadToken, coordinators, joinedAt } = organisation;
  const stored: SealedOrganisation['organisation'] = {
    name,
    mailboxId,
    relays: [...relays],
    uploadToken,
    coordinators: coordinators.map((c) => ({ name: c.name, boxPublicKey: c.boxPublicKey, signPublicKey: c.signPublicKey })),
    joinedAt,
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
