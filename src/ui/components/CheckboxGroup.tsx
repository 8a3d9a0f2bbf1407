import type { FieldErrorCode } from '../../domain/fieldError';
import { describedBy } from './describedBy';
import { FieldError } from './FieldError';

export interface CheckboxGroupProps<V extends string> {
  readonly id: string;
  readonly legend: string;
  readonly options: readonly { readonly value: V; readonly label: string }[];
  readonly selected: readonly V[];
  readonly onChange: (selected: V[]) => void;
  readonly error?: FieldErrorCode | undefined;
}

/** A fieldset of checkboxes; the selection keeps the options' order, so saved lists are stable. */
export function CheckboxGroup<V extends string>(props: CheckboxGroupProps<V>) {
  const { id, legend, options, selected, onChange, error } = props;
  const errorId = `${id}-error`;
  const toggle = (value: V, on: boolean) => {
    const next = new Set(selected);
    if (on) next.add(value);
    else next.delete(value);
    onChange(options.map((option) => option.value).filter((option) => next.has(option)));
  };
  return (
    <fieldset aria-describedby={describedBy(error !== undefined && errorId)}>
      <legend>{legend}</legend>
      <div className="checks">
        {options.map((option) => (
          <label key={option.value} className="check" htmlFor={`${id}-${option.value}`}>
            <input
              id={`${id}-${option.value}`}
              type="checkbox"
              checked={selected.includes(option.value)}
              onChange={(event) => toggle(option.value, event.target.checked)}
            />
            {option.label}
          </label>
        ))}
      </div>
      <FieldError id={errorId} code={error} />
    </fieldset>
  );
}
