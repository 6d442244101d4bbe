import { Picker, View } from '@tarojs/components'
import { FieldFrame, useFieldIds } from '../../components'

export interface SelectFieldProps<T extends string> {
  label: string
  options: ReadonlyArray<{ value: T; label: string }>
  value: T | ''
  onChange: (value: T) => void
  error?: string
}

/** Pick one of many (a center, a service): a labelled <select> in the browser, WeChat's picker in the mini-program. */
export function SelectField<T extends string>({ label, options, value, onChange, error }: SelectFieldProps<T>) {
  const ids = useFieldIds(undefined, error)
  const className = error ? 'field__input field__input--invalid' : 'field__input'
  if (process.env.TARO_ENV === 'h5') {
    return (
      <FieldFrame label={label} error={error} ids={ids}>
        <select
          id={ids.id}
          className={className}
          value={value}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={ids.describedBy}
          onChange={(event) => onChange(event.target.value as T)}
        >
          {value === '' && <option value=''>请选择</option>}
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
  const shown = index >= 0 ? options[index]!.label : '点这里选择'
  return (
    <FieldFrame label={label} error={error} ids={ids}>
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
