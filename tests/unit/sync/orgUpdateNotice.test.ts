import { describe, expect, it } from 'vitest';
import type { Organisation } from '../../../src/store/storeApi';
import { sync as en } from '../../../src/ui/sync/locales/en';
import { sync as kk } from '../../../src/ui/sync/locales/kk';
import { sync as ru } from '../../../src/ui/sync/locales/ru';
import { keyChangeNoticeText } from '../../../src/ui/sync/keyChangeNoticeText';

const organisation: Organisation = { name: 'Steppe Watch', mailboxId: 'AAAAAAAAAAAAAAAAAAAAAA', relays: ['https://relay.example'], uploadToken: 't', coordinators: [], joinedAt: 0 };
const applied = { sequence: 7, signerName: 'Aigerim', signerFingerprint: 'ABCD EFGH IJKL MNOP', appliedAt: 0 };

describe('keyChangeNoticeText', () => {
  it('names the signer and fingerprint once the keys changed', () => {
    expect(keyChangeNoticeText({ ...organisation, lastUpdate: { ...applied, keysChanged: true } })).toEqual({ name: 'Aigerim', fingerprint: 'ABCD EFGH IJKL MNOP' });
  });

  it('says nothing before joining, before any update, or after an update that only renewed the token', () => {
    expect(keyChangeNoticeText(null)).toBeNull();
    expect(keyChangeNoticeText(organisation)).toBeNull();
    expect(keyChangeNoticeText({ ...organisation, lastUpdate: { ...applied, keysChanged: false } })).toBeNull();
  });

  it('every language names the signer and the fingerprint', () => {
    for (const messages of [en, ru, kk]) expect(messages.status.keysChanged).toMatch(/\{\{name\}\}.*\{\{fingerprint\}\}/);
  });
});
