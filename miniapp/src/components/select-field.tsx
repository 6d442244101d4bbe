import { Picker, View } from '@tarojs/components'
import { FieldFrame, useFieldIds } from './field-frame'

export interface SelectFieldProps<T extends string> {
  label: string
  options: ReadonlyArray<{ value: T; label: string }>
  /** '' (or any value no option has): nothing chosen yet, and the placeholder shows. */
  value: T | ''
  onChange: (value: T) => void
  hint?: string
  error?: string
  /** Shown while nothing is chosen and no option has the empty value (a required choice). */
  placeholder?: string
}

/**
 * One of a list (a center, a filter, a district): a labelled <select> in the browser, WeChat's picker in the
 * mini-program. An option may have the empty value (全部, 不导入); a value no option has shows the placeholder.
 */
export function SelectField<T extends string>(props: SelectFieldProps<T>) {
  const { label, options, value, onChange, hint, error, placeholder = '请选择' } = props
  const ids = useFieldIds(hint, error)
  const className = error ? 'field__input field__input--invalid' : 'field__input'
  const known = options.some((option) => option.value === value)
  if (process.env.TARO_ENV === 'h5') {
    return (
      <FieldFrame label={label} hint={hint} error={error} ids={ids}>
        <select
          id={ids.id}
          className={className}
          value={value}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={ids.describedBy}
          onChange={(event) => onChange(event.target.value as T)}
        >
          {!known && <option value={value}>{placeholder}</option>}
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      </FieldFrame>
    )
  }
  const index = options.findIndex((option) => option.value === value)
  const shown = index >= 0 ? options[index]!.label : placeholder
  return (
    <FieldFrame label={label} hint={hint} error={error} ids={ids}>
      <Picker
        mode='selector'
        range={options.map((o) => o.label)}
        value={Math.max(0, index)}
        onChange={(e) => onChange(options[Number(e.detail.value)]!.value)}
      >
        <View
          className={`${className} field__picker`}
          ariaRole='button'
          ariaLabel={`${label}：${shown}${error ? `，${error}` : ''}`}
        >
          {shown}
        </View>
      </Picker>
    </FieldFrame>
  )
}
