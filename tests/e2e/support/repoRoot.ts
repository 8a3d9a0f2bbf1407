import { fileURLToPath } from 'node:url';

/** Absolute path of the repository root (this file sits in tests/e2e/support/). */
export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
