// The one coordinator message on the monitor's first screen, kept out of the lazy 'coordinator' namespace
// so the first screen does not carry the workspace's text.
// REVIEW: machine translation (ru, kk) — needs review by a native speaker before release.
import type { Language } from '../../i18n/languages';

export const reviewStatus = 'machine-translated' as const;

export const coordinatorEntry: Readonly<Record<Language, string>> = {
  en: 'Set up as coordinator',
  ru: 'Настроить как координатор',
  kk: 'Үйлестіруші ретінде баптау',
};
