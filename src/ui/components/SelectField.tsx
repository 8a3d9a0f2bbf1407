import type { FieldErrorCode } from '../../domain/fieldError';
import { describedBy } from './describedBy';
import { FieldError } from './FieldError';

export interface SelectOption<V extends string> {
  readonly value: V;
  readonly label: string;
}

export interface SelectFieldProps<V extends string> {
  readonly id: string;
  readonly label: string;
  readonly value: V;
  readonly options: readonly SelectOption<V>[];
  readonly onChange: (value: V) => void;
  readonly error?: FieldErrorCode | undefined;
  readonly hint?: string | undefined;
  readonly required?: boolean;
  readonly autoFocus?: boolean;
}

export function SelectField<V extends string>(props: SelectFieldProps<V>) {
  const { id, label, value, options, onChange, error, hint } = props;
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint === undefined ? null : (
        <span id={hintId} className="hint">
          {hint}
        </span>
      )}
      <select
        id={id}
        value={value}
        onChange={(event) => {
          // The options are exactly `options`, so the browser can only hand back one of their values.
          const chosen = options.find((option) => option.value === event.target.value);
          if (chosen !== undefined) onChange(chosen.value);
        }}
        aria-invalid={error === undefined ? undefined : true}
        aria-describedby={describedBy(hint !== undefined && hintId, error !== undefined && errorId)}
        required={props.required}
        autoFocus={props.autoFocus}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <FieldError id={errorId} code={error} />
    </div>
  );
}
