import { useState, type ReactNode } from 'react'
import { ActionButton } from './action-button'
import { Paragraph } from './paragraph'

/**
 * A destructive action that asks first, on the page itself (a plain question and two large buttons), rather than in
 * a pop-up that older people may dismiss by accident.
 */
export function ConfirmInline(props: {
  trigger: string
  triggerLabel?: string
  question: ReactNode
  confirm: string
  busy?: boolean
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
      <ActionButton variant='danger-solid' busy={props.busy} onClick={props.onConfirm}>
        {props.confirm}
      </ActionButton>
      <ActionButton variant='secondary' onClick={() => setAsking(false)}>
        取消
      </ActionButton>
    </>
  )
}
