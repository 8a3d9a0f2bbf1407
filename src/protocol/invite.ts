// The enrolment invite (INVITE_FORMAT.md): what a monitor's device needs to join an organisation.
// It travels as base64url(JSON) in a URL fragment, `<app>/#join=<payload>`, which browsers never send
// to a server, so the upload token and pinned keys stay out of every log.
import { z } from 'zod';
import { bundleLimits } from './bundleFormat';
import { base64UrlDecode, base64UrlEncode } from './inviteBase64Url';
import { normaliseRelayUrl } from './inviteUrls';
import { mailboxIdSchema, mailboxTokenSchema } from './relayApi';

export const INVITE_VERSION = 1;
export const INVITE_FRAGMENT_PREFIX = 'join=';
/** Bounds what a pasted or scanned text can make the parser decode; a full v1 invite is well below. */
export const INVITE_MAX_PAYLOAD_CHARS = 8192;
export const inviteLimits = {
  minRelays: 1,
  maxRelays: 5,
  minCoordinators: bundleLimits.minRecipients,
  maxCoordinators: bundleLimits.maxRecipients,
  nameMaxChars: 100,
} as const;

export type InviteProblem =
  | 'malformed'
  | 'too-long'
  | 'unsupported-version'
  | 'bad-name'
  | 'bad-mailbox-id'
  | 'bad-token'
  | 'bad-relay-url'
  | 'bad-key';

const INVITE_PROBLEMS: ReadonlySet<string> = new Set<InviteProblem>([
  'malformed', 'too-long', 'unsupported-version', 'bad-name', 'bad-mailbox-id', 'bad-token', 'bad-relay-url', 'bad-key',
]);

// A 32-byte key in canonical unpadded base64url: 43 characters, the last carrying 4 data bits and 2 zero bits.
const PUBLIC_KEY_32 = /^[A-Za-z0-9_-]{42}[AEIMQUYcgkosw048]$/;
const ALL_ZERO_KEY = 'A'.repeat(43);

// No surrounding spaces and no control characters: names are shown to people and printed in terminals.
const nameSchema = z
  .string()
  .refine((name) => name.trim() === name && name.length >= 1 && name.length <= inviteLimits.nameMaxChars && !/\p{Cc}/u.test(name), {
    error: 'bad-name',
  });
// Length only: this layer cannot tell a low-order X25519 point; whoever seals must also call isUsableBoxPublicKey.
const publicKeySchema = z.string().refine((key) => PUBLIC_KEY_32.test(key) && key !== ALL_ZERO_KEY, { error: 'bad-key' });

const coordinatorSchema = z.strictObject({
  name: nameSchema,
  /** X25519: bundles are sealed to it. */
  boxPublicKey: publicKeySchema,
  /** Ed25519: verifies signed organisation updates (key changes). */
  signPublicKey: publicKeySchema,
});

export const inviteSchema = z.strictObject({
  version: z.literal(INVITE_VERSION),
  organisation: nameSchema,
  mailboxId: z.string().refine((id) => mailboxIdSchema.safeParse(id).success, { error: 'bad-mailbox-id' }),
  uploadToken: z.string().refine((token) => mailboxTokenSchema.safeParse(token).success, { error: 'bad-token' }),
  relays: z
    .array(z.string().refine((url) => normaliseRelayUrl(url) === url, { error: 'bad-relay-url' }))
    .min(inviteLimits.minRelays, { error: 'bad-relay-url' })
    .max(inviteLimits.maxRelays, { error: 'bad-relay-url' })
    .refine((urls) => new Set(urls).size === urls.length, { error: 'bad-relay-url' }),
  coordinators: z
    .array(coordinatorSchema)
    .min(inviteLimits.minCoordinators, { error: 'bad-key' })
    .max(inviteLimits.maxCoordinators, { error: 'bad-key' })
    // A repeated key would seal the same content key twice; sealBundle refuses that, so refuse it here first.
    .refine((list) => new Set(list.map((c) => c.boxPublicKey)).size === list.length, { error: 'bad-key' })
    .refine((list) => new Set(list.map((c) => c.signPublicKey)).size === list.length, { error: 'bad-key' }),
});

export type Invite = z.infer<typeof inviteSchema>;
export type InviteCoordinator = Invite['coordinators'][number];
export type ParseInviteResult = { ok: true; value: Invite } | { ok: false; reason: InviteProblem };

/** The fragment payload: base64url of the invite's UTF-8 JSON. Throws if the invite is not valid (a bug). */
export function encodeInvite(invite: Invite): string {
  const checked = inviteSchema.safeParse(invite);
  if (!checked.success) throw new TypeError(`encodeInvite: invite is not a valid v${INVITE_VERSION} invite (${checked.error.issues[0]?.message ?? ''})`);
  const payload = base64UrlEncode(new TextEncoder().encode(JSON.stringify(checked.data)));
  if (payload.length > INVITE_MAX_PAYLOAD_CHARS) throw new RangeError('encodeInvite: invite is longer than INVITE_MAX_PAYLOAD_CHARS');
  return payload;
}

/** Where the payload starts: a whole link, `#join=…`, `join=…`, or the bare payload (pasted by hand). */
function payloadOf(text: string): string | null {
  const trimmed = text.trim();
  const hash = trimmed.indexOf('#');
  const fragment = hash === -1 ? trimmed : trimmed.slice(hash + 1);
  if (fragment.startsWith(INVITE_FRAGMENT_PREFIX)) return fragment.slice(INVITE_FRAGMENT_PREFIX.length);
  return hash === -1 ? fragment : null;
}

function decodeJson(payload: string): unknown {
  const bytes = base64UrlDecode(payload);
  if (bytes === null) return undefined;
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return undefined;
  }
}

/** Reads an invite from whatever a person pasted or scanned. Every defect is a reason, never an exception. */
export function parseInvite(text: string): ParseInviteResult {
  if (typeof text !== 'string') throw new TypeError('parseInvite: text must be a string');
  const payload = payloadOf(text);
  if (payload === null) return { ok: false, reason: 'malformed' };
  if (payload.length > INVITE_MAX_PAYLOAD_CHARS) return { ok: false, reason: 'too-long' };
  const json = decodeJson(payload);
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return { ok: false, reason: 'malformed' };
  // The version is read first: a newer invite may change any other field.
  const version: unknown = (json as { version?: unknown }).version;
  if (!Number.isSafeInteger(version) || (version as number) < 1) return { ok: false, reason: 'malformed' };
  if (version !== INVITE_VERSION) return { ok: false, reason: 'unsupported-version' };
  const parsed = inviteSchema.safeParse(json);
  if (parsed.success) return { ok: true, value: parsed.data };
  const message = parsed.error.issues[0]?.message ?? '';
  return { ok: false, reason: INVITE_PROBLEMS.has(message) ? (message as InviteProblem) : 'malformed' };
}
