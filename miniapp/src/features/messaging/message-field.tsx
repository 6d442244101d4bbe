import { Text } from '@tarojs/components'
import { TextAreaField } from '../../components'
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
  const { value, maxLength, rows = 5 } = props
  const counter = `${value.length}/${maxLength} 字`
  const counterClass = value.length > maxLength ? 'counter counter--over' : 'counter'
  return (
    <>
      <TextAreaField {...props} rows={rows} inputClassName='message-field' />
      {process.env.TARO_ENV === 'h5' ? (
        <span className={counterClass}>已写 {counter}</span>
      ) : (
        <Text className={counterClass}>已写 {counter}</Text>
      )}
    </>
  )
}
