// What a coordinator's receipt says (PROTOCOL.md, "Device mailboxes"): which counters of one device it
// holds. The statement travels as UTF-8 JSON, signed by the coordinator's Ed25519 key under a domain
// prefix, so a signature over a receipt can never be mistaken for one over anything else it signs.
import { z } from 'zod';
import { concatBytes, utf8Encode } from '../crypto/bytes';

export const RECEIPT_FORMAT = 1;
/** More ranges than this means a device with wildly scattered counters; the receipt names the first ones. */
export const RECEIPT_MAX_RANGES = 1000;

const SIGNATURE_DOMAIN = utf8Encode('dala-receipt-v1\0');
const counterSchema = z.number().int().min(1).max(2 ** 32 - 1);

export const receiptStatementSchema = z.strictObject({
  format: z.literal(RECEIPT_FORMAT),
  /** The device mailbox it was addressed to: a receipt copied into another mailbox is refused. */
  deviceMailbox: z.string(),
  /** base64url of the device's Ed25519 public key. */
  deviceId: z.string(),
  /** The organisation's mailbox the counters were pulled from. */
  organisationMailbox: z.string(),
  /** Inclusive [first, last] ranges of this device's counters the coordinator holds, ascending, disjoint. */
  counters: z
    .array(z.tuple([counterSchema, counterSchema]).refine(([first, last]) => first <= last))
    .min(1)
    .max(RECEIPT_MAX_RANGES)
    .refine((ranges) => ranges.every((range, i) => i === 0 || range[0] > (ranges[i - 1]?.[1] ?? 0))),
  /** Whole hours since the Unix epoch on the coordinator's clock. */
  issuedAtHour: z.number().int().nonnegative(),
});

export type ReceiptStatement = z.infer<typeof receiptStatementSchema>;

/** The bytes the coordinator signs: domain prefix || statement JSON. */
export function receiptSignedMessage(statementJson: Uint8Array): Uint8Array {
  return concatBytes(SIGNATURE_DOMAIN, statementJson);
}

/** JSON text of a statement with its keys in a fixed order. */
export function encodeReceiptStatement(statement: ReceiptStatement): Uint8Array {
  const { format, deviceMailbox, deviceId, organisationMailbox, counters, issuedAtHour } = receiptStatementSchema.parse(statement);
  return utf8Encode(JSON.stringify({ format, deviceMailbox, deviceId, organisationMailbox, counters, issuedAtHour }));
}
