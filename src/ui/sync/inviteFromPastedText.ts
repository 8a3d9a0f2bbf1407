/**
 * The invite inside whatever was pasted: a chat message around the link keeps only the link, and a bare
 * payload that a messenger wrapped over several lines is joined back together. Null when nothing was pasted.
 * What comes out is checked by readInvite, which names every defect.
 */
export function inviteFromPastedText(pasted: string): string | null {
  if (typeof pasted !== 'string') throw new TypeError('inviteFromPastedText: pasted must be a string');
  const link = /\S*#join=[A-Za-z0-9_=-]+/.exec(pasted);
  if (link !== null) return link[0];
  // base64url has no whitespace, so any inside a bare payload was added on the way.
  const compact = pasted.replace(/\s+/g, '');
  return compact === '' ? null : compact;
}
