// Headers sent with every response, API and app alike. The policy allows only what the PWA needs:
// its own scripts (plus WebAssembly for Argon2), data:/blob: images for attachments, and fetches to
// this origin and to relays the operator lists in DALA_CONNECT_SRC.

export function securityHeaders(connectSrc: readonly string[]): Readonly<Record<string, string>> {
  const contentSecurityPolicy = [
    "default-src 'self'",
    "script-src 'self' 'wasm-unsafe-eval'",
    "style-src 'self'",
    "img-src 'self' data: blob:",
    ["connect-src 'self'", ...connectSrc].join(' '),
    "worker-src 'self' blob:",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'self'",
  ].join('; ');
  return {
    'content-security-policy': contentSecurityPolicy,
    'referrer-policy': 'no-referrer',
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'cross-origin-opener-policy': 'same-origin',
    // Attachments (photo, audio) and optional coordinates of a report; nothing else is ever needed.
    'permissions-policy':
      'camera=(self), microphone=(self), geolocation=(self), payment=(), usb=(), serial=(), hid=(), accelerometer=(), gyroscope=(), magnetometer=()',
  };
}
