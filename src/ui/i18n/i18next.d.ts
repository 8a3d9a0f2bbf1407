// Typed keys: t('form.save') is checked against the English messages; a typo fails typecheck.
import type { app } from './locales/en/app';
import type { domain } from './locales/en/domain';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'app';
    resources: { app: typeof app; domain: typeof domain };
  }
}
