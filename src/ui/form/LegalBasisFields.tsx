import { legalCodes } from '../../domain/legalCodes';
import { reportLimits } from '../../domain/reportLimits';
import { FieldError } from '../components/FieldError';
import { SelectField } from '../components/SelectField';
import { TextField } from '../components/TextField';
import { useT } from '../i18n/useT';
import type { FormFields } from './formFieldIds';
import type { LegalBasisRow } from './formState';

/** Legal basis: code + article rows (e.g. Code on Administrative Offences, 488). */
export function LegalBasisFields({ rows, fields, onChange }: { rows: readonly LegalBasisRow[]; fields: FormFields; onChange: (rows: LegalBasisRow[]) => void }) {
  const { t } = useT();
  const setRow = (index: number, patch: Partial<LegalBasisRow>) => onChange(rows.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  const codeOptions = legalCodes.map((code) => ({ value: code, label: t(`domain:legalCodes.${code}`) }));
  return (
    <fieldset>
      <legend>{t('domain:fields.legalBasis._')}</legend>
      <div className="stack">
        {rows.map((row, index) => {
          const path = `legalBasis.${index}`;
          const n = String(index + 1);
          return (
            // Rows have no identity of their own; the index is what validation paths use too.
            <fieldset key={index}>
              <legend>{t('form.legalBasisRow', { n })}</legend>
              <div className="stack">
                <SelectField
                  id={fields.idFor(`${path}.code`)}
                  label={t('domain:fields.legalBasis.code')}
                  value={row.code}
                  options={codeOptions}
                  onChange={(code) => setRow(index, { code })}
                  error={fields.errorAt(`${path}.code`)}
                />
                <TextField
                  id={fields.idFor(`${path}.article`)}
                  label={t('domain:fields.legalBasis.article')}
                  value={row.article}
                  onChange={(article) => setRow(index, { article })}
                  error={fields.errorAt(`${path}.article`)}
                  maxLength={reportLimits.article}
                />
                <button type="button" className="danger" onClick={() => onChange(rows.filter((_, i) => i !== index))}>
                  {t('form.removeLegalBasis', { n })}
                </button>
              </div>
            </fieldset>
          );
        })}
        {rows.length < reportLimits.legalBasis ? (
          <button type="button" onClick={() => onChange([...rows, { code: 'administrative_offences', article: '' }])}>
            {t('form.addLegalBasis')}
          </button>
        ) : null}
        <FieldError id={`${fields.idFor('legalBasis')}-error`} code={fields.errorAt('legalBasis')} />
      </div>
    </fieldset>
  );
}
