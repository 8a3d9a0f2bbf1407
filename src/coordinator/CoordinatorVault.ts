import type { KdfParams } from '../crypto/kdfParams';
import type { CoordinatorState } from './coordinatorState';

/** An unlocked coordinator vault. Holds the data key in memory: drop it (and wipe the key) when done. */
export interface CoordinatorVault {
  readonly kdf: KdfParams;
  readonly wrappedKey: Uint8Array;
  readonly dataKey: Uint8Array;
  readonly state: CoordinatorState;
}
