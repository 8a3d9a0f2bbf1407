import { encodeInvite, INVITE_FRAGMENT_PREFIX } from './invite';
import type { Invite } from './invite';
import { normaliseAppUrl } from './inviteUrls';

/** `<appUrl>#join=<payload>`: the link (and QR content) a coordinator hands to a monitor. */
export function inviteLink(appUrl: string, invite: Invite): string {
  const base = normaliseAppUrl(appUrl);
  if (base === null) throw new TypeError('inviteLink: appUrl must be an https URL (or http on localhost) without query or fragment');
  return `${base}#${INVITE_FRAGMENT_PREFIX}${encodeInvite(invite)}`;
}
