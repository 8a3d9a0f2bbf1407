import type { BackoffReason } from './syncState';

/** What one upload attempt of one bundle to one relay came to. */
export type UploadVerdict =
  /** 201 stored, or 200 already stored (the same bytes, e.g. after a lost response). */
  | { readonly kind: 'stored'; readonly seq: number }
  /** The relay refuses this device's uploads altogether. */
  | { readonly kind: 'refused'; readonly reason: 'unauthorised' | 'mailbox-gone' }
  /** The relay refuses this bundle; others may still go. */
  | { readonly kind: 'bundle-refused'; readonly reason: 'too-large' | 'rejected' }
  /** Try again later (after retryAfterMs, if the relay said). */
  | { readonly kind: 'retry'; readonly reason: Extract<BackoffReason, 'network' | 'rate-limited' | 'relay-full' | 'relay-unavailable'>; readonly retryAfterMs: number | null };
