import type { PageVisibility } from './pageVisibility';

export interface FakePageVisibility extends PageVisibility {
  /** Changes visibility; becoming visible calls every listener. */
  set(visible: boolean): void;
  listenerCount(): number;
}

/** Test double for PageVisibility. */
export function createFakePageVisibility(visible = true): FakePageVisibility {
  let current = visible;
  const listeners = new Set<() => void>();
  return {
    isVisible: () => current,
    onVisible(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    set(next) {
      const becameVisible = next && !current;
      current = next;
      if (becameVisible) for (const listener of [...listeners]) listener();
    },
    listenerCount: () => listeners.size,
  };
}
