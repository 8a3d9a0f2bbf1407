// What a coordinator's vault holds once opened: the two key pairs and the organisations it runs.
// All of it is stored encrypted under the vault's data key (coordinatorVaultFile.ts).
import { z } from 'zod';
import { inviteSchema } from '../protocol/invite';
import { mailboxIdSchema, mailboxTokenSchema, readerIdSchema, seqSchema } from '../protocol/relayApi';

export const COORDINATOR_STATE_VERSION = 1;

const key32Schema = z.string().regex(/^[A-Za-z0-9_-]{42}[AEIMQUYcgkosw048]$/);

export const relayCursorSchema = z.strictObject({
  /** Normalised relay origin (normaliseRelayUrl). */
  url: z.string(),
  /** Highest sequence number pulled, opened and durably stored from this relay for this mailbox; 0 before the first. */
  lastSeq: z.union([z.literal(0), seqSchema]),
});

export const organisationSchema = z.strictObject({
  name: z.string().min(1),
  mailboxId: mailboxIdSchema,
  uploadToken: mailboxTokenSchema,
  /** Lets anyone holding it read and purge the mailbox on the relay: kept only inside the encrypted state. */
  pullToken: mailboxTokenSchema,
  relays: z.array(relayCursorSchema).min(1),
  invite: inviteSchema,
  /** Where the invite link points (the app's URL). */
  appUrl: z.string(),
  /**
   * Who this coordinator is when it acknowledges on the relays (PROTOCOL.md, the ack's `reader`): random,
   * picked by the first pull that needs it. Absent in states written before readers existed.
   */
  reader: readerIdSchema.optional(),
});

export const coordinatorStateSchema = z.strictObject({
  version: z.literal(COORDINATOR_STATE_VERSION),
  /** How this coordinator is named in the invites it writes. */
  name: z.string().min(1),
  /** X25519 secret key: opens the content-key slots of bundles sealed to this coordinator. */
  boxSecretKey: key32Schema,
  /** Ed25519 seed: will sign organisation updates (key changes) that devices verify. */
  signSeed: key32Schema,
  /** X25519 secret keys this coordinator used before renewing its keys: bundles sealed to them stay readable. */
  retiredBoxSecretKeys: z.array(key32Schema).optional(),
  organisations: z.array(organisationSchema),
});

export type RelayCursor = z.infer<typeof relayCursorSchema>;
export type Organisation = z.infer<typeof organisationSchema>;
export type CoordinatorState = z.infer<typeof coordinatorStateSchema>;
