import { parseInvite } from '../protocol/invite';
import type { Invite, InviteProblem } from '../protocol/invite';
import type { Result } from '../store/storeApi';
import { previewInvite } from './previewInvite';
import type { InvitePreview } from './previewInvite';

/** Why an invite text cannot be joined: its format (protocol), or a key nobody can seal to. */
export type InviteReadProblem = InviteProblem | 'unusable-key';

/** A parsed invite with what to show before joining; held in memory only, never stored until "Join". */
export interface PendingInvite {
  readonly invite: Invite;
  readonly preview: InvitePreview;
}

/** Reads a link, `#join=…` fragment or pasted payload. Every defect is a reason, never an exception. */
export function readInvite(text: string): Result<PendingInvite, InviteReadProblem> {
  const parsed = parseInvite(text);
  if (!parsed.ok) return parsed;
  const preview = previewInvite(parsed.value);
  if (!preview.ok) return preview;
  return { ok: true, value: { invite: parsed.value, preview: preview.value } };
}
