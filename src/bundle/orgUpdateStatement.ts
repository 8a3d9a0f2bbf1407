// What a signed organisation update says (PROTOCOL.md, "Organisation updates"): the organisation's full
// new coordinator set, and optionally a new upload token and relay list. It travels as UTF-8 JSON signed
// by a coordinator's Ed25519 key under its own domain prefix, so neither a receipt's signature nor a
// bundle's can ever pass for an update's.
import { z } from 'zod';
import { concatBytes, utf8Encode } from '../crypto/bytes';

export const ORG_UPDATE_FORMAT = 1;
/** An organisation with more coordinators than this is not one this code was built for. */
export const ORG_UPDATE_MAX_COORDINATORS = 16;
export const ORG_UPDATE_MAX_RELAYS = 8;

const SIGNATURE_DOMAIN = utf8Encode('dala-org-update-v1\0');
const keyText = z.string().length(43);

export const orgUpdateCoordinatorSchema = z.strictObject({
  name: z.string().min(1).max(200),
  /** X25519, unpadded base64url: bundles are sealed to it. */
  boxPublicKey: keyText,
  /** Ed25519, unpadded base64url: verifies later updates. */
  signPublicKey: keyText,
});

export const orgUpdateStatementSchema = z.strictObject({
  format: z.literal(ORG_UPDATE_FORMAT),
  /** The organisation's mailbox: an update for another organisation is refused. */
  mailboxId: z.string().min(1),
  /** Increases with every update of this organisation; a device applies each sequence at most once. */
  sequence: z.number().int().min(1).max(2 ** 53 - 1),
  /** The complete new set, not a difference: whatever is not listed is no longer pinned. */
  coordinators: z.array(orgUpdateCoordinatorSchema).max(ORG_UPDATE_MAX_COORDINATORS),
  /** The new upload token, when it was rotated. */
  uploadToken: z.string().min(1).max(200).optional(),
  /** The new relay origins, preferred first, when they changed. */
  relayUrls: z.array(z.url({ protocol: /^https?$/ }).max(2_000)).min(1).max(ORG_UPDATE_MAX_RELAYS).optional(),
  /** Whole hours since the Unix epoch on the coordinator's clock. */
  issuedAtHour: z.number().int().nonnegative(),
});

export type OrgUpdateStatement = z.infer<typeof orgUpdateStatementSchema>;
export type OrgUpdateCoordinator = z.infer<typeof orgUpdateCoordinatorSchema>;

/** The bytes a coordinator signs: domain prefix || statement JSON. */
export function orgUpdateSignedMessage(statementJson: Uint8Array): Uint8Array {
  return concatBytes(SIGNATURE_DOMAIN, statementJson);
}

/** JSON text of a statement with its keys in a fixed order. */
export function encodeOrgUpdateStatement(statement: OrgUpdateStatement): Uint8Array {
  const { format, mailboxId, sequence, coordinators, uploadToken, relayUrls, issuedAtHour } = orgUpdateStatementSchema.parse(statement);
  return utf8Encode(
    JSON.stringify({
      format,
      mailboxId,
      sequence,
      coordinators: coordinators.map(({ name, boxPublicKey, signPublicKey }) => ({ name, boxPublicKey, signPublicKey })),
      ...(uploadToken === undefined ? {} : { uploadToken }),
      ...(relayUrls === undefined ? {} : { relayUrls }),
      issuedAtHour,
    }),
  );
}
