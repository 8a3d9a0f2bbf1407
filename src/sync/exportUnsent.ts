import { encodeExportFile, EXPORT_FILE_EXTENSION, exportFileLimits } from '../protocol/exportFile';
import type { Result, VaultSession } from '../store/storeApi';
import { outboxPacking } from './outboxPacking';

export type ExportUnsentFailure = 'not-joined' | 'nothing-to-export' | 'locked' | 'storage-full' | 'storage-error';

export interface UnsentExport {
  readonly fileName: string;
  /** The export file (protocol/exportFile.ts): JSON with the sealed bundles, base64url. */
  readonly text: string;
  readonly bundleCount: number;
}

/**
 * Everything not yet delivered, as an export file a coordinator imports like a pull. Pending versions
 * (offline saves leave those short of a full bundle unsealed) are sealed first, so the file carries the
 * same bytes a relay would get: whichever copy arrives first, the other is recognised as the same
 * bundle. Nothing is marked delivered: only a relay's answer does that.
 */
export async function exportUnsent(session: VaultSession, now: number): Promise<Result<UnsentExport, ExportUnsentFailure>> {
  const sealed = await session.sealPendingVersions(outboxPacking, 'everything');
  if (!sealed.ok) return sealed;
  const organisation = await session.organisation();
  if (organisation === null) return { ok: false, reason: 'not-joined' };
  // Past the format's limit (months offline), the oldest go first; a later export carries the rest.
  const bundles = (await session.unsentBundles()).slice(0, exportFileLimits.maxBundles);
  if (bundles.length === 0) return { ok: false, reason: 'nothing-to-export' };
  const day = new Date(now).toISOString().slice(0, 10);
  return {
    ok: true,
    value: {
      fileName: `unsent-${day}${EXPORT_FILE_EXTENSION}`,
      text: encodeExportFile({ mailboxId: organisation.mailboxId, bundles: bundles.map((bundle) => bundle.bytes) }),
      bundleCount: bundles.length,
    },
  };
}
