import type { Organisation } from '../../store/storeApi';

export interface KeyChangeNoticeText {
  readonly name: string;
  readonly fingerprint: string;
}

/** What the home screen says after a signed key change was applied, or null when the keys never changed. */
export function keyChangeNoticeText(organisation: Organisation | null): KeyChangeNoticeText | null {
  const update = organisation?.lastUpdate;
  if (update === undefined || !update.keysChanged) return null;
  return { name: update.signerName, fingerprint: update.signerFingerprint };
}
