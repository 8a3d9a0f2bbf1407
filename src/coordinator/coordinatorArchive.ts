// reports.bin: everything a coordinator has received, as one secretbox under the vault's data key.
// It keeps each opened bundle in arrival order, so the ledger (dedupe, gaps, equivocation) is rebuilt
// exactly by replaying them, and every bundle it could not accept with the reason.
import { z } from 'zod';
import { bundleVersionSchema } from '../bundle/bundleVersion';
import type { OpenedBundle } from '../bundle/openBundle';
import { fromBase64Url, toBase64Url, utf8Encode } from '../crypto/bytes';
import { decryptWithKey, encryptWithKey } from '../crypto/secretbox';
import { bundleIdSchema, mailboxIdSchema } from '../protocol/relayApi';
import { coordinatorFiles } from './CoordinatorStorage';
import type { CoordinatorStorage } from './CoordinatorStorage';
import type { CoordinatorVault } from './CoordinatorVault';

export const COORDINATOR_ARCHIVE_VERSION = 1;

const bytes32Schema = z.string().transform((text, ctx) => {
  const bytes = fromBase64Url(text);
  if (bytes === null || bytes.length !== 32) {
    ctx.addIssue({ code: 'custom', message: 'not 32 bytes of base64url' });
    return z.NEVER;
  }
  return bytes;
});

/** Where a bundle came from, for people reading a pull's summary later. */
const sourceSchema = z.string().min(1);

const archivedBundleSchema = z.strictObject({
  /** What the ledger said when the bundle first arrived; only bundles that changed its state are kept. */
  outcome: z.enum(['accepted', 'equivocation']),
  mailboxId: mailboxIdSchema,
  id: bundleIdSchema,
  devicePublicKey: bytes32Schema,
  firstCounter: z.number().int(),
  lastCounter: z.number().int(),
  previousBundleHash: bytes32Schema,
  createdAtHour: z.number().int(),
  versions: z.array(bundleVersionSchema),
  source: sourceSchema,
  /** ISO time on the coordinator's clock when it was opened. */
  receivedAt: z.string(),
});

/** Reasons a bundle is kept aside: openBundle's, or the bytes not hashing to the id they were listed under. */
const rejectedSchema = z.strictObject({
  mailboxId: mailboxIdSchema,
  /** base64url(SHA-256(bytes)); the bytes are in rejected/<id>.bundle. */
  id: bundleIdSchema,
  reason: z.string().min(1),
  source: sourceSchema,
  receivedAt: z.string(),
});

const archiveSchema = z.strictObject({
  version: z.literal(COORDINATOR_ARCHIVE_VERSION),
  bundles: z.array(archivedBundleSchema),
  rejected: z.array(rejectedSchema),
});

export interface ArchivedBundle extends OpenedBundle {
  readonly outcome: 'accepted' | 'equivocation';
  readonly mailboxId: string;
  readonly source: string;
  readonly receivedAt: string;
}

export type RejectedBundle = z.infer<typeof rejectedSchema>;

export interface CoordinatorArchive {
  readonly bundles: readonly ArchivedBundle[];
  readonly rejected: readonly RejectedBundle[];
}

export const emptyArchive: CoordinatorArchive = { bundles: [], rejected: [] };

export type LoadArchiveResult = { ok: true; value: CoordinatorArchive } | { ok: false; reason: 'corrupt' };

function toJson(archive: CoordinatorArchive): z.input<typeof archiveSchema> {
  return {
    version: COORDINATOR_ARCHIVE_VERSION,
    bundles: archive.bundles.map((bundle) => ({
      outcome: bundle.outcome,
      mailboxId: bundle.mailboxId,
      id: bundle.id,
      devicePublicKey: toBase64Url(bundle.devicePublicKey),
      firstCounter: bundle.firstCounter,
      lastCounter: bundle.lastCounter,
      previousBundleHash: toBase64Url(bundle.previousBundleHash),
      createdAtHour: bundle.createdAtHour,
      versions: [...bundle.versions],
      source: bundle.source,
      receivedAt: bundle.receivedAt,
    })),
    rejected: [...archive.rejected],
  };
}

/** The archive of this vault; an empty one before the first bundle arrives. */
export async function loadArchive(storage: CoordinatorStorage, vault: CoordinatorVault): Promise<LoadArchiveResult> {
  const sealed = await storage.read(coordinatorFiles.archive);
  if (sealed === null) return { ok: true, value: emptyArchive };
  const opened = decryptWithKey(vault.dataKey, sealed);
  if (!opened.ok) return { ok: false, reason: 'corrupt' };
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(opened.value));
  } catch {
    return { ok: false, reason: 'corrupt' };
  }
  const parsed = archiveSchema.safeParse(json);
  if (!parsed.success) return { ok: false, reason: 'corrupt' };
  return {
    ok: true,
    value: {
      bundles: parsed.data.bundles.map((bundle) => ({ ...bundle, deviceId: toBase64Url(bundle.devicePublicKey) })),
      rejected: parsed.data.rejected,
    },
  };
}

/** Durably replaces reports.bin, encrypted under the vault's data key. */
export async function saveArchive(storage: CoordinatorStorage, vault: CoordinatorVault, archive: CoordinatorArchive): Promise<void> {
  await storage.write(coordinatorFiles.archive, encryptWithKey(vault.dataKey, utf8Encode(JSON.stringify(toJson(archive)))));
}
