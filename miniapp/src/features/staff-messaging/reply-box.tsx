import { Textarea } from '@tarojs/components'
import { useState } from 'react'
import { FieldFrame, useFieldIds } from '../../components'
import { REPLY_MAX } from './labels'
import { enterSends } from './queue-rules'
import './staff-messaging.css'

/** A desk: a mouse or trackpad (not a touch screen, whose Enter key people press for a new line). */
const hasFinePointer = () =>
  process.env.TARO_ENV === 'h5' && typeof window !== 'undefined' && window.matchMedia('(pointer: fine)').matches

/**
 * The reply (or internal note) being written. At a desk Enter sends and Shift+Enter starts a new line, as in chat
 * tools; the hint says so. An internal note is drawn differently so nobody mistakes it for a reply.
 */
export function ReplyBox(props: {
  label: string
  value: string
  onChange: (value: string) => void
  onSubmit: () => void
  internal: boolean
  error?: string
}) {
  const { label, value, onChange, onSubmit, internal, error } = props
  const [enterToSend] = useState(hasFinePointer)
  const hint = enterToSend ? '按 Enter 发送，Shift+Enter 换行' : `最多 ${REPLY_MAX} 字`
  const ids = useFieldIds(hint, error)
  const className = [
    'field__input',
    'reply-box',
    internal ? 'reply-box--internal' : '',
    error ? 'field__input--invalid' : ''
  ]
    .filter(Boolean)
    .join(' ')
  return (
    <FieldFrame label={label} hint={hint} error={error} ids={ids}>
      {process.env.TARO_ENV === 'h5' ? (
        <textarea
          id={ids.id}
          className={className}
          rows={4}
          maxLength={REPLY_MAX}
          value={value}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={ids.describedBy}
          onChange={(event) => onChange(event.target.value)}
          onKeyDown={(event) => {
            if (
              !enterToSend ||
              !enterSends({ key: event.key, shiftKey: event.shiftKey, isComposing: event.nativeEvent.isComposing })
            )
              return
            event.preventDefault()
            onSubmit()
          }}
        />
      ) : (
        <Textarea
          className={className}
          value={value}
          maxlength={REPLY_MAX}
          autoHeight
          ariaLabel={error ? `${label}，${error}` : label}
          onInput={(event) => onChange(event.detail.value)}
        />
      )}
    </FieldFrame>
  )
}
