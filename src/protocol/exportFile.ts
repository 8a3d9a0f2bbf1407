// The "Export unsent" file (INVITE_FORMAT.md, "Export file"): sealed bundles a monitor could not
// upload, carried to a coordinator by any channel and imported like a pull. The bundles are already
// sealed to the coordinators, so the file reveals no more than a relay sees: sizes and the mailbox.
import { z } from 'zod';
import { BUNDLE_MAX_BYTES } from './bundleFormat';
import { base64UrlDecode, base64UrlEncode } from './inviteBase64Url';
import { mailboxIdSchema } from './relayApi';

export const EXPORT_FILE_FORMAT = 'dala-export';
export const EXPORT_FILE_VERSION = 1;
/** Suggested file name extension; the content, not the name, decides how a file is read. */
export const EXPORT_FILE_EXTENSION = '.dala-export.json';
export const exportFileLimits = { maxBundles: 10_000 } as const;

export type ExportFileProblem = 'malformed' | 'not-an-export' | 'unsupported-version' | 'bad-mailbox-id' | 'bad-bundle' | 'too-many-bundles';

export interface ExportFile {
  /** The organisation's mailbox the bundles were sealed for. */
  readonly mailboxId: string;
  /** Sealed bundle bytes, exactly as they would have been uploaded. */
  readonly bundles: readonly Uint8Array[];
}

export type ParseExportFileResult = { ok: true; value: ExportFile } | { ok: false; reason: ExportFileProblem };

const exportFileSchema = z.strictObject({
  format: z.literal(EXPORT_FILE_FORMAT),
  version: z.literal(EXPORT_FILE_VERSION),
  mailboxId: z.string(),
  bundles: z.array(z.string()),
});

function isBundleSize(bytes: Uint8Array | null): bytes is Uint8Array {
  return bytes !== null && bytes.length > 0 && bytes.length <= BUNDLE_MAX_BYTES;
}

/** JSON text (one trailing newline). Throws on arguments no exporter should produce. */
export function encodeExportFile(file: ExportFile): string {
  if (!mailboxIdSchema.safeParse(file.mailboxId).success) throw new TypeError('encodeExportFile: file.mailboxId is not a mailbox id');
  if (file.bundles.length > exportFileLimits.maxBundles) throw new RangeError(`encodeExportFile: file.bundles must hold at most ${exportFileLimits.maxBundles}`);
  file.bundles.forEach((bytes, i) => {
    if (!(bytes instanceof Uint8Array) || !isBundleSize(bytes)) throw new TypeError(`encodeExportFile: file.bundles[${i}] must be 1..${BUNDLE_MAX_BYTES} bytes`);
  });
  const body = {
    format: EXPORT_FILE_FORMAT,
    version: EXPORT_FILE_VERSION,
    mailboxId: file.mailboxId,
    bundles: file.bundles.map(base64UrlEncode),
  };
  return `${JSON.stringify(body, null, 1)}\n`;
}

/** Reads an export file's text. Every defect is a reason: the file came through an untrusted channel. */
export function parseExportFile(text: string): ParseExportFileResult {
  if (typeof text !== 'string') throw new TypeError('parseExportFile: text must be a string');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  if (typeof json !== 'object' || json === null || (json as { format?: unknown }).format !== EXPORT_FILE_FORMAT) {
    return { ok: false, reason: 'not-an-export' };
  }
  // The version is read before the rest: a newer file may lay out everything else differently.
  if ((json as { version?: unknown }).version !== EXPORT_FILE_VERSION) {
    const version: unknown = (json as { version?: unknown }).version;
    return { ok: false, reason: Number.isSafeInteger(version) && (version as number) > 0 ? 'unsupported-version' : 'malformed' };
  }
  const parsed = exportFileSchema.safeParse(json);
  if (!parsed.success) return { ok: false, reason: 'malformed' };
  const { mailboxId, bundles: encoded } = parsed.data;
  if (!mailboxIdSchema.safeParse(mailboxId).success) return { ok: false, reason: 'bad-mailbox-id' };
  if (encoded.length > exportFileLimits.maxBundles) return { ok: false, reason: 'too-many-bundles' };
  const bundles: Uint8Array[] = [];
  for (const text of encoded) {
    const bytes = base64UrlDecode(text);
    if (!isBundleSize(bytes)) return { ok: false, reason: 'bad-bundle' };
    bundles.push(bytes);
  }
  return { ok: true, value: { mailboxId, bundles } };
}
