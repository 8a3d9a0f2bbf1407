// Group commit: uploads that arrive while a commit is being prepared share ONE durable commit, so a
// busy relay pays one fsync per group rather than one per request. Each caller's promise settles only
// after the commit that holds its item has returned, so a 2xx still means "on disk".
import type { PutBundleResult, PutItem } from './RelayStore';

export interface CommitQueue {
  /** Queues the item for the next group commit; resolves with its own result once that commit is durable. */
  put(item: PutItem): Promise<PutBundleResult>;
}

export interface CommitQueueLimits {
  /** At most this many items in one transaction; the rest wait for the next. */
  readonly maxItems: number;
  /** At most this many bytes in one transaction (a single larger item still goes alone). */
  readonly maxBytes: number;
}

export const DEFAULT_COMMIT_LIMITS: CommitQueueLimits = { maxItems: 256, maxBytes: 32 * 1024 * 1024 };

interface Waiting {
  readonly item: PutItem;
  readonly resolve: (result: PutBundleResult) => void;
  readonly reject: (error: unknown) => void;
}

/**
 * `putMany` stores a group in one transaction and returns each item's result in order (RelayStore.putMany).
 * Items are committed in the order `put` was called, so sequence numbers follow arrival order.
 */
export function createCommitQueue(
  putMany: (items: readonly PutItem[]) => PutBundleResult[],
  limits: CommitQueueLimits = DEFAULT_COMMIT_LIMITS,
): CommitQueue {
  if (!Number.isSafeInteger(limits.maxItems) || limits.maxItems < 1) throw new RangeError(`maxItems must be >= 1, got ${limits.maxItems}`);
  if (!Number.isSafeInteger(limits.maxBytes) || limits.maxBytes < 1) throw new RangeError(`maxBytes must be >= 1, got ${limits.maxBytes}`);
  let waiting: Waiting[] = [];
  let scheduled = false;

  const takeGroup = (): Waiting[] => {
    let count = 0;
    let bytes = 0;
    for (const next of waiting) {
      const size = next.item.bytes.length;
      if (count > 0 && (count === limits.maxItems || bytes + size > limits.maxBytes)) break;
      count += 1;
      bytes += size;
    }
    const group = waiting.slice(0, count);
    waiting = waiting.slice(count);
    return group;
  };

  const commit = (): void => {
    scheduled = false;
    const group = takeGroup();
    if (waiting.length > 0) schedule();
    let results: PutBundleResult[];
    try {
      results = putMany(group.map((entry) => entry.item));
    } catch (error) {
      // A bug or an I/O failure, not bad input: every request of the group fails with it.
      for (const entry of group) entry.reject(error);
      return;
    }
    group.forEach((entry, index) => {
      const result = results[index];
      if (result === undefined) entry.reject(new Error(`putMany returned ${results.length} results for ${group.length} items`));
      else entry.resolve(result);
    });
  };

  // setImmediate runs after the poll phase, so every request whose body finished arriving in this turn
  // of the event loop (including those that queued up during the previous commit) joins the group.
  const schedule = (): void => {
    if (scheduled) return;
    scheduled = true;
    setImmediate(commit);
  };

  return {
    put(item) {
      return new Promise<PutBundleResult>((resolve, reject) => {
        waiting.push({ item, resolve, reject });
        schedule();
      });
    },
  };
}
