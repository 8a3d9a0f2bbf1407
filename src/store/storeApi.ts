// The contract between the store and its callers (ui, sync, app). Implemented by openDalaStore().
// Everything the store writes to IndexedDB is ciphertext except ids, states and counters (DESIGN.md P1).
import type { Report } from '../domain/report';

export type Result<T, R extends string> = { ok: true; value: T } | { ok: false; reason: R };

/**
 * A report's delivery state. Issue #2 only produces 'local' ("On this phone only");
 * the others arrive with sync (#3) and receipts (#4).
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
}

export type VaultStatus = 'none' | 'locked';

export type CreateVaultFailure = 'vault-exists' | 'passphrase-too-weak' | 'storage-full' | 'storage-error';
export type UnlockFailure = 'no-vault' | 'wrong-passphrase' | 'unsafe-kdf-params' | 'storage-error';
export type SaveFailure = 'locked' | 'invalid-report' | 'storage-full' | 'storage-error';
export type ChangePassphraseFailure = 'locked' | 'wrong-passphrase' | 'passphrase-too-weak' | 'storage-full' | 'storage-error';

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
}

export interface DalaStore {
  vaultStatus(): Promise<VaultStatus>;
  /** Failed unlock attempts since the last success; written before each check, never goes back across reloads. */
  failedUnlockCount(): Promise<number>;
  createVault(passphrase: string): Promise<Result<VaultSession, CreateVaultFailure>>;
  unlock(passphrase: string): Promise<Result<VaultSession, UnlockFailure>>;
  close(): void;
}
