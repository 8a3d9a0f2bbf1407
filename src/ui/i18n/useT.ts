import { useTranslation } from 'react-i18next';

// Both namespaces, app first: 'form.save' reads from app, 'domain:errors.required' from domain.
const namespaces = ['app', 'domain'] as const;

/** useTranslation for our screens, typed for both namespaces. */
export function useT() {
  return useTranslation(namespaces);
}
