import { useEffect, useRef } from 'react';
import type { FieldError } from '../../domain/fieldError';
import { useT } from '../i18n/useT';
import type { FormFields } from './formFieldIds';

/**
 * Every validation error in one list at the top, each a button that moves focus to its field. Some errors
 * (e.g. a saved report's carried tags) have no input of their own; they are still listed here.
 */
export function ErrorSummary(props: {
  errors: readonly FieldError[];
  fields: FormFields;
  /** Increases with each refused save; focus moves here then, never while the user is typing. */
  attempt: number;
  labelFor: (path: string) => string;
  onGoTo: (path: string) => void;
}) {
  const { errors, fields, attempt, labelFor, onGoTo } = props;
  const { t } = useT();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (attempt > 0) heading.current?.focus();
  }, [attempt]);
  if (errors.length === 0) return null;
  return (
    <section className="notice error" aria-labelledby={`${fields.idFor('')}-summary`}>
      <h2 id={`${fields.idFor('')}-summary`} ref={heading} tabIndex={-1}>
        {t('form.fixErrors')}
      </h2>
      <ul>
        {errors.map((error) => (
          <li key={`${error.path}:${error.code}`}>
            <button type="button" className="link" onClick={() => onGoTo(error.path)}>
              {labelFor(error.path)}: {t(`domain:errors.${error.code}`)}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
