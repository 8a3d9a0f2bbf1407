// A PWA served from another origin may call this relay. Tokens travel as bearer headers and the
// relay sets no cookies, so allowing every origin grants nothing a direct request could not do.
export const CORS_HEADERS: Readonly<Record<string, string>> = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, HEAD, PUT, POST, OPTIONS',
  'access-control-allow-headers': 'Authorization, Content-Type',
  'access-control-expose-headers': 'Retry-After',
  'access-control-max-age': '600',
};
