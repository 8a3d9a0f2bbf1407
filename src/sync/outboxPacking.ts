import { bundleLimits } from '../protocol/bundleFormat';
import type { BundlePacking } from '../store/storeApi';
import { sealForOutbox } from './sealForOutbox';
import { versionsThatFit } from './versionsThatFit';

/** How the outbox is sealed: the bundle format's sealer, as many versions per bundle as fit in 64 KiB. */
export const outboxPacking: BundlePacking = { seal: sealForOutbox, maxVersions: bundleLimits.maxVersions, fit: versionsThatFit };
