import { reportLimits } from '../../domain/reportLimits';
import { describedBy } from '../components/describedBy';
import { FieldError } from '../components/FieldError';
import { TextField } from '../components/TextField';
import { useT } from '../i18n/useT';
import type { FormFields } from './formFieldIds';
import type { PersonRow } from './formState';

const emptyPerson: PersonRow = { name: '', role: '', affiliation: '', consentToPublish: false };

/** People affected: one fieldset per person, added and removed by buttons. */
export function PeopleFields({ people, fields, onChange }: { people: readonly PersonRow[]; fields: FormFields; onChange: (people: PersonRow[]) => void }) {
  const { t } = useT();
  const setRow = (index: number, patch: Partial<PersonRow>) => onChange(people.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  return (
    <fieldset>
      <legend>{t('domain:fields.peopleAffected._')}</legend>
      <div className="stack">
        {people.map((person, index) => {
          const path = `peopleAffected.${index}`;
          const n = String(index + 1);
          const consentId = fields.idFor(`${path}.consentToPublish`);
          const consentError = fields.errorAt(`${path}.consentToPublish`);
          return (
            // Rows have no identity of their own; the index is what validation paths use too.
            <fieldset key={index}>
              <legend>{t('form.person', { n })}</legend>
              <div className="stack">
                <TextField
                  id={fields.idFor(`${path}.name`)}
                  label={t('domain:fields.peopleAffected.name')}
                  value={person.name}
                  onChange={(name) => setRow(index, { name })}
                  error={fields.errorAt(`${path}.name`)}
                  maxLength={reportLimits.shortText}
                />
                <TextField
                  id={fields.idFor(`${path}.role`)}
                  label={t('domain:fields.peopleAffected.role')}
                  value={person.role}
                  onChange={(role) => setRow(index, { role })}
                  error={fields.errorAt(`${path}.role`)}
                  maxLength={reportLimits.shortText}
                />
                <TextField
                  id={fields.idFor(`${path}.affiliation`)}
                  label={t('domain:fields.peopleAffected.affiliation')}
                  value={person.affiliation}
                  onChange={(affiliation) => setRow(index, { affiliation })}
                  error={fields.errorAt(`${path}.affiliation`)}
                  maxLength={reportLimits.shortText}
                />
                <label className="check" htmlFor={consentId}>
                  <input
                    id={consentId}
                    type="checkbox"
                    checked={person.consentToPublish}
                    onChange={(event) => setRow(index, { consentToPublish: event.target.checked })}
                    aria-describedby={describedBy(consentError !== undefined && `${consentId}-error`)}
                  />
                  {t('domain:fields.peopleAffected.consentToPublish')}
                </label>
                <FieldError id={`${consentId}-error`} code={consentError} />
                <button type="button" className="danger" onClick={() => onChange(people.filter((_, i) => i !== index))}>
                  {t('form.removePerson', { n })}
                </button>
              </div>
            </fieldset>
          );
        })}
        {people.length < reportLimits.people ? (
          <button type="button" onClick={() => onChange([...people, emptyPerson])}>
            {t('form.addPerson')}
          </button>
        ) : null}
        <FieldError id={`${fields.idFor('peopleAffected')}-error`} code={fields.errorAt('peopleAffected')} />
      </div>
    </fieldset>
  );
}
