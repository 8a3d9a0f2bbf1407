import { sealBundle } from '../bundle/sealBundle';
import type { BundleSealer } from '../store/storeApi';

/** The store's BundleSealer, backed by the bundle format: the store seals without knowing that format. */
export const sealForOutbox: BundleSealer = (request) => {
  const sealed = sealBundle(request);
  return sealed.ok ? { ok: true, value: sealed.value.bytes } : sealed;
};
