import { Switch, Text, View } from '@tarojs/components'
import { useId } from 'react'

export interface SwitchRowProps {
  label: string
  description?: string
  checked: boolean
  onChange: (checked: boolean) => void
  busy?: boolean
}

/**
 * An on/off setting. In the browser a <button role="switch"> that also says its state in words (已开启 / 已关闭),
 * which is plainer for older people than a sliding knob; on WeChat the native switch.
 */
export function SwitchRow({ label, description, checked, onChange, busy }: SwitchRowProps) {
  const id = useId()
  if (process.env.TARO_ENV === 'h5') {
    return (
      <View className='switch-row'>
        <View className='switch-row__text'>
          <span className='switch-row__label' id={`${id}-label`}>
            {label}
          </span>
          {description && (
            <span className='text text--muted text--small' id={`${id}-desc`}>
              {description}
            </span>
          )}
        </View>
        <button
          type='button'
          role='switch'
          className={checked ? 'switch switch--on' : 'switch'}
          aria-checked={checked}
          aria-labelledby={`${id}-label`}
          aria-describedby={description ? `${id}-desc` : undefined}
          aria-busy={busy ? 'true' : undefined}
          onClick={() => !busy && onChange(!checked)}
        >
          {checked ? '已开启' : '已关闭'}
        </button>
      </View>
    )
  }
  return (
    <View className='switch-row'>
      <View className='switch-row__text'>
        <Text className='switch-row__label'>{label}</Text>
        {description && <Text className='text text--muted text--small'>{description}</Text>}
      </View>
      <Switch
        checked={checked}
        color='#a4161a'
        disabled={busy}
        ariaLabel={`${label}，${checked ? '已开启' : '已关闭'}`}
        onChange={(event) => onChange(event.detail.value)}
      />
    </View>
  )
}
