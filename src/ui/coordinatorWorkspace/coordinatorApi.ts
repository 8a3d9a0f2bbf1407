// What the coordinator screens need from the coordinator core (src/coordinator), as plain data. The ui
// layer may not import that code; src/app/createCoordinatorApi.ts implements this and main.tsx loads it
// only when the coordinator path is opened, so the monitor's first screen does not carry it.
import type { Report } from '../../domain/report';

export type CoordinatorUnlockFailure = 'no-vault' | 'corrupt' | 'unsafe-kdf-params' | 'wrong-passphrase';
export type CoordinatorCreateFailure = 'exists' | 'weak-passphrase';
export type VaultFileImportFailure = 'exists' | 'not-a-vault';

export type CreateOrganisationFailure =
  | 'bad-name'
  | 'bad-relay-url'
  | 'bad-app-url'
  /** The relay refused to create a mailbox because the admin token is missing or wrong. */
  | 'unauthorised'
  /** The relay could not be reached or refused for another reason (see detail). */
  | 'relay-refused';

export type ImportFileFailure =
  | 'malformed'
  | 'not-an-export'
  | 'unsupported-version'
  | 'bad-mailbox-id'
  | 'bad-bundle'
  | 'too-many-bundles'
  | 'unknown-mailbox';

export type Outcome<F extends string> = { readonly ok: true } | { readonly ok: false; readonly reason: F };

export interface CoordinatorKeys {
  readonly name: string;
  /** X25519 key monitors seal to, as 'XXXX XXXX …' groups. */
  readonly boxFingerprint: string;
  /** Ed25519 key that signs organisation updates. */
  readonly signFingerprint: string;
  /** The public keys as another coordinator types them into "Add a coordinator" (unpadded base64url). */
  readonly boxPublicKey: string;
  readonly signPublicKey: string;
}

export interface OrganisationView {
  readonly name: string;
  readonly mailboxId: string;
  readonly relays: readonly { readonly url: string; readonly lastSeq: number }[];
  /** The invite link (its fragment holds the upload token: show it only to monitors). */
  readonly inviteLink: string;
  /** Everyone monitors will seal to, with fingerprints to compare aloud. */
  readonly coordinators: readonly { readonly name: string; readonly boxFingerprint: string; readonly signFingerprint: string; readonly self: boolean }[];
}

/** Why a relay call failed, as a closed set the screens put into words; detail is for the curious. */
export type RelayProblemView =
  | { readonly kind: 'unreachable'; readonly detail: string }
  /** The relay answered 401/403: it does not accept this vault's pull token for the mailbox. */
  | { readonly kind: 'unauthorised'; readonly status: number; readonly detail: string }
  | { readonly kind: 'refused'; readonly status: number; readonly detail: string }
  | { readonly kind: 'bad-response'; readonly detail: string };

export interface RelayProblemAt {
  readonly url: string;
  readonly problem: RelayProblemView;
}

/** What became of one organisation's signed update (or receipts): how many devices got it, who did not and why. */
export interface DeliveryView {
  readonly organisation: string;
  readonly mailboxId: string;
  /** Devices at least one relay took it for. */
  readonly sent: number;
  /** Devices no relay took it for. */
  readonly failed: readonly { readonly deviceFingerprint: string; readonly problems: readonly RelayProblemAt[] }[];
  /** Revoked devices, deliberately not told. */
  readonly withheld: number;
}

export type RotateTokenResult =
  | { readonly ok: true; readonly value: DeliveryView }
  /** The relay did not issue a new token: nothing changed, the old invite still works. */
  | ({ readonly ok: false; readonly reason: 'relay-failed' } & RelayProblemAt);

export type KeyChangeFailureView =
  /** A key is not 43 characters of base64url for 32 bytes, or is not a usable key. */
  | 'bad-key'
  /** The name is empty, longer than 100 characters, or has control characters. */
  | 'bad-name'
  /** add: that name or key is already listed, or the organisation has as many coordinators as an invite allows. */
  | 'already-listed'
  /** replace: no coordinator of that name in every organisation. */
  | 'unknown-coordinator'
  | 'no-organisations';

export interface CoordinatorKeyInput {
  readonly name: string;
  readonly boxPublicKey: string;
  readonly signPublicKey: string;
}

export type ShareOrganisationFailureView =
  /** No organisation with that mailbox, or no coordinator of that name listed in it (add them first). */
  | 'not-listed'
  /** That is this coordinator. */
  | 'self';

export interface OrganisationFileView {
  readonly fileName: string;
  readonly mimeType: string;
  readonly text: string;
}

export type OpenOrganisationFailureView =
  | 'not-an-organisation-file'
  | 'unsupported-version'
  /** Written for another coordinator's key, or damaged. */
  | 'not-for-you'
  | 'malformed'
  | 'bad-signature'
  | 'signer-not-listed'
  | 'not-listed'
  | 'already-have';

/** What an organisation file says, shown before it is added. */
export interface OrganisationFilePreview {
  readonly organisation: string;
  readonly relays: readonly string[];
  readonly coordinators: readonly string[];
  readonly giverName: string;
  /** The fingerprint of the key that signed the file, to compare with the giver's. */
  readonly giverSignFingerprint: string;
}

export interface CounterGap {
  readonly first: number;
  readonly last: number;
}

export interface DeviceView {
  readonly organisation: string;
  readonly mailboxId: string;
  readonly deviceId: string;
  readonly fingerprint: string;
  /** The coordinator's name for it; '' when none was given. */
  readonly name: string;
  /** Hour (ISO) of the first and last bundle's arrival here. */
  readonly firstSeen: string;
  readonly lastSeen: string;
  readonly reports: number;
  readonly highestCounter: number;
  readonly missing: readonly CounterGap[];
  readonly revokedAt: string | null;
}

export interface ReportVersionView {
  readonly version: number;
  readonly counter: number;
  readonly savedAt: string;
  readonly receivedAt: string;
  readonly source: string;
  readonly report: Report;
}

export interface ReportView {
  /** Unique across devices: mailbox, device and report id. */
  readonly key: string;
  readonly organisation: string;
  readonly reportId: string;
  readonly deviceId: string;
  readonly deviceFingerprint: string;
  readonly deviceName: string;
  /** Oldest first; the last is the current text. */
  readonly versions: readonly ReportVersionView[];
}

export interface RejectedView {
  readonly organisation: string;
  readonly bundleId: string;
  /** A closed reason code from the core, e.g. 'bad-signature', 'revoked-device', 'equivocation'. */
  readonly reason: string;
  readonly source: string;
  readonly receivedAt: string;
}

export interface PullProgressView {
  readonly organisation: string;
  readonly url: string;
  readonly listed: number;
  readonly handled: number;
}

export interface IntakeView {
  readonly newReports: number;
  readonly newVersions: number;
  readonly duplicates: number;
  readonly rejected: number;
}

export interface RelayPullView {
  readonly organisation: string;
  readonly url: string;
  readonly fetched: number;
  /** Why the pull of this relay stopped early; null when it completed. */
  readonly failure: string | null;
}

export interface PullView {
  readonly intake: IntakeView;
  readonly relays: readonly RelayPullView[];
  /** Receipts sent after storing, one entry per organisation. */
  readonly receipts: readonly DeliveryView[];
}

export type ExportFormat = 'json' | 'csv' | 'md';

export interface ExportFile {
  readonly fileName: string;
  readonly mimeType: string;
  readonly text: string;
}

/** An unlocked coordinator vault. Every read is of the state after the last completed call. */
export interface CoordinatorSession {
  keys(): CoordinatorKeys;
  organisations(): readonly OrganisationView[];
  devices(): readonly DeviceView[];
  reports(): readonly ReportView[];
  rejected(): readonly RejectedView[];
  createOrganisation(input: {
    readonly name: string;
    readonly relayUrl: string;
    /** Used for this one request and then dropped; never stored. Null for a relay with open registration. */
    readonly adminToken: string | null;
  }): Promise<Outcome<CreateOrganisationFailure> & { readonly detail?: string }>;
  pull(onProgress: (progress: PullProgressView) => void): Promise<PullView>;
  importFile(text: string, fileName: string): Promise<{ readonly ok: true; readonly value: IntakeView } | { readonly ok: false; readonly reason: ImportFileFailure }>;
  /**
   * The relay issues a new upload token: old invite links stop uploading; devices already enrolled (not
   * revoked) are sent a signed update carrying it. On a relay failure nothing is stored.
   */
  rotateUploadToken(mailboxId: string): Promise<RotateTokenResult>;
  /** Adds a coordinator (every bundle will be sealed to them too) or gives a listed one new keys, in every organisation. */
  changeCoordinator(kind: 'add' | 'replace', input: CoordinatorKeyInput): Promise<{ readonly ok: true; readonly value: readonly DeliveryView[] } | { readonly ok: false; readonly reason: KeyChangeFailureView }>;
  /** New key pairs for this coordinator; devices are told in an update signed with the old key, which stays to open old bundles. */
  renewKeys(): Promise<readonly DeliveryView[]>;
  /** Sends the organisation's current state again, signed with this coordinator's key (after some devices could not be told). */
  sendUpdateAgain(mailboxId: string): Promise<DeliveryView>;
  /** An organisation file for a listed coordinator (by name): sealed to their key, signed with this one's. It holds the pull token. */
  shareOrganisation(mailboxId: string, coordinatorName: string): { readonly ok: true; readonly value: OrganisationFileView } | { readonly ok: false; readonly reason: ShareOrganisationFailureView };
  /** Opens and judges an organisation file given to this coordinator; changes nothing. */
  previewOrganisationFile(text: string): { readonly ok: true; readonly value: OrganisationFilePreview } | { readonly ok: false; readonly reason: OpenOrganisationFailureView };
  /**
   * Adds the organisation in the file (judged again) with a fresh reader id and registers this coordinator
   * as a reader on its relays; `unregistered` lists the relays that could not be told (the next pull tells them).
   */
  addOrganisationFile(text: string): Promise<{ readonly ok: true; readonly value: { readonly unregistered: readonly RelayProblemAt[] } } | { readonly ok: false; readonly reason: OpenOrganisationFailureView }>;
  setDeviceName(mailboxId: string, deviceId: string, name: string): Promise<void>;
  setDeviceRevoked(mailboxId: string, deviceId: string, revoked: boolean): Promise<void>;
  exportFile(format: ExportFormat): ExportFile;
  /** coordinator.json as the command line reads it (the `--dir` folder's vault file). */
  vaultFile(): Promise<Uint8Array>;
  /** Drops the keys from memory. */
  lock(): void;
}

export interface CoordinatorApi {
  hasVault(): Promise<boolean>;
  createVault(passphrase: string, name: string): Promise<{ readonly ok: true; readonly value: CoordinatorSession } | { readonly ok: false; readonly reason: CoordinatorCreateFailure }>;
  unlock(passphrase: string): Promise<{ readonly ok: true; readonly value: CoordinatorSession } | { readonly ok: false; readonly reason: CoordinatorUnlockFailure }>;
  /** Takes a coordinator.json written by the command line as this browser's vault (only when there is none). */
  importVaultFile(bytes: Uint8Array): Promise<Outcome<VaultFileImportFailure>>;
}
