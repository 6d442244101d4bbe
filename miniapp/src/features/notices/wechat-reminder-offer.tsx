import type { MessageKind } from '@veterans/shared'
import { ActionButton, Card, Notice, Paragraph } from '../../components'
import { useWechatReminders } from './use-wechat-reminders'

export interface WechatReminderOfferProps {
  kinds: readonly MessageKind[]
  /** What the reminder will tell the person, in one sentence. */
  why: string
}

/**
 * 开启微信提醒, offered at a natural moment (a booking made, a question sent): in the mini-program only, and only
 * when the server can send WeChat messages. Nothing is asked until the person taps.
 */
export function WechatReminderOffer(props: WechatReminderOfferProps) {
  if (process.env.TARO_ENV !== 'weapp') return null
  return <Offer {...props} />
}

function Offer({ kinds, why }: WechatReminderOfferProps) {
  const reminders = useWechatReminders(kinds)
  if (!reminders.available) return null
  const { state, ask } = reminders
  return (
    <Card title='微信提醒'>
      {(state === 'ready' || state === 'asking' || state === 'failed') && <Paragraph>{why}</Paragraph>}
      {state === 'on' && (
        <Notice tone='success'>已开启微信提醒。微信每同意一次只能提醒一次，下次办事时可以再开启。</Notice>
      )}
      {state === 'declined' && (
        <Notice>没有开启微信提醒。消息仍会显示在“消息”里；以后可以在“我的 → 消息设置”中开启。</Notice>
      )}
      {state === 'failed' && <Notice tone='error'>没能开启微信提醒，请再点一次。</Notice>}
      {state !== 'on' && state !== 'declined' && (
        <ActionButton variant='secondary' busy={state === 'asking'} busyText='请在弹出的窗口中选择…' onClick={ask}>
          开启微信提醒
        </ActionButton>
      )}
    </Card>
  )
}
