import type { FieldErrorCode } from '../../domain/fieldError';
import { describedBy } from './describedBy';
import { FieldError } from './FieldError';

export interface TextAreaFieldProps {
  readonly id: string;
  readonly label: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly error?: FieldErrorCode | undefined;
  readonly hint?: string | undefined;
  readonly maxLength?: number;
  readonly rows?: number;
  readonly required?: boolean;
}

export function TextAreaField(props: TextAreaFieldProps) {
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
      <textarea
        id={id}
        value={value}
        rows={props.rows ?? 6}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={error === undefined ? undefined : true}
        aria-describedby={describedBy(hint !== undefined && hintId, error !== undefined && errorId)}
        maxLength={props.maxLength}
        autoComplete="off"
        // Phone keyboards learn words typed into fields with spellcheck or autocorrect on, and suggest them later.
        spellCheck={false}
        autoCorrect="off"
        required={props.required}
      />
      <FieldError id={errorId} code={error} />
    </div>
  );
}
