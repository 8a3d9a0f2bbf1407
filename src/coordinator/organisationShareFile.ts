// The "share organisation" file (PROTOCOL.md, "Organisation file"): what one coordinator gives another so
// that the second can pull the same mailbox. Frozen constants of format 1: a JSON envelope around a sealed
// box addressed to the receiving coordinator, holding the giver's key, signature and statement.
import { z } from 'zod';
import { concatBytes, utf8Encode } from '../crypto/bytes';
import { inviteSchema } from '../protocol/invite';
import { normaliseAppUrl, normaliseRelayUrl } from '../protocol/inviteUrls';
import { mailboxIdSchema, mailboxTokenSchema } from '../protocol/relayApi';

export const ORGANISATION_FILE_FORMAT = 'dala-organisation';
export const ORGANISATION_FILE_VERSION = 1;
/** Suggested file name extension; the content, not the name, decides how a file is read. */
export const ORGANISATION_FILE_EXTENSION = '.dala-org.json';
/** The padded sealed statement is at most 16 KiB (an invite is at most 8 KiB); anything far larger is not one. */
export const ORGANISATION_FILE_MAX_CHARS = 100_000;
const SIGNATURE_DOMAIN = utf8Encode('dala-org-share-v1\0');
const publicKeyText = z.string().regex(/^[A-Za-z0-9_-]{42}[AEIMQUYcgkosw048]$/);

export const organisationFileEnvelopeSchema = z.strictObject({
  format: z.literal(ORGANISATION_FILE_FORMAT),
  version: z.number().int(),
  /** base64url of crypto_box_seal(pad(signerKey(32) || signature(64) || statement), recipient). */
  sealed: z.string().max(ORGANISATION_FILE_MAX_CHARS),
});

export const organisationShareStatementSchema = z.strictObject({
  format: z.literal(ORGANISATION_FILE_VERSION),
  /** The receiving coordinator's X25519 key: a file re-sealed to someone else is refused. */
  recipient: publicKeyText,
  name: inviteSchema.shape.organisation,
  mailboxId: mailboxIdSchema,
  uploadToken: mailboxTokenSchema,
  pullToken: mailboxTokenSchema,
  relays: z
    .array(z.string().refine((url) => normaliseRelayUrl(url) === url))
    .min(1)
    .max(5)
    .refine((urls) => new Set(urls).size === urls.length),
  invite: inviteSchema,
  appUrl: z.string().refine((url) => normaliseAppUrl(url) === url),
  /** Whole hours since the Unix epoch on the giver's clock. */
  issuedAtHour: z.number().int().nonnegative(),
});

export type OrganisationShareStatement = z.infer<typeof organisationShareStatementSchema>;

/** The bytes the giver signs: domain prefix || statement JSON. */
export function organisationShareSignedMessage(statementJson: Uint8Array): Uint8Array {
  return concatBytes(SIGNATURE_DOMAIN, statementJson);
}

/** JSON text of a statement with its keys in a fixed order. Throws on a statement no writer should produce. */
export function encodeOrganisationShareStatement(statement: OrganisationShareStatement): Uint8Array {
  const s = organisationShareStatementSchema.parse(statement);
  return utf8Encode(
    JSON.stringify({
      format: s.format,
      recipient: s.recipient,
      name: s.name,
      mailboxId: s.mailboxId,
      uploadToken: s.uploadToken,
      pullToken: s.pullToken,
      relays: s.relays,
      invite: s.invite,
      appUrl: s.appUrl,
      issuedAtHour: s.issuedAtHour,
    }),
  );
}
