import { Picker, View } from '@tarojs/components'
import { formatCalendarDate } from '../policies/labels'
import { FieldFrame, useFieldIds } from './field-frame'
import './staff-policies.css'

/** A calendar date (YYYY-MM-DD): the browser's date input, or WeChat's date picker; optional dates can be cleared. */
export function DateField(props: { label: string; value: string; onChange: (value: string) => void; hint?: string; error?: string; optional?: boolean }) {
  const { label, value, onChange, hint, error, optional } = props
  const ids = useFieldIds(hint, error)
  const className = error ? 'field__input field__input--invalid' : 'field__input'
  if (process.env.TARO_ENV === 'h5') {
    return (
      <FieldFrame label={label} hint={hint} error={error} ids={ids}>
        <input
          id={ids.id}
          className={className}
          type='date'
          value={value}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={ids.describedBy}
          onChange={(event) => onChange(event.target.value)}
        />
      </FieldFrame>
    )
  }
  return (
    <FieldFrame label={label} hint={hint} error={error} ids={ids}>
      <Picker mode='date' value={value} onChange={(event) => onChange(String(event.detail.value))}>
        <View
          className={`${className} field__picker`}
          ariaRole='button'
          ariaLabel={`${label}：${value ? formatCalendarDate(value) : '未选择'}${error ? `，${error}` : ''}`}
        >
          {value ? formatCalendarDate(value) : '点这里选择日期'}
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
