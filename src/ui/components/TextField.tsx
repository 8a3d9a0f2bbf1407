import type { HTMLInputTypeAttribute } from 'react';
import type { FieldErrorCode } from '../../domain/fieldError';
import { describedBy } from './describedBy';
import { FieldError } from './FieldError';

export interface TextFieldProps {
  readonly id: string;
  readonly label: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly type?: HTMLInputTypeAttribute;
  readonly error?: FieldErrorCode | undefined;
  readonly hint?: string | undefined;
  readonly maxLength?: number;
  readonly inputMode?: 'text' | 'numeric' | 'decimal';
  readonly autoComplete?: string;
  readonly required?: boolean;
}

/** A labelled input (<label for>), with its error and hint announced through aria-describedby. */
export function TextField(props: TextFieldProps) {
  const { id, label, value, onChange, error, hint } = props;
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
      <input
        id={id}
        type={props.type ?? 'text'}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={error === undefined ? undefined : true}
        aria-describedby={describedBy(hint !== undefined && hintId, error !== undefined && errorId)}
        maxLength={props.maxLength}
        inputMode={props.inputMode}
        // Typed report text must not end up in the browser's autofill history on disk (P1).
        autoComplete={props.autoComplete ?? 'off'}
        // Phone keyboards learn words typed into fields with spellcheck or autocorrect on, and suggest them later.
        spellCheck={false}
        autoCorrect="off"
        required={props.required}
      />
      <FieldError id={errorId} code={error} />
    </div>
  );
}
