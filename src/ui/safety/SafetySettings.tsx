import { useId } from 'react';
import { useT } from '../i18n/useT';
import { DuressSettings } from './DuressSettings';
import { FailedUnlockWipeSettings } from './FailedUnlockWipeSettings';
import './safety.css';

/** The settings screen's safety section: failed-unlock wipe and duress passphrase (panic wipe is in the top bar). */
export function SafetySettings() {
  const { t } = useT();
  const id = useId();
  return (
    <section className="stack safety-section" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('safety.title')}</h2>
      <FailedUnlockWipeSettings />
      <DuressSettings />
    </section>
  );
}
