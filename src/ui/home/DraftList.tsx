import { useState } from 'react';
import type { DraftEntry } from '../form/draftBook';
import { formatIncidentWhen } from '../format/formatIncidentWhen';
import { useLanguage } from '../i18n/useLanguage';
import { useT } from '../i18n/useT';

/** Forms left unsaved (kept encrypted as drafts), each to continue or discard. */
export function DraftList({ drafts, onContinue, onDiscard }: { drafts: readonly DraftEntry[]; onContinue: (draft: DraftEntry) => void; onDiscard: (draft: DraftEntry) => void }) {
  const { t } = useT();
  const language = useLanguage();
  // Discarding deletes typed text for good, so it takes a second, deliberate tap.
  const [confirming, setConfirming] = useState<string | null>(null);
  if (drafts.length === 0) return null;
  return (
    <section aria-labelledby="drafts-heading" className="notice warn stack">
      <h2 id="drafts-heading">{t('home.drafts')}</h2>
      <ul className="draft-list">
        {drafts.map((draft) => {
          const titleId = `draft-${draft.reportId}`;
          const { form } = draft;
          return (
            <li key={draft.reportId} className="stack">
              <p id={titleId}>
                <strong>{t(`domain:incidentTypes.${form.incidentType}`)}</strong>
                {form.city.trim() === '' ? null : ` · ${form.city}`}
                {form.whenValue === '' ? null : ` · ${formatIncidentWhen({ value: form.whenValue, precision: form.whenPrecision }, language)}`}
              </p>
              {confirming === draft.reportId ? (
                <div className="button-row">
                  <button type="button" className="danger" aria-describedby={titleId} onClick={() => onDiscard(draft)}>
                    {t('form.discardConfirm')}
                  </button>
                  <button type="button" aria-describedby={titleId} onClick={() => setConfirming(null)}>
                    {t('home.keepDraft')}
                  </button>
                </div>
              ) : (
                <div className="button-row">
                  <button type="button" aria-describedby={titleId} onClick={() => onContinue(draft)}>
                    {t('home.continueDraft')}
                  </button>
                  <button type="button" className="danger" aria-describedby={titleId} onClick={() => setConfirming(draft.reportId)}>
                    {t('home.discardDraft')}
                  </button>
                </div>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
