import { datePrecisions, type DatePrecision } from '../../domain/calendarDate';
import { describedBy } from '../components/describedBy';
import { FieldError } from '../components/FieldError';
import { SelectField } from '../components/SelectField';
import { useT } from '../i18n/useT';
import type { FormFields } from './formFieldIds';

const inputTypes: Record<DatePrecision, string> = { exact: 'datetime-local', day: 'date', month: 'month' };

/** "When" with the input the chosen precision needs (date and time, a day, or a month). */
export function WhenFields(props: { value: string; precision: DatePrecision; fields: FormFields; onChange: (value: string, precision: DatePrecision) => void }) {
  const { t } = useT();
  const { value, precision, fields, onChange } = props;
  const id = fields.idFor('when.value');
  const error = fields.errorAt('when.value');
  const errorId = `${id}-error`;
  return (
    <div className="row">
      <div className="field">
        <label htmlFor={id}>{t('form.when')}</label>
        <input
          id={id}
          type={inputTypes[precision]}
          value={value}
          onChange={(event) => onChange(event.target.value, precision)}
          aria-invalid={error === undefined ? undefined : true}
          aria-describedby={describedBy(error !== undefined && errorId)}
          // Where the browser has no month picker the field is plain text; say what to type.
          placeholder={precision === 'month' ? 'YYYY-MM' : undefined}
          required
        />
        <FieldError id={errorId} code={error} />
      </div>
      <SelectField
        id={fields.idFor('when.precision')}
        label={t('domain:fields.when.precision')}
        value={precision}
        options={datePrecisions.map((option) => ({ value: option, label: t(`domain:precision.${option}`) }))}
        onChange={(next) => onChange(value, next)}
        error={fields.errorAt('when.precision')}
      />
    </div>
  );
}
