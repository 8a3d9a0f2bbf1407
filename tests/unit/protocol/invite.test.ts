import { describe, expect, it } from 'vitest';
import { encodeInvite, INVITE_MAX_PAYLOAD_CHARS, parseInvite } from '../../../src/protocol/invite';
import type { Invite } from '../../../src/protocol/invite';
import { inviteLink } from '../../../src/protocol/inviteLink';

// Independent of the code under test: Node's own base64url codec.
const b64 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64url');
const key = (fill: number): string => b64(new Uint8Array(32).fill(fill));

const invite: Invite = {
  version: 1,
  organisation: 'Қазақстан monitoring — Алматы',
  mailboxId: b64(new Uint8Array(16).fill(7)),
  uploadToken: b64(new Uint8Array(32).fill(9)),
  relays: ['https://relay.example.org', 'http://127.0.0.1:8787'],
  coordinators: [
    { name: 'Aigerim', boxPublicKey: key(1), signPublicKey: key(2) },
    { name: 'Daniyar', boxPublicKey: key(3), signPublicKey: key(4) },
  ],
};

/** Encodes any JSON value the way a (possibly hostile) inviter would, bypassing encodeInvite's checks. */
function rawPayload(value: unknown): string {
  return Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
}

function withChange(change: Record<string, unknown>): string {
  return rawPayload({ ...invite, ...change });
}

describe('encodeInvite / parseInvite', () => {
  it('round-trips through the payload, the fragment and the whole link', () => {
    const payload = encodeInvite(invite);
    expect(parseInvite(payload)).toEqual({ ok: true, value: invite });
    expect(parseInvite(`#join=${payload}`)).toEqual({ ok: true, value: invite });
    const link = inviteLink('https://app.example.org', invite);
    expect(link).toBe(`https://app.example.org/#join=${payload}`);
    expect(parseInvite(`  ${link}\n`)).toEqual({ ok: true, value: invite });
  });

  it('writes base64url of plain UTF-8 JSON that any decoder reads (INVITE_FORMAT.md)', () => {
    const payload = encodeInvite(invite);
    expect(payload).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'))).toEqual(invite);
  });

  it('keeps the app path and puts the invite only in the fragment', () => {
    const link = new URL(inviteLink('https://ngo.example/dala/', invite));
    expect(link.pathname).toBe('/dala/');
    expect(link.search).toBe('');
    expect(link.hash.startsWith('#join=')).toBe(true);
    expect(() => inviteLink('http://ngo.example/', invite)).toThrow(/appUrl/);
  });

  it('refuses to encode an invalid invite', () => {
    expect(() => encodeInvite({ ...invite, relays: [] })).toThrow(/invite/);
  });

  it.each([
    ['not base64url', '%%%', 'malformed'],
    ['non-canonical base64url', `${rawPayload(invite).slice(0, -1)}_`, 'malformed'],
    ['not JSON', b64(new TextEncoder().encode('{nope')), 'malformed'],
    ['not UTF-8', b64(Uint8Array.of(0x7b, 0xff, 0x7d)), 'malformed'],
    ['a JSON array', rawPayload([invite]), 'malformed'],
    ['a missing version', rawPayload({ ...invite, version: undefined }), 'malformed'],
    ['an unknown field', withChange({ extra: 1 }), 'malformed'],
    ['a missing field', rawPayload({ ...invite, uploadToken: undefined }), 'malformed'],
    ['a fragment that is not join=', `https://app.example.org/#other=${encodeInvite(invite)}`, 'malformed'],
    ['a later version', withChange({ version: 2 }), 'unsupported-version'],
    ['too long', 'A'.repeat(INVITE_MAX_PAYLOAD_CHARS + 4), 'too-long'],
    ['an empty organisation name', withChange({ organisation: '' }), 'bad-name'],
    ['a name with a newline', withChange({ organisation: 'Org\nInjected line' }), 'bad-name'],
    ['a name with surrounding spaces', withChange({ organisation: ' Org ' }), 'bad-name'],
    ['a short mailbox id', withChange({ mailboxId: 'abc' }), 'bad-mailbox-id'],
    ['a short upload token', withChange({ uploadToken: b64(new Uint8Array(31)) }), 'bad-token'],
    ['no relay', withChange({ relays: [] }), 'bad-relay-url'],
    ['six relays', withChange({ relays: [1, 2, 3, 4, 5, 6].map((n) => `https://r${n}.example`) }), 'bad-relay-url'],
    ['plain http to another host', withChange({ relays: ['http://relay.example.org'] }), 'bad-relay-url'],
    ['a relay URL with a path', withChange({ relays: ['https://relay.example.org/v1'] }), 'bad-relay-url'],
    ['a relay URL with credentials', withChange({ relays: ['https://user:pw@relay.example.org'] }), 'bad-relay-url'],
    ['a relay URL with a trailing slash', withChange({ relays: ['https://relay.example.org/'] }), 'bad-relay-url'],
    ['a javascript: URL', withChange({ relays: ['javascript:alert(1)'] }), 'bad-relay-url'],
    ['a repeated relay', withChange({ relays: ['https://a.example', 'https://a.example'] }), 'bad-relay-url'],
    ['no coordinator', withChange({ coordinators: [] }), 'bad-key'],
    ['a 31-byte box key', withChange({ coordinators: [{ name: 'A', boxPublicKey: b64(new Uint8Array(31).fill(1)), signPublicKey: key(2) }] }), 'bad-key'],
    ['a 33-byte signing key', withChange({ coordinators: [{ name: 'A', boxPublicKey: key(1), signPublicKey: b64(new Uint8Array(33).fill(2)) }] }), 'bad-key'],
    ['an all-zero box key', withChange({ coordinators: [{ name: 'A', boxPublicKey: key(0), signPublicKey: key(2) }] }), 'bad-key'],
    ['a repeated box key', withChange({ coordinators: [invite.coordinators[0], { ...invite.coordinators[1], boxPublicKey: key(1) }] }), 'bad-key'],
  ])('rejects %s as %s', (_label, text, reason) => {
    expect(parseInvite(text)).toEqual({ ok: false, reason });
  });

  it('accepts http only for this machine', () => {
    for (const url of ['http://localhost:8787', 'http://127.0.0.1', 'http://[::1]:9000']) {
      expect(parseInvite(withChange({ relays: [url] })).ok).toBe(true);
    }
  });
});
