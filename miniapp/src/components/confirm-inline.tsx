import { useState, type ReactNode } from 'react'
import { ActionButton } from './action-button'
import { Paragraph } from './paragraph'

/**
 * A destructive action that asks first, on the page itself (a plain question and two large buttons), rather than in
 * a pop-up that older people may dismiss by accident. The answer that backs out should say what is kept
 * (不取消，保留预约): a bare 取消 next to 确定取消… could mean either.
 */
export function ConfirmInline(props: {
  trigger: string
  triggerLabel?: string
  question: ReactNode
  confirm: string
  /** The answer that backs out (default 先不了). */
  keep?: string
  busy?: boolean
  busyText?: string
  onConfirm: () => void
}) {
  const [asking, setAsking] = useState(false)
  if (!asking) {
    return (
      <ActionButton variant='danger' label={props.triggerLabel} onClick={() => setAsking(true)}>
        {props.trigger}
      </ActionButton>
    )
  }
  return (
    <>
      <Paragraph strong>{props.question}</Paragraph>
      <ActionButton variant='danger-solid' busy={props.busy} busyText={props.busyText} onClick={props.onConfirm}>
        {props.confirm}
      </ActionButton>
      <ActionButton variant='secondary' onClick={() => setAsking(false)}>
        {props.keep ?? '先不了'}
      </ActionButton>
    </>
  )
}
