// The sync engine's state (DESIGN.md §5): a closed union the UI renders without guessing.

/** Why uploads wait for a timer. The relay asked to wait for the middle three; the others are on our side. */
export type BackoffReason =
  /** No answer at all: no network, a dropped connection, a timeout, or an answer that was not the relay's. */
  | 'network'
  /** 429: too many requests. */
  | 'rate-limited'
  /** 507: the relay's disk is full. */
  | 'relay-full'
  /** 5xx, 408 or 404 from something that is not our mailbox: the relay is down or restarting. */
  | 'relay-unavailable'
  /** This phone could not store a bundle or a delivery (quota, disk). */
  | 'phone-storage-full'
  | 'phone-storage-error';

/** Why uploads stop until something changes (a new invite, "Sync now"). */
export type BlockedReason =
  /** 401/403: the relay refused the upload token. A new invite from the coordinator fixes it. */
  | 'unauthorised'
  /** 404 unknown_mailbox: the organisation's mailbox is gone from the relay. */
  | 'mailbox-gone'
  /** 413: a bundle is larger than the relay accepts; other bundles continued. */
  | 'too-large'
  /** 400/409/415…: the relay refused a bundle's bytes as malformed; other bundles continued. */
  | 'rejected';

export type SyncState =
  /** Not started, or the vault was locked. */
  | { readonly kind: 'stopped' }
  | { readonly kind: 'idle' }
  /** The browser says there is no network; waiting for its 'online' event. */
  | { readonly kind: 'offline' }
  | { readonly kind: 'sealing' }
  | { readonly kind: 'uploading'; readonly sent: number; readonly total: number }
  | { readonly kind: 'backing-off'; readonly until: number; readonly reason: BackoffReason }
  | { readonly kind: 'blocked'; readonly reason: BlockedReason };

/** What makes the engine look at the outbox. */
export type SyncTrigger = 'start' | 'save' | 'online' | 'visible' | 'timer' | 'manual' | 'joined';
