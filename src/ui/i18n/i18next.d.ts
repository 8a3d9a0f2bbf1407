// Typed keys: t('form.save') is checked against the English messages; a typo fails typecheck.
// eslint-disable-next-line no-restricted-imports -- the 'app' i18n namespace file, not src/app (the layer pattern **/app matches both)
import type { app } from './locales/en/app';
import type { domain } from './locales/en/domain';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'app';
    resources: { app: typeof app; domain: typeof domain };
  }
}
