// The committed organisation file of format 1 (written once by makeOrganisationFileFixture.ts) still
// opens with the recipient's key and says exactly what its spec says; the same bytes refuse a stranger.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { CoordinatorState } from '../../../src/coordinator/coordinatorState';
import { openOrganisationShare } from '../../../src/coordinator/openOrganisationShare';
import { toBase64Url } from '../../../src/crypto/bytes';
import { sha256 } from '../../../src/crypto/sha256';
import { utf8Encode } from '../../../src/crypto/bytes';

const dir = new URL('../../fixtures/organisationFile/v1/', import.meta.url);
const text = readFileSync(fileURLToPath(new URL('for-bolat.dala-org.json', dir)), 'utf8');
const spec = JSON.parse(readFileSync(fileURLToPath(new URL('for-bolat.spec.json', dir)), 'utf8')) as {
  recipientBoxSecretKey: string;
  recipientSignSeed: string;
  giverSignFingerprint: string;
  statement: Record<string, unknown>;
  readerNotCarried: string;
};

function stateWith(boxSecretKey: string, signSeed: string): CoordinatorState {
  return { version: 1, name: 'Bolat', boxSecretKey, signSeed, organisations: [] };
}

describe('organisation file fixture, format 1', () => {
  it('opens with the recipient key and carries what the spec lists, and no reader id', () => {
    const opened = openOrganisationShare(text, stateWith(spec.recipientBoxSecretKey, spec.recipientSignSeed));
    if (!opened.ok) throw new Error(opened.reason);
    expect(opened.value.statement).toEqual(spec.statement);
    expect(opened.value.giverName).toBe('Aigerim');
    expect(opened.value.giverSignFingerprint).toBe(spec.giverSignFingerprint);
    expect(JSON.stringify(opened.value.statement)).not.toContain(spec.readerNotCarried);
  });

  it('does not open for another key', () => {
    const stranger = toBase64Url(sha256(utf8Encode('box:stranger')));
    expect(openOrganisationShare(text, stateWith(stranger, spec.recipientSignSeed))).toEqual({ ok: false, reason: 'not-for-you' });
  });
});
