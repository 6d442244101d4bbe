import { Picker, View } from '@tarojs/components'
import { FieldFrame, useFieldIds } from '../staff-policies/field-frame'
import '../staff-policies/staff-policies.css'

/** A time of day (HH:mm): the browser's time input, or WeChat's time picker. */
export function TimeField({ label, value, onChange, error }: { label: string; value: string; onChange: (value: string) => void; error?: string }) {
  const ids = useFieldIds(undefined, error)
  const className = error ? 'field__input field__input--invalid' : 'field__input'
  if (process.env.TARO_ENV === 'h5') {
    return (
      <FieldFrame label={label} error={error} ids={ids}>
        <input
          id={ids.id}
          className={className}
          type='time'
          value={value}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={ids.describedBy}
          onChange={(event) => onChange(event.target.value)}
        />
      </FieldFrame>
    )
  }
  return (
    <FieldFrame label={label} error={error} ids={ids}>
      <Picker mode='time' value={value} onChange={(event) => onChange(String(event.detail.value))}>
        <View className={`${className} field__picker`} ariaRole='button' ariaLabel={`${label}：${value || '未选择'}${error ? `，${error}` : ''}`}>
          {value || '点这里选择时间'}
        </View>
      </Picker>
    </FieldFrame>
  )
}
