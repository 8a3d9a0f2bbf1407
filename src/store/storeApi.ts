// The contract between the store and its callers (ui, sync, app). Implemented by openDalaStore().
// Everything the store writes to IndexedDB is ciphertext except ids, states and counters (DESIGN.md P1).
import type { Report } from '../domain/report';

export type Result<T, R extends string> = { ok: true; value: T } | { ok: false; reason: R };

/**
 * A report's delivery state: 'local' ("On this phone only") until an organisation is joined, then
 * 'queued' ("Waiting to send") until a relay has every version of it ('delivered'), then 'acknowledged'
 * once a coordinator's receipt covers every version, and 'removed' when the device then deleted it
 * (Settings.removeAfterReceipt): only its id and state are left.
 */
export type ReportState = 'local' | 'queued' | 'delivered' | 'acknowledged' | 'removed';

export interface ReportVersionRecord {
  readonly reportId: string;
  /** 1 for the first save, +1 for each amendment. */
  readonly version: number;
  /** Per-device counter: every saved version takes the next value (gap detection, P6). */
  readonly counter: number;
  /** Epoch milliseconds; stored encrypted with the version. */
  readonly savedAt: number;
  readonly report: Report;
}

export interface ReportSummary {
  readonly reportId: string;
  readonly latest: ReportVersionRecord;
  readonly versionCount: number;
  readonly state: ReportState;
}

export interface Settings {
  /** Lock after this many idle minutes (default 5). */
  readonly lockTimeoutMinutes: number;
  /** Delete a report from this phone once a coordinator's receipt covers all of it (default false, P5). */
  readonly removeAfterReceipt: boolean;
}

/** Inclusive range of this device's counters. */
export interface CounterRange {
  readonly first: number;
  readonly last: number;
}

/** What one application of receipts changed. */
export interface ReceiptOutcome {
  /** Reports that became 'acknowledged' ("Received by coordinator"). */
  readonly acknowledged: number;
  /** Reports deleted from this phone (only with removeAfterReceipt). */
  readonly removed: number;
}

/** A report whose content was deleted after a coordinator had it. */
export interface RemovedReport {
  readonly reportId: string;
}

/** The device's Ed25519 key pair, lent for one operation; its secret key is wiped when that returns. */
export interface DeviceKeyPair {
  readonly publicKey: Uint8Array;
  readonly secretKey: Uint8Array;
}

export type VaultStatus = 'none' | 'locked';

export type CreateVaultFailure = 'vault-exists' | 'passphrase-too-weak' | 'storage-full' | 'storage-error';
/** 'wiped': that attempt reached the failed-unlock limit, so everything was erased (as by panicWipe). */
export type UnlockFailure = 'no-vault' | 'wrong-passphrase' | 'wiped' | 'unsafe-kdf-params' | 'storage-error';
export type SaveFailure = 'locked' | 'invalid-report' | 'storage-full' | 'storage-error';
/** 'matches-duress': the new passphrase is the duress passphrase, which would then never wipe. */
export type ChangePassphraseFailure = 'locked' | 'wrong-passphrase' | 'passphrase-too-weak' | 'matches-duress' | 'storage-full' | 'storage-error';
/** 'same-as-passphrase': the duress passphrase must differ from the vault's passphrase. */
export type DuressFailure = 'locked' | 'passphrase-too-weak' | 'same-as-passphrase' | 'storage-full' | 'storage-error';
/** Erase everything after this many failed unlocks in a row; 0 = never (P5). */
export type FailedUnlockLimit = 0 | 5 | 10 | 20;

export interface PanicWipeOptions {
  /** Called once the key material is gone (committed) and before the rest is deleted: for timing. */
  readonly onKeyMaterialGone?: () => void;
}

/** A coordinator as an invite names them: both public keys in unpadded base64url (32 bytes each). */
export interface CoordinatorKeys {
  readonly name: string;
  /** X25519: bundles are sealed to it. */
  readonly boxPublicKey: string;
  /** Ed25519: verifies signed organisation updates. */
  readonly signPublicKey: string;
}

/** A coordinator as pinned on this device, with fingerprints a person can compare with the coordinator's. */
export interface PinnedCoordinator extends CoordinatorKeys {
  readonly boxFingerprint: string;
  readonly signFingerprint: string;
}

/** What joining stores; the shape of a v1 invite without its version (the store does not import protocol). */
export interface OrganisationInput {
  readonly name: string;
  readonly mailboxId: string;
  /** Relay origins, preferred first; the others are mirrors. */
  readonly relays: readonly string[];
  readonly uploadToken: string;
  readonly coordinators: readonly CoordinatorKeys[];
}

export interface Organisation extends OrganisationInput {
  readonly coordinators: readonly PinnedCoordinator[];
  /** Epoch milliseconds. */
  readonly joinedAt: number;
  /** The last signed organisation update applied; absent until the first one. */
  readonly lastUpdate?: AppliedOrganisationUpdate;
}

/**
 * A signed organisation update that sync has already verified (bundle/acceptOrgUpdate): the full new
 * coordinator set, and a new upload token or relay list when they changed.
 */
export interface OrganisationUpdate {
  readonly sequence: number;
  readonly coordinators: readonly CoordinatorKeys[];
  readonly uploadToken?: string;
  readonly relays?: readonly string[];
  /** The pinned coordinator whose key signed it. */
  readonly signer: CoordinatorKeys;
}

/** What the device remembers of the last update it applied: the sequence (older ones are refused) and who signed. */
export interface AppliedOrganisationUpdate {
  readonly sequence: number;
  readonly signerName: string;
  readonly signerFingerprint: string;
  /** Whether the coordinator keys changed (not only the token or relays). */
  readonly keysChanged: boolean;
  /** Epoch milliseconds. */
  readonly appliedAt: number;
}

/** 'stale': a newer or the same update was applied meanwhile. */
export type OrganisationUpdateFailure = 'locked' | 'not-joined' | 'stale' | 'unusable-key' | 'storage-full' | 'storage-error';

/**
 * 'unusable-key': a coordinator key is not a usable 32-byte public key.
 * 'different-organisation': this device already belongs to another mailbox.
 * 'keys-differ': same mailbox, but other coordinator keys than the ones pinned at joining (refused: keys never change this way).
 */
export type JoinFailure = 'locked' | 'unusable-key' | 'different-organisation' | 'keys-differ' | 'storage-full' | 'storage-error';

/** 'joined': first time; 'renewed': same organisation and keys, with a new upload token or relay list. */
export interface JoinOutcome {
  readonly kind: 'joined' | 'renewed';
  readonly organisation: Organisation;
}

/** What the store hands to a BundleSealer: everything a bundle needs, the device key only for this call. */
export interface BundleSealRequest {
  readonly mailboxId: string;
  /** The pinned coordinators' X25519 public keys. */
  readonly recipients: readonly Uint8Array[];
  /** The device's Ed25519 key pair; the secret key is wiped as soon as the sealer returns. */
  readonly device: { readonly publicKey: Uint8Array; readonly secretKey: Uint8Array };
  /** Saved versions with contiguous counters, oldest first. */
  readonly versions: readonly ReportVersionRecord[];
  /** SHA-256 of this device's previous bundle; 32 zero bytes for the first one (counter 1). */
  readonly previousBundleHash: Uint8Array;
  /** Epoch milliseconds. */
  readonly createdAt: number;
}

/**
 * Seals report versions into bundle bytes (src/bundle's sealBundle, passed in by sync: the store does not
 * import the bundle format). Synchronous, because it runs inside the store's transaction. 'too-large'
 * asks the store to try again with fewer versions.
 */
export type BundleSealer = (request: BundleSealRequest) => Result<Uint8Array, 'too-large'>;

/**
 * How sync packs saved versions into bundles (the store does not import the bundle format): the sealer,
 * and how many of the oldest pending versions make one bundle of the size sync aims for.
 */
export interface BundlePacking {
  readonly seal: BundleSealer;
  /** At most this many versions in one bundle. */
  readonly maxVersions: number;
  /**
   * Given the UTF-8 byte length of JSON.stringify(record) of each of the oldest pending versions, oldest
   * first, how many of the first ones fit in one bundle of the aimed-for size: 0..recordBytes.length, and
   * 0 when even the first one alone does not (it then goes alone, in a bigger bundle).
   */
  readonly fit: (recordBytes: readonly number[]) => number;
}

/**
 * 'full-bundles': seal only bundles that are full (the next pending version would not fit, or maxVersions
 * is reached), leaving the rest unsealed for later, as offline saves do. 'everything': seal every pending
 * version, as before an upload attempt or an export.
 */
export type SealScope = 'full-bundles' | 'everything';

/** A relay's answer for one bundle, as unsentBundles() gave it: the relay holds it under this seq. */
export interface BundleDelivery {
  readonly firstCounter: number;
  readonly lastCounter: number;
  /** base64url(SHA-256(bytes)), kept (sealed) as the record of what the relay holds. */
  readonly id: string;
  readonly seq: number;
}

export type SealFailure = 'locked' | 'not-joined' | 'storage-full' | 'storage-error';
export type OutboxWriteFailure = 'locked' | 'storage-full' | 'storage-error';

/** A sealed bundle not yet delivered: upload exactly these bytes, every time. */
export interface UnsentBundle {
  readonly firstCounter: number;
  readonly lastCounter: number;
  /** base64url(SHA-256(bytes)): the id a relay stores it under. */
  readonly id: string;
  readonly bytes: Uint8Array;
}

/** A sealed, undelivered bundle read from the store but not yet decrypted. */
export interface QueuedBundle {
  readonly firstCounter: number;
  readonly lastCounter: number;
  /** Decrypts the stored bytes and hashes them; throws VaultLockedError once the vault is locked. */
  open(): Promise<UnsentBundle>;
}

export interface OutboxSummary {
  readonly joined: boolean;
  /** Reports in each state (a report counts once, by its current state). */
  readonly reports: Readonly<Record<'local' | 'queued' | 'delivered', number>>;
  /** Saved versions not yet sealed into a bundle. */
  readonly unsealedVersions: number;
  /** Sealed bundles not yet delivered. */
  readonly unsentBundles: number;
  /** savedAt of the oldest version not yet delivered, or null when every version is delivered. */
  readonly oldestUndeliveredSavedAt: number | null;
}

export interface VaultSession {
  /** base64url of the device's Ed25519 public key. */
  readonly deviceId: string;
  readonly isLocked: () => boolean;
  /** Drops the data key from memory (wiped). Every later call answers 'locked' or throws VaultLockedError for reads. */
  lock(): void;
  changePassphrase(current: string, next: string): Promise<Result<void, ChangePassphraseFailure>>;
  /** New report (unknown id) or amendment (known id: next version). Report + outbox row in one strict transaction. */
  saveReport(report: Report): Promise<Result<ReportVersionRecord, SaveFailure>>;
  listReports(): Promise<ReportSummary[]>;
  reportHistory(reportId: string): Promise<ReportVersionRecord[]>;
  saveDraft(draftKey: string, data: unknown): Promise<Result<void, SaveFailure>>;
  loadDraft(draftKey: string): Promise<unknown>;
  deleteDraft(draftKey: string): Promise<void>;
  getSettings(): Promise<Settings>;
  updateSettings(patch: Partial<Settings>): Promise<Result<Settings, SaveFailure>>;
  /** The joined organisation, or null while reports stay on this phone only. */
  organisation(): Promise<Organisation | null>;
  /**
   * Joins (pins the coordinators' keys and turns every 'local' report into 'queued'), or renews the
   * upload token and relays of the same organisation with the same keys. Other keys are refused.
   */
  joinOrganisation(input: OrganisationInput): Promise<Result<JoinOutcome, JoinFailure>>;
  /**
   * Applies a verified organisation update in one transaction: replaces the pinned coordinators, and the
   * upload token and relays when given, and remembers its sequence. Refuses one not newer than the last.
   */
  applyOrganisationUpdate(update: OrganisationUpdate): Promise<Result<Organisation, OrganisationUpdateFailure>>;
  /**
   * Seals unsealed versions, oldest first, into bundles chained per device, each as many versions as
   * `packing.fit` allows; with 'full-bundles' only bundles that are full. Each bundle's bytes are stored
   * with its outbox rows in one transaction. Answers how many bundles were sealed.
   */
  sealPendingVersions(packing: BundlePacking, scope: SealScope): Promise<Result<number, SealFailure>>;
  /** Sealed, undelivered bundles, oldest first. */
  unsentBundles(): Promise<UnsentBundle[]>;
  /**
   * The same bundles, those whose first counter is above `after` (default 0: all), each decrypted only when
   * opened: an upload may start while the rest wait, and a later call picks up bundles sealed meanwhile.
   */
  unsentBundleQueue(after?: number): Promise<QueuedBundle[]>;
  /** The relay has the bundle starting at firstCounter (answered 2xx with seq): one write, to the bundle row; its versions, and reports with every version at a relay, read as delivered from then on. */
  markBundleDelivered(firstCounter: number, seq: number): Promise<Result<void, OutboxWriteFailure>>;
  /** markBundleDelivered for several relay answers in ONE transaction: all of them are recorded, or none. */
  markBundlesDelivered(deliveries: readonly BundleDelivery[]): Promise<Result<void, OutboxWriteFailure>>;
  outboxSummary(): Promise<OutboxSummary>;
  /**
   * Lends the device key pair to `use` (sync opens coordinator receipts with it; the store does not import
   * the receipt format) and wipes the secret key as soon as `use` returns. Throws VaultLockedError if locked.
   */
  withDeviceKey<T>(use: (device: DeviceKeyPair) => T): Promise<T>;
  /**
   * A verified coordinator receipt says it holds these counters: their delivered versions become
   * 'acknowledged', and so does every report all of whose versions are. With removeAfterReceipt, every
   * acknowledged report is then deleted (versions, outbox rows) down to a row with its id and 'removed'.
   */
  applyReceipt(counters: readonly CounterRange[]): Promise<Result<ReceiptOutcome, OutboxWriteFailure>>;
  /** Reports deleted after a receipt (listReports leaves them out: they have no content). */
  listRemovedReports(): Promise<RemovedReport[]>;
  /** Whether a duress passphrase is set (a sealed flag: storage alone cannot tell). */
  hasDuressPassphrase(): Promise<boolean>;
  /** Typed at unlock instead of the passphrase, it silently erases this vault and opens an empty one. */
  setDuressPassphrase(duress: string): Promise<Result<void, DuressFailure>>;
  clearDuressPassphrase(): Promise<Result<void, Exclude<DuressFailure, 'passphrase-too-weak' | 'same-as-passphrase'>>>;
  setFailedUnlockLimit(limit: FailedUnlockLimit): Promise<Result<void, 'locked' | 'storage-full' | 'storage-error'>>;
}

export interface DalaStore {
  vaultStatus(): Promise<VaultStatus>;
  /** Failed unlock attempts since the last success; written before each check, never goes back across reloads. */
  failedUnlockCount(): Promise<number>;
  /** Readable while locked (the lock screen warns when 3 attempts remain). */
  failedUnlockLimit(): Promise<FailedUnlockLimit>;
  /**
   * Destroys the key material first (vault row, one strict transaction; every session's key dropped),
   * then the whole database. Works locked or unlocked; afterwards vaultStatus() is 'none'.
   * 'storage-error': the database could not be deleted (the vault row may already be gone).
   */
  panicWipe(options?: PanicWipeOptions): Promise<Result<void, 'storage-error'>>;
  createVault(passphrase: string): Promise<Result<VaultSession, CreateVaultFailure>>;
  unlock(passphrase: string): Promise<Result<VaultSession, UnlockFailure>>;
  close(): void;
}
