// The two kinds of URL an invite involves. A relay URL is an origin (relay paths are relative to it);
// the app URL may have a path (the app can live in a sub-folder). Both must be https, except on this
// machine (http://localhost, 127.0.0.1, [::1]) for development and tests.

const LOCAL_HOSTS: ReadonlySet<string> = new Set(['localhost', '127.0.0.1', '[::1]']);
export const INVITE_URL_MAX_CHARS = 200;

function parseAllowedUrl(text: string): URL | null {
  if (typeof text !== 'string' || text.length === 0 || text.length > INVITE_URL_MAX_CHARS) return null;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  const secure = url.protocol === 'https:';
  const local = url.protocol === 'http:' && LOCAL_HOSTS.has(url.hostname);
  if (!secure && !local) return null;
  // Credentials in a URL end up in logs and history; an invite never needs them.
  if (url.username !== '' || url.password !== '' || url.hostname === '') return null;
  return url;
}

/** The relay's origin (`https://host[:port]`, no trailing slash), or null when the URL is not allowed. */
export function normaliseRelayUrl(text: string): string | null {
  const url = parseAllowedUrl(text);
  if (url === null || url.pathname !== '/' || url.search !== '' || url.hash !== '') return null;
  return url.origin;
}

/** The app's URL without query or fragment (the fragment is where the invite goes), or null. */
export function normaliseAppUrl(text: string): string | null {
  const url = parseAllowedUrl(text);
  if (url === null || url.search !== '' || url.hash !== '') return null;
  return url.href;
}
