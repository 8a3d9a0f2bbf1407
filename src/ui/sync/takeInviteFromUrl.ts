const JOIN_FRAGMENT = '#join=';

/**
 * The invite text in the page's `#join=…` fragment (read it with `readInvite`), or null when there is none. The fragment is removed
 * from the address bar (and the history entry) at once, so the upload token does not stay on screen,
 * in the history or in a bookmark; the invite lives on only in memory until "Join" or "Cancel".
 */
export function takeInviteFromUrl(location: Pick<Location, 'hash' | 'pathname' | 'search'>, history: Pick<History, 'replaceState' | 'state'>): string | null {
  if (!location.hash.startsWith(JOIN_FRAGMENT)) return null;
  const text = location.hash;
  history.replaceState(history.state, '', `${location.pathname}${location.search}`);
  return text;
}
