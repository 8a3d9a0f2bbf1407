import { describe, expect, it } from 'vitest';
import { cacheControlFor } from '../../src/relay/cacheControlFor';
import { securityHeaders } from '../../src/relay/securityHeaders';

function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp.split(';').map((part) => {
      const [name = '', ...values] = part.trim().split(/\s+/);
      return [name, values];
    }),
  );
}

describe('securityHeaders', () => {
  it('allows scripts, styles and fetches only from the app origin by default', () => {
    const csp = directives(securityHeaders([])['content-security-policy'] ?? '');
    expect(csp.get('default-src')).toEqual(["'self'"]);
    expect(csp.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(csp.get('style-src')).toEqual(["'self'"]);
    expect(csp.get('connect-src')).toEqual(["'self'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'none'"]);
  });

  it('adds the configured relay origins to connect-src only', () => {
    const csp = directives(securityHeaders(['https://a.example', 'https://b.example:8443'])['content-security-policy'] ?? '');
    expect(csp.get('connect-src')).toEqual(["'self'", 'https://a.example', 'https://b.example:8443']);
    expect(csp.get('script-src')).not.toContain('https://a.example');
  });

  it('sends no referrer and forbids MIME sniffing', () => {
    const headers = securityHeaders([]);
    expect(headers['referrer-policy']).toBe('no-referrer');
    expect(headers['x-content-type-options']).toBe('nosniff');
  });
});

describe('cacheControlFor', () => {
  it('caches hashed assets forever and makes everything else revalidate', () => {
    expect(cacheControlFor('assets/index-3f2a1b.js')).toBe('public, max-age=31536000, immutable');
    for (const file of ['index.html', 'sw.js', 'registerSW.js', 'manifest.webmanifest', 'icons/icon-192.png']) {
      expect(cacheControlFor(file)).toBe('no-cache');
    }
  });
});
