import type { PassphraseAssessment } from '../../domain/passphraseStrength';
import { useT } from '../i18n/useT';

/**
 * Live strength of a new passphrase, with what is still missing said in words (not only a coloured bar).
 * aria-live is polite so a screen reader hears the change after typing pauses, not on every key.
 */
export function PassphraseStrength({ id, assessment, empty }: { id: string; assessment: PassphraseAssessment; empty: boolean }) {
  const { t } = useT();
  return (
    <div id={id} className="strength" aria-live="polite">
      {empty ? (
        <p>{t('strength.hint')}</p>
      ) : (
        <>
          <div className="strength-bar" aria-hidden="true">
            {[1, 2, 3, 4].map((step) => (
              <span key={step} className={assessment.score >= step ? 'on' : undefined} />
            ))}
          </div>
          <p>{t('strength.level', { level: t(scoreKeys[assessment.score]) })}</p>
          {assessment.problems.length === 0 ? null : (
            <ul>
              {assessment.problems.map((problem) => (
                <li key={problem}>{t(`domain:passphrase.${problem}`)}</li>
              ))}
            </ul>
          )}
        </>
      )}
    </div>
  );
}

/** Words for the scores 0..4 of assessPassphrase. */
const scoreKeys = ['strength.levels.tooWeak', 'strength.levels.weak', 'strength.levels.acceptable', 'strength.levels.good', 'strength.levels.strong'] as const;
