import { useId, useMemo, useState, type FormEvent } from 'react';
import { actors } from '../../domain/actors';
import type { FieldError } from '../../domain/fieldError';
import { fieldLabelKey } from '../../domain/fieldLabelKey';
import { freedoms } from '../../domain/freedoms';
import { incidentTypes } from '../../domain/incidentTypes';
import { reportLimits } from '../../domain/reportLimits';
import { sources, type Source } from '../../domain/sources';
import { validateReport } from '../../domain/validateReport';
import type { SaveFailure } from '../../store/storeApi';
import { CheckboxGroup } from '../components/CheckboxGroup';
import { SelectField } from '../components/SelectField';
import { TextAreaField } from '../components/TextAreaField';
import { TextField } from '../components/TextField';
import { useT } from '../i18n/useT';
import { useSession } from '../shell/SessionContext';
import { changeFormIncidentType } from './changeFormIncidentType';
import { DetailFields } from './DetailFields';
import { ErrorSummary } from './ErrorSummary';
import { formFields, quickPaths } from './formFieldIds';
import type { FormState } from './formState';
import { LegalBasisFields } from './LegalBasisFields';
import { OutcomeFields } from './OutcomeFields';
import { PeopleFields } from './PeopleFields';
import { reportInputFromFormState } from './reportInputFromFormState';
import { WhenFields } from './WhenFields';
import { whenForPrecision } from './whenForPrecision';

export interface ReportFormScreenProps {
  readonly initial: FormState;
  /** Editing a saved report: saving adds a version under the same id. */
  readonly amendment: boolean;
  /** Opened from a draft kept while locked or left unsaved: it counts as unsaved from the start. */
  readonly fromDraft: boolean;
  /** Say "Draft restored" (the draft came back after unlock). */
  readonly restored: boolean;
  /** Put the cursor on the incident type ("New report" did not choose one). */
  readonly chooseType: boolean;
  /** Why the last encrypted autosave failed, if it did. */
  readonly draftProblem: Exclude<SaveFailure, 'locked'> | null;
  readonly onChange: (state: FormState) => void;
  readonly onDirtyChange: (dirty: boolean) => void;
  readonly onSaved: () => void;
  readonly onBack: (dirty: boolean) => void;
  readonly onDiscard: () => void;
}

/** The report form. First screenful: type, when, city, what happened; everything else under "More details". */
export function ReportFormScreen(props: ReportFormScreenProps) {
  const { t } = useT();
  const session = useSession();
  const prefix = useId();
  const [state, setState] = useState(props.initial);
  const [dirty, setDirty] = useState(props.fromDraft);
  const [attempt, setAttempt] = useState(0);
  const [saving, setSaving] = useState(false);
  const [saveProblem, setSaveProblem] = useState<SaveFailure | null>(null);
  const [moreOpen, setMoreOpen] = useState(false);
  const [confirmDiscard, setConfirmDiscard] = useState(false);

  // After the first refused save, errors follow the input live, so a fixed field clears at once.
  const errors: readonly FieldError[] = useMemo(() => {
    if (attempt === 0) return [];
    const validation = validateReport(reportInputFromFormState(state));
    return validation.ok ? [] : validation.errors;
  }, [attempt, state]);
  const fields = formFields(prefix, errors);

  const update = (patch: Partial<FormState>) => {
    const next = { ...state, ...patch };
    setState(next);
    setSaveProblem(null);
    if (!dirty) {
      setDirty(true);
      props.onDirtyChange(true);
    }
    props.onChange(next);
  };

  const labelFor = (path: string): string => {
    const own = ownLabels[path];
    const label = own === undefined ? t(`domain:${fieldLabelKey(path)}` as 'domain:fields._') : t(own);
    const row = /\.(\d+)(\.|$)/.exec(path);
    return row?.[1] === undefined ? label : `${label} (${String(Number(row[1]) + 1)})`;
  };

  const goTo = (path: string) => {
    if (!quickPaths.has(path)) setMoreOpen(true);
    // The disclosure renders its content on the next frame; focus after that.
    requestAnimationFrame(() => document.getElementById(fields.idFor(path))?.focus());
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (saving) return;
    const validation = validateReport(reportInputFromFormState(state));
    if (!validation.ok) {
      setAttempt((n) => n + 1);
      if (validation.errors.some((error) => !quickPaths.has(error.path))) setMoreOpen(true);
      return;
    }
    setSaving(true);
    setSaveProblem(null);
    const result = await session.saveReport(validation.value);
    setSaving(false);
    if (result.ok) {
      props.onSaved();
      return;
    }
    // The input stays in the form (and in the encrypted draft) whatever went wrong.
    setSaveProblem(result.reason);
  };

  const typeOptions = incidentTypes.map((type) => ({ value: type, label: t(`domain:incidentTypes.${type}`) }));
  const sourceOptions: { value: Source | ''; label: string }[] = [
    { value: '', label: t('form.notSpecified') },
    ...sources.map((source) => ({ value: source, label: t(`domain:sources.${source}`) })),
  ];

  return (
    <main className="stack">
      <h1>{t(props.amendment ? 'form.editTitle' : 'form.newTitle')}</h1>
      {props.restored ? (
        <p role="status" className="notice ok">
          {t('form.draftRestored')}
        </p>
      ) : null}
      {props.draftProblem === null ? null : <p className="notice warn">{t(`form.draftProblem.${props.draftProblem}`)}</p>}
      <ErrorSummary errors={errors} fields={fields} attempt={attempt} labelFor={labelFor} onGoTo={goTo} />
      <form className="stack" onSubmit={(event) => void save(event)} noValidate autoComplete="off">
        <SelectField
          id={fields.idFor('incidentType')}
          label={t('form.incidentType')}
          value={state.incidentType}
          options={typeOptions}
          onChange={(type) => update(changeFormIncidentType(state, type))}
          error={fields.errorAt('incidentType')}
          hint={t(`domain:incidentTypeHints.${state.incidentType}`)}
          autoFocus={props.chooseType}
        />
        <WhenFields
          value={state.whenValue}
          precision={state.whenPrecision}
          fields={fields}
          onChange={(value, precision) =>
            update({ whenPrecision: precision, whenValue: whenForPrecision(value, state.whenPrecision, precision) })
          }
        />
        <TextField
          id={fields.idFor('where.city')}
          label={t('form.city')}
          value={state.city}
          onChange={(city) => update({ city })}
          error={fields.errorAt('where.city')}
          maxLength={reportLimits.shortText}
          required
        />
        <TextAreaField
          id={fields.idFor('narrative')}
          label={t('form.narrative')}
          value={state.narrative}
          onChange={(narrative) => update({ narrative })}
          error={fields.errorAt('narrative')}
          maxLength={reportLimits.narrative}
          rows={7}
          required
        />

        <details className="more" open={moreOpen} onToggle={(event) => setMoreOpen(event.currentTarget.open)}>
          <summary>{t('form.moreDetails')}</summary>
          {moreOpen ? (
            <div className="stack">
              <div className="row">
                <TextField
                  id={fields.idFor('where.region')}
                  label={t('domain:fields.where.region')}
                  value={state.region}
                  onChange={(region) => update({ region })}
                  error={fields.errorAt('where.region')}
                  maxLength={reportLimits.shortText}
                />
                <TextField
                  id={fields.idFor('where.venue')}
                  label={t('domain:fields.where.venue')}
                  value={state.venue}
                  onChange={(venue) => update({ venue })}
                  error={fields.errorAt('where.venue')}
                  maxLength={reportLimits.shortText}
                />
              </div>
              <DetailFields
                incidentType={state.incidentType}
                values={state.details}
                fields={fields}
                onChange={(key, value) => update({ details: { ...state.details, [key]: value } })}
              />
              <PeopleFields people={state.people} fields={fields} onChange={(people) => update({ people })} />
              <CheckboxGroup
                id={fields.idFor('actors')}
                legend={t('domain:fields.actors')}
                options={actors.map((actor) => ({ value: actor, label: t(`domain:actors.${actor}`) }))}
                selected={state.actors}
                onChange={(selected) => update({ actors: selected })}
                error={fields.errorAt('actors')}
              />
              <TextField
                id={fields.idFor('numberAffected')}
                label={t('domain:fields.numberAffected')}
                value={state.numberAffected}
                onChange={(numberAffected) => update({ numberAffected })}
                error={fields.errorAt('numberAffected')}
                inputMode="numeric"
              />
              <LegalBasisFields rows={state.legalBasis} fields={fields} onChange={(legalBasis) => update({ legalBasis })} />
              <OutcomeFields value={state} fields={fields} onChange={update} />
              <SelectField
                id={fields.idFor('source')}
                label={t('domain:fields.source')}
                value={state.source}
                options={sourceOptions}
                onChange={(source) => update({ source })}
                error={fields.errorAt('source')}
              />
              <TextAreaField
                id={fields.idFor('verification')}
                label={t('domain:fields.verification')}
                value={state.verification}
                onChange={(verification) => update({ verification })}
                error={fields.errorAt('verification')}
                maxLength={reportLimits.longText}
                rows={3}
              />
              <CheckboxGroup
                id={fields.idFor('freedoms')}
                legend={t('domain:fields.freedoms')}
                options={freedoms.map((freedom) => ({ value: freedom, label: t(`domain:freedoms.${freedom}`) }))}
                selected={state.freedoms}
                onChange={(selected) => update({ freedoms: selected })}
                error={fields.errorAt('freedoms')}
              />
            </div>
          ) : null}
        </details>

        {saveProblem === null ? null : (
          <p role="alert" className="notice error">
            {t(`form.saveFailed.${saveProblem}`)}
          </p>
        )}
        <button type="submit" className="primary" disabled={saving}>
          {t('form.save')}
        </button>
        {saving ? (
          <p role="status" className="notice">
            {t('form.saving')}
          </p>
        ) : null}
      </form>

      {confirmDiscard ? (
        <div className="notice warn stack" role="group" aria-labelledby={`${prefix}-discard`}>
          <p id={`${prefix}-discard`}>{t('form.discardQuestion')}</p>
          <div className="button-row">
            <button type="button" className="danger" onClick={props.onDiscard}>
              {t('form.discardConfirm')}
            </button>
            <button type="button" onClick={() => setConfirmDiscard(false)}>
              {t('form.keepEditing')}
            </button>
          </div>
        </div>
      ) : (
        <div className="button-row">
          <button type="button" onClick={() => props.onBack(dirty)}>
            {t('common.back')}
          </button>
          {dirty ? (
            <button type="button" className="danger" onClick={() => setConfirmDiscard(true)}>
              {t('form.discard')}
            </button>
          ) : null}
        </div>
      )}
    </main>
  );
}

/** The four first-screen fields carry the app's own short labels (the end-to-end tests drive these names). */
const ownLabels: Readonly<Record<string, 'form.incidentType' | 'form.when' | 'form.city' | 'form.narrative'>> = {
  incidentType: 'form.incidentType',
  'when.value': 'form.when',
  'where.city': 'form.city',
  narrative: 'form.narrative',
};
