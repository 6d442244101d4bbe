import { Textarea } from '@tarojs/components'
import { FieldFrame, useFieldIds } from './field-frame'

/** A labelled multi-line field with its hint and error (a <textarea> with <label> in the browser). */
export function TextAreaField(props: {
  label: string
  value: string
  onChange: (value: string) => void
  hint?: string
  error?: string
  maxLength: number
  rows?: number
  /** A class of the caller's own for the input (e.g. a taller box). */
  inputClassName?: string
}) {
  const { label, value, onChange, hint, error, maxLength, rows = 4, inputClassName } = props
  const ids = useFieldIds(hint, error)
  const className = ['field__input', error && 'field__input--invalid', 'field__textarea', inputClassName]
    .filter(Boolean)
    .join(' ')
  return (
    <FieldFrame label={label} hint={hint} error={error} ids={ids}>
      {process.env.TARO_ENV === 'h5' ? (
        <textarea
          id={ids.id}
          className={className}
          rows={rows}
          maxLength={maxLength}
          value={value}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={ids.describedBy}
          onChange={(event) => onChange(event.target.value)}
        />
      ) : (
        <Textarea
          className={className}
          value={value}
          maxlength={maxLength}
          autoHeight
          ariaLabel={error ? `${label}，${error}` : label}
          onInput={(event) => onChange(event.detail.value)}
        />
      )}
    </FieldFrame>
  )
}
