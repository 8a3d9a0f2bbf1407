import { detailChoiceLists, incidentDetailFields, type DetailChoiceList, type DetailFieldKind } from '../../domain/incidentDetails';
import type { IncidentType } from '../../domain/incidentTypes';
import { reportLimits } from '../../domain/reportLimits';
import { SelectField } from '../components/SelectField';
import { TextAreaField } from '../components/TextAreaField';
import { TextField } from '../components/TextField';
import { useT } from '../i18n/useT';
import type { FormFields } from './formFieldIds';

function isChoiceList(kind: DetailFieldKind): kind is DetailChoiceList {
  return kind in detailChoiceLists;
}

/** The incident type's own fields, each drawn by its kind (domain/incidentDetails.ts is the single source). */
export function DetailFields(props: {
  incidentType: IncidentType;
  values: Readonly<Record<string, string>>;
  fields: FormFields;
  onChange: (key: string, value: string) => void;
}) {
  const { t } = useT();
  const { incidentType, values, fields, onChange } = props;
  const entries = Object.entries(incidentDetailFields[incidentType] as Readonly<Record<string, DetailFieldKind>>);
  if (entries.length === 0) return null;
  // Detail labels are looked up by field name; the domain's label table has one per name.
  const label = (key: string) => t(`domain:fields.details.${key}` as 'domain:fields.details.heldAt');
  return (
    <fieldset>
      <legend>{t('domain:fields.details._')}</legend>
      <div className="stack">
        {entries.map(([name, kind]) => {
          const path = `details.${name}`;
          const common = { id: fields.idFor(path), value: values[name] ?? '', onChange: (value: string) => onChange(name, value), error: fields.errorAt(path) };
          if (isChoiceList(kind)) {
            const options = [
              { value: '', label: t('form.notSpecified') },
              ...detailChoiceLists[kind].map((choice: string) => ({
                value: choice,
                label: t(`domain:detailChoices.${kind}.${choice}` as 'domain:detailChoices.triState.yes'),
              })),
            ];
            return <SelectField key={name} {...common} label={label(name)} options={options} />;
          }
          switch (kind) {
            case 'longText':
              return <TextAreaField key={name} {...common} label={label(name)} rows={3} maxLength={reportLimits.longText} />;
            case 'count':
            case 'hours':
            case 'days':
            case 'attempt':
              return <TextField key={name} {...common} label={label(name)} inputMode="numeric" />;
            case 'date':
              return <TextField key={name} {...common} label={label(name)} type="date" />;
            case 'url':
              return <TextField key={name} {...common} label={label(name)} type="url" maxLength={2_000} />;
            case 'money':
              return (
                <fieldset key={name}>
                  <legend>{t('domain:fields.details.claimAmount._')}</legend>
                  <div className="row">
                    <TextField
                      id={fields.idFor(`${path}.amount`)}
                      label={t('domain:fields.details.claimAmount.amount')}
                      value={values[`${name}.amount`] ?? ''}
                      onChange={(value) => onChange(`${name}.amount`, value)}
                      error={fields.errorAt(`${path}.amount`) ?? fields.errorAt(path)}
                      inputMode="decimal"
                    />
                    <TextField
                      id={fields.idFor(`${path}.currency`)}
                      label={t('domain:fields.details.claimAmount.currency')}
                      value={values[`${name}.currency`] ?? 'KZT'}
                      onChange={(value) => onChange(`${name}.currency`, value)}
                      error={fields.errorAt(`${path}.currency`)}
                      maxLength={3}
                    />
                  </div>
                </fieldset>
              );
            default:
              return <TextField key={name} {...common} label={label(name)} maxLength={reportLimits.shortText} />;
          }
        })}
      </div>
    </fieldset>
  );
}
