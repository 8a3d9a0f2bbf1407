import { outcomeKinds, type OutcomeKind } from '../../domain/outcome';
import { SelectField } from '../components/SelectField';
import { TextField } from '../components/TextField';
import { useT } from '../i18n/useT';
import type { FormFields } from './formFieldIds';
import type { FormState } from './formState';

type OutcomePart = Pick<FormState, 'outcomeKind' | 'outcomeAmount' | 'outcomeCurrency' | 'outcomeDuration'>;

/** Outcome kind, then only the numbers that kind has: amount and currency, days of arrest, or months. */
export function OutcomeFields({ value, fields, onChange }: { value: OutcomePart; fields: FormFields; onChange: (patch: Partial<OutcomePart>) => void }) {
  const { t } = useT();
  const kind: OutcomeKind = value.outcomeKind;
  const durationPath = kind === 'administrative_arrest' ? 'outcome.days' : 'outcome.months';
  return (
    <div className="stack">
      <SelectField
        id={fields.idFor('outcome.kind')}
        label={t('domain:fields.outcome.kind')}
        value={kind}
        options={outcomeKinds.map((option) => ({ value: option, label: t(`domain:outcomes.${option}`) }))}
        onChange={(outcomeKind) => onChange({ outcomeKind })}
        error={fields.errorAt('outcome.kind') ?? fields.errorAt('outcome')}
      />
      {kind === 'fine' ? (
        <div className="row">
          <TextField
            id={fields.idFor('outcome.amount')}
            label={t('domain:fields.outcome.amount')}
            value={value.outcomeAmount}
            onChange={(outcomeAmount) => onChange({ outcomeAmount })}
            error={fields.errorAt('outcome.amount')}
            inputMode="decimal"
          />
          <TextField
            id={fields.idFor('outcome.currency')}
            label={t('domain:fields.outcome.currency')}
            value={value.outcomeCurrency}
            onChange={(outcomeCurrency) => onChange({ outcomeCurrency })}
            error={fields.errorAt('outcome.currency')}
            maxLength={3}
          />
        </div>
      ) : null}
      {kind === 'administrative_arrest' || kind === 'prison_term' || kind === 'restricted_freedom' ? (
        <TextField
          id={fields.idFor(durationPath)}
          label={t(kind === 'administrative_arrest' ? 'domain:fields.outcome.days' : 'domain:fields.outcome.months')}
          value={value.outcomeDuration}
          onChange={(outcomeDuration) => onChange({ outcomeDuration })}
          error={fields.errorAt(durationPath)}
          inputMode="numeric"
        />
      ) : null}
    </div>
  );
}
