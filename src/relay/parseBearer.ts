// RFC 6750 b64token; the length cap keeps hashing of hostile headers cheap.
const BEARER = /^Bearer ([A-Za-z0-9\-._~+/]{1,512}=*)$/;

/** The token of an `Authorization: Bearer <token>` header, or null when the header is missing or malformed. */
export function parseBearer(header: string | string[] | undefined): string | null {
  if (typeof header !== 'string') return null;
  return BEARER.exec(header)?.[1] ?? null;
}
