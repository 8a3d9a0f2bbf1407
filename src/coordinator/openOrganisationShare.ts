// Opens an organisation file given to this coordinator (PROTOCOL.md, "Organisation file") and judges it,
// without changing anything: the caller shows the name and the giver's fingerprint, and only then adds it
// (addSharedOrganisation). Every refusal is one of a closed set of reasons.
import { fromBase64Url, toBase64Url, utf8Decode } from '../crypto/bytes';
import { fingerprint } from '../crypto/fingerprint';
import { unpad } from '../crypto/padding';
import { openSealedBox } from '../crypto/sealedBox';
import { SIGNATURE_BYTES, SIGNING_PUBLIC_KEY_BYTES, verifyDetachedStrict } from '../crypto/verifyStrict';
import { coordinatorIdentity } from './coordinatorIdentity';
import type { CoordinatorState } from './coordinatorState';
import {
  organisationFileEnvelopeSchema,
  organisationShareSignedMessage,
  organisationShareStatementSchema,
  ORGANISATION_FILE_MAX_CHARS,
  ORGANISATION_FILE_VERSION,
} from './organisationShareFile';
import type { OrganisationShareStatement } from './organisationShareFile';

export type OpenOrganisationShareFailure =
  /** Not JSON, or not an organisation file at all. */
  | 'not-an-organisation-file'
  /** Written by a newer Dala. */
  | 'unsupported-version'
  /** It does not open with this coordinator's key: written for someone else, or damaged. */
  | 'not-for-you'
  /** It opened, but what is inside is not a valid statement. */
  | 'malformed'
  /** The signature does not verify: altered after it was signed. */
  | 'bad-signature'
  /** Signed by a key that is not one of the coordinators the organisation's invite lists. */
  | 'signer-not-listed'
  /** Signed for another coordinator and re-sealed to this one, or the invite does not list this coordinator. */
  | 'not-listed'
  /** This vault already has an organisation with that mailbox. */
  | 'already-have';

export interface OrganisationSharePreview {
  readonly statement: OrganisationShareStatement;
  /** The giver as the invite lists it, with the fingerprint of the key that signed the file. */
  readonly giverName: string;
  readonly giverSignFingerprint: string;
}

export type OpenOrganisationShareResult = { readonly ok: true; readonly value: OrganisationSharePreview } | { readonly ok: false; readonly reason: OpenOrganisationShareFailure };

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

export function openOrganisationShare(text: string, state: CoordinatorState): OpenOrganisationShareResult {
  const fail = (reason: OpenOrganisationShareFailure) => ({ ok: false as const, reason });
  if (text.length > ORGANISATION_FILE_MAX_CHARS) return fail('not-an-organisation-file');
  const envelope = organisationFileEnvelopeSchema.safeParse(parseJson(text));
  if (!envelope.success) return fail('not-an-organisation-file');
  if (envelope.data.version !== ORGANISATION_FILE_VERSION) return fail('unsupported-version');
  const sealed = fromBase64Url(envelope.data.sealed);
  if (sealed === null) return fail('not-an-organisation-file');

  const identity = coordinatorIdentity(state);
  const opened = openSealedBox(sealed, identity.box.publicKey, identity.box.secretKey);
  if (!opened.ok) return fail('not-for-you');
  const unpadded = unpad(opened.value);
  if (!unpadded.ok || unpadded.value.length <= SIGNING_PUBLIC_KEY_BYTES + SIGNATURE_BYTES) return fail('malformed');
  const signerKey = unpadded.value.subarray(0, SIGNING_PUBLIC_KEY_BYTES);
  const signature = unpadded.value.subarray(SIGNING_PUBLIC_KEY_BYTES, SIGNING_PUBLIC_KEY_BYTES + SIGNATURE_BYTES);
  const json = unpadded.value.subarray(SIGNING_PUBLIC_KEY_BYTES + SIGNATURE_BYTES);
  let decoded: unknown;
  try {
    decoded = JSON.parse(utf8Decode(json)) as unknown;
  } catch {
    return fail('malformed');
  }
  const statement = organisationShareStatementSchema.safeParse(decoded);
  if (!statement.success || statement.data.invite.mailboxId !== statement.data.mailboxId) return fail('malformed');
  if (!verifyDetachedStrict(organisationShareSignedMessage(json), signature, signerKey)) return fail('bad-signature');
  const { invite } = statement.data;
  const giver = invite.coordinators.find((c) => c.signPublicKey === toBase64Url(signerKey));
  if (giver === undefined) return fail('signer-not-listed');
  const self = identity.inviteEntry.boxPublicKey;
  if (statement.data.recipient !== self || !invite.coordinators.some((c) => c.boxPublicKey === self)) return fail('not-listed');
  if (state.organisations.some((o) => o.mailboxId === statement.data.mailboxId)) return fail('already-have');
  return { ok: true, value: { statement: statement.data, giverName: giver.name, giverSignFingerprint: fingerprint(signerKey) } };
}
