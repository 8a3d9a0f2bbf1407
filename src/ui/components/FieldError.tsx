import type { FieldErrorCode } from '../../domain/fieldError';
import { useT } from '../i18n/useT';

/** A validation message in the interface language, linked to its input by id (aria-describedby). */
export function FieldError({ id, code }: { id: string; code: FieldErrorCode | undefined }) {
  const { t } = useT();
  if (code === undefined) return null;
  return (
    <p id={id} className="field-error">
      {t(`domain:errors.${code}`)}
    </p>
  );
}
