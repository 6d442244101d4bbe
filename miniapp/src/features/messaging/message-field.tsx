import { Text, Textarea } from '@tarojs/components'
import { FieldFrame, useFieldIds } from '../../components'
import './messaging.css'

/** A labelled multi-line field for a message, with a counter of characters against the limit. */
export function MessageField(props: {
  label: string
  value: string
  onChange: (value: string) => void
  maxLength: number
  hint?: string
  error?: string
  rows?: number
}) {
  const { label, value, onChange, maxLength, hint, error, rows = 5 } = props
  const ids = useFieldIds(hint, error)
  const className = error ? 'field__input field__input--invalid message-field' : 'field__input message-field'
  const counter = `${value.length}/${maxLength} 字`
  const counterClass = value.length > maxLength ? 'counter counter--over' : 'counter'
  return (
    <>
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
      {process.env.TARO_ENV === 'h5' ? (
        <span className={counterClass}>已写 {counter}</span>
      ) : (
        <Text className={counterClass}>已写 {counter}</Text>
      )}
    </>
  )
}
