import { Picker, View } from '@tarojs/components'
import { formatCalendarDate } from '../lib/format'
import { FieldFrame, useFieldIds } from './field-frame'

interface PickerFieldProps {
  label: string
  value: string
  onChange: (value: string) => void
  hint?: string
  error?: string
  /** An optional value: offers 清除 once one is chosen. */
  optional?: boolean
}

const KINDS = {
  date: { noun: '日期', shown: formatCalendarDate },
  time: { noun: '时间', shown: (value: string) => value }
} as const

/**
 * A date (YYYY-MM-DD) or a time of day (HH:mm): the browser's own date/time input, or WeChat's picker showing the
 * value in words.
 */
function PickerField({
  mode,
  label,
  value,
  onChange,
  hint,
  error,
  optional
}: PickerFieldProps & { mode: keyof typeof KINDS }) {
  const ids = useFieldIds(hint, error)
  const className = error ? 'field__input field__input--invalid' : 'field__input'
  if (process.env.TARO_ENV === 'h5') {
    return (
      <FieldFrame label={label} hint={hint} error={error} ids={ids}>
        <input
          id={ids.id}
          className={className}
          type={mode}
          value={value}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={ids.describedBy}
          onChange={(event) => onChange(event.target.value)}
        />
      </FieldFrame>
    )
  }
  const { noun, shown } = KINDS[mode]
  return (
    <FieldFrame label={label} hint={hint} error={error} ids={ids}>
      <Picker mode={mode} value={value} onChange={(event) => onChange(String(event.detail.value))}>
        <View
          className={`${className} field__picker`}
          ariaRole='button'
          ariaLabel={`${label}：${value ? shown(value) : '未选择'}${error ? `，${error}` : ''}`}
        >
          {value ? shown(value) : `点这里选择${noun}`}
        </View>
      </Picker>
      {optional && value && (
        <View className='link' ariaRole='button' onClick={() => onChange('')}>
          清除{label}
        </View>
      )}
    </FieldFrame>
  )
}

export const DateField = (props: PickerFieldProps) => <PickerField mode='date' {...props} />

export const TimeField = (props: PickerFieldProps) => <PickerField mode='time' {...props} />
