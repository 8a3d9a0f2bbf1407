// Wire contract of the relay HTTP API v1 (see PROTOCOL.md, "Relay HTTP API").
// Request schemas are strict (the relay rejects what it does not understand); response schemas
// accept unknown keys so an older client keeps working against a newer relay.
import { z } from 'zod';
import { RELAY_ERROR_CODES } from './errorCodes';

export const RELAY_API_PREFIX = '/v1';

export const MAX_LIST_LIMIT = 500;
export const DEFAULT_LIST_LIMIT = 100;

// 32 bytes in unpadded base64url is 43 characters; the last one carries 4 data bits and 2 zero
// bits, so only every fourth alphabet letter can end a canonical encoding.
const BASE64URL_32_BYTES = /^[A-Za-z0-9_-]{42}[AEIMQUYcgkosw048]$/;
// 16 bytes: 22 characters, the last one carries 2 data bits and 4 zero bits.
const BASE64URL_16_BYTES = /^[A-Za-z0-9_-]{21}[AQgw]$/;

/** base64url(SHA-256(bundle bytes)), unpadded, canonical. */
export const bundleIdSchema = z.string().regex(BASE64URL_32_BYTES);
/** 16 random bytes chosen by the relay, unpadded base64url. */
export const mailboxIdSchema = z.string().regex(BASE64URL_16_BYTES);
/** Upload and pull tokens: 32 random bytes, unpadded base64url. */
export const mailboxTokenSchema = z.string().regex(BASE64URL_32_BYTES);

/** Relay-wide sequence number, assigned when a bundle is committed; strictly increasing, never reused. */
export const seqSchema = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);

/** Arrival time rounded down to the hour, UTC, e.g. `2025-03-01T14:00:00Z`. */
export const receivedHourSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:00:00Z$/);

const decimalParam = z
  .string()
  .regex(/^(0|[1-9][0-9]{0,14})$/)
  .transform(Number);

export const createMailboxResponseSchema = z.object({
  mailboxId: mailboxIdSchema,
  uploadToken: mailboxTokenSchema,
  pullToken: mailboxTokenSchema,
});
export type CreateMailboxResponse = z.infer<typeof createMailboxResponseSchema>;

/** POST /v1/mailboxes/{mailboxId}/upload-token (pull token): the mailbox's new upload token. */
export const rotateUploadTokenResponseSchema = z.object({ uploadToken: mailboxTokenSchema });
export type RotateUploadTokenResponse = z.infer<typeof rotateUploadTokenResponseSchema>;

export const putBundleResponseSchema = z.object({ seq: seqSchema });
export type PutBundleResponse = z.infer<typeof putBundleResponseSchema>;

export const listBundlesQuerySchema = z.strictObject({
  after: decimalParam.default(0),
  limit: decimalParam.pipe(z.number().int().min(1).max(MAX_LIST_LIMIT)).default(DEFAULT_LIST_LIMIT),
});
export type ListBundlesQuery = z.infer<typeof listBundlesQuerySchema>;

export const bundleSummarySchema = z.object({
  seq: seqSchema,
  id: bundleIdSchema,
  size: z.number().int().positive(),
  receivedHour: receivedHourSchema,
});
export type BundleSummary = z.infer<typeof bundleSummarySchema>;

export const listBundlesResponseSchema = z.object({
  bundles: z.array(bundleSummarySchema),
  hasMore: z.boolean(),
});
export type ListBundlesResponse = z.infer<typeof listBundlesResponseSchema>;

/**
 * Who acknowledges: 16 random bytes a coordinator picks once per organisation, unpadded base64url (the
 * same form as a mailbox id). Several coordinators read one mailbox; each acknowledges as its own reader.
 */
export const readerIdSchema = mailboxIdSchema;

/** The most readers a relay remembers per mailbox (an organisation has at most 16 coordinators). */
export const MAX_READERS_PER_MAILBOX = 16;

export const ackRequestSchema = z.strictObject({
  upTo: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
  /** Absent: the legacy acknowledgement, which deletes up to `upTo` whoever else reads the mailbox. */
  reader: readerIdSchema.optional(),
});
export type AckRequest = z.infer<typeof ackRequestSchema>;

export const ackResponseSchema = z.object({ deleted: z.number().int().nonnegative() });
export type AckResponse = z.infer<typeof ackResponseSchema>;

/** A device mailbox address: 16 bytes of SHA-256 over the device key, same form as a mailbox id. */
export const deviceMailboxSchema = mailboxIdSchema;
/** base64url(SHA-256(message bytes)): same rules as a bundle id. */
export const messageIdSchema = bundleIdSchema;

/** Messages to devices are receipts and small organisation updates: 64 KiB padded plus the sealed-box overhead. */
export const DEVICE_MESSAGE_MAX_BYTES = 64 * 1024 + 1024;
export const MAX_MESSAGE_LIST_LIMIT = 50;
export const DEFAULT_MESSAGE_LIST_LIMIT = 20;

export const putMessageResponseSchema = z.object({ seq: seqSchema });
export type PutMessageResponse = z.infer<typeof putMessageResponseSchema>;

export const listMessagesQuerySchema = z.strictObject({
  after: decimalParam.default(0),
  limit: decimalParam.pipe(z.number().int().min(1).max(MAX_MESSAGE_LIST_LIMIT)).default(DEFAULT_MESSAGE_LIST_LIMIT),
});
export type ListMessagesQuery = z.infer<typeof listMessagesQuerySchema>;

export const deviceMessageSchema = z.object({
  seq: seqSchema,
  id: messageIdSchema,
  receivedHour: receivedHourSchema,
  /** The message bytes, unpadded base64url. */
  data: z.string().regex(/^[A-Za-z0-9_-]*$/),
});
export type DeviceMessage = z.infer<typeof deviceMessageSchema>;

export const listMessagesResponseSchema = z.object({
  messages: z.array(deviceMessageSchema),
  hasMore: z.boolean(),
});
export type ListMessagesResponse = z.infer<typeof listMessagesResponseSchema>;

export const healthResponseSchema = z.object({ ok: z.literal(true), version: z.string().min(1) });
export type HealthResponse = z.infer<typeof healthResponseSchema>;

export const relayErrorBodySchema = z.object({
  error: z.object({ code: z.enum(RELAY_ERROR_CODES), message: z.string() }),
});
export type RelayErrorBody = z.infer<typeof relayErrorBodySchema>;
