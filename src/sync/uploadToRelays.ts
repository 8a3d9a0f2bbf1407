import type { UnsentBundle } from '../store/storeApi';
import { uploadBundle } from './uploadBundle';
import type { UploadDeps } from './uploadBundle';
import type { UploadVerdict } from './uploadVerdict';

export interface RelayTargets {
  /** The organisation's relays, preferred first; the rest are mirrors of the same mailbox. */
  readonly relays: readonly string[];
  readonly mailboxId: string;
  readonly uploadToken: string;
}

/**
 * Offers the bundle to each relay in order until one stores it. When none does, the verdict is that of
 * the first relay that answered at all (the preferred one that is up decides), or 'network' if none did.
 */
export async function uploadToRelays(targets: RelayTargets, bundle: UnsentBundle, deps: UploadDeps): Promise<UploadVerdict> {
  if (targets.relays.length === 0) throw new RangeError('uploadToRelays: targets.relays must not be empty');
  let firstAnswer: UploadVerdict | null = null;
  for (const relay of targets.relays) {
    if (deps.signal?.aborted) break;
    const verdict = await uploadBundle({ relay, mailboxId: targets.mailboxId, uploadToken: targets.uploadToken }, bundle, deps);
    if (verdict.kind === 'stored') return verdict;
    const answered = !(verdict.kind === 'retry' && verdict.reason === 'network');
    if (answered && firstAnswer === null) firstAnswer = verdict;
  }
  return firstAnswer ?? { kind: 'retry', reason: 'network', retryAfterMs: null };
}
