// Seam over document.visibilityState: a phone pulled out of a pocket is a good moment to sync.

export interface PageVisibility {
  isVisible(): boolean;
  /** Calls `listener` each time the page becomes visible; returns the unsubscribe function. */
  onVisible(listener: () => void): () => void;
}

export function createBrowserPageVisibility(doc: Document = document): PageVisibility {
  return {
    isVisible: () => doc.visibilityState === 'visible',
    onVisible(listener) {
      const handler = () => {
        if (doc.visibilityState === 'visible') listener();
      };
      doc.addEventListener('visibilitychange', handler);
      return () => doc.removeEventListener('visibilitychange', handler);
    },
  };
}
