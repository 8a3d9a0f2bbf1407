import { incidentDetailFields } from '../../domain/incidentDetails';
import { defaultFreedoms, type IncidentType } from '../../domain/incidentTypes';
import type { FormState } from './formState';

/**
 * The form as if started as `incidentType`, by the same rule as domain changeIncidentType: details the new
 * type also has (same name and kind) stay, others go; freedoms follow the new type only if untouched.
 */
export function changeFormIncidentType(state: FormState, incidentType: IncidentType): FormState {
  if (state.incidentType === incidentType) return state;
  const oldFields: Readonly<Record<string, string>> = incidentDetailFields[state.incidentType];
  const newFields: Readonly<Record<string, string>> = incidentDetailFields[incidentType];
  const details = Object.fromEntries(
    Object.entries(state.details).filter(([key]) => {
      // A money field's text is kept under '<name>.amount' / '<name>.currency'.
      const name = key.split('.')[0] ?? key;
      return newFields[name] !== undefined && newFields[name] === oldFields[name];
    }),
  );
  const oldDefaults = defaultFreedoms[state.incidentType];
  const untouched = state.freedoms.length === oldDefaults.length && state.freedoms.every((freedom) => oldDefaults.includes(freedom));
  return { ...state, incidentType, details, freedoms: untouched ? [...defaultFreedoms[incidentType]] : state.freedoms };
}
