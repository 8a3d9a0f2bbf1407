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
}

export interface OrganisationView {
  readonly name: string;
  readonly mailboxId: string;
  readonly relays: readonly { readonly url: string; readonly lastSeq: number }[];
  /** The invite link (its fragment holds the upload token: show it only to monitors). */
  readonly inviteLink: string;
  /** Everyone monitors will seal to, with fingerprints to compare aloud. */
  readonly coordinators: readonly { readonly name: string; readonly boxFingerprint: string }[];
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
