import type { MessageKind, Preference } from '@veterans/shared'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { noticesApi, useAction, useRequest } from '../../api'
import { ActionButton, Card, Notice, Paragraph, SwitchRow } from '../../components'
import { subscriptionResults } from './wechat-subscriptions'

const isWeapp = process.env.TARO_ENV === 'weapp'

/** Why a kind cannot be turned off in 消息, in the person's terms. */
const LOCKED_WHY: Partial<Record<MessageKind, string>> = {
  booking: '预约成功、变动和前一天的提醒关系到您能否按时办事，一定会告诉您，不能关闭。',
  security: '有人登录或账号异常时必须告诉您，不能关闭。'
}

/**
 * 消息设置: per kind of message, whether it shows in 消息 (booking and security ones always do, and it says why)
 * and, when the server can send them, whether it also comes as a WeChat reminder.
 */
export function MessageSettings() {
  const preferences = useRequest(() => noticesApi.preferences(), 'message-preferences')
  const [saved, setSaved] = useState<string | null>(null)
  const save = useAction(async (kind: MessageKind, change: { inbox?: boolean; wechat?: boolean }) => {
    setSaved(null)
    const updated = await noticesApi.updatePreferences({ items: [{ kind, ...change }] })
    preferences.setData(updated)
    setSaved('已保存')
    return updated
  })

  if (preferences.loading && !preferences.data) return <Paragraph muted>正在读取设置…</Paragraph>
  if (!preferences.data)
    return (
      <>
        <Notice tone='error'>没能读取消息设置：{preferences.error?.message ?? '请稍后再试'}</Notice>
        <ActionButton variant='secondary' onClick={() => void preferences.reload()}>
          重试
        </ActionButton>
      </>
    )

  const { wechatEnabled, items } = preferences.data
  /** Turning on 微信提醒 in the mini-program asks WeChat's permission for that template in the same tap. */
  const setWechat = (item: Preference, on: boolean) => {
    if (on && isWeapp && item.templateId) {
      const templateId = item.templateId
      Taro.requestSubscribeMessage({ tmplIds: [templateId] } as unknown as Taro.requestSubscribeMessage.Option).then(
        (answer) => {
          const results = subscriptionResults([templateId], answer as unknown as Record<string, unknown>)
          if (results.length > 0) void noticesApi.recordSubscriptions({ results }).catch(() => undefined)
        },
        () => undefined
      )
    }
    void save.run(item.kind, { wechat: on })
  }

  return (
    <>
      <Paragraph>选择哪些消息显示在“消息”里{wechatEnabled ? '，哪些还要用微信提醒您' : ''}。</Paragraph>
      {items.map((item) => (
        <Card key={item.kind} title={item.label}>
          {item.inboxLocked ? (
            <>
              <Paragraph strong>在“消息”里显示：始终开启</Paragraph>
              <Paragraph muted small>
                {LOCKED_WHY[item.kind] ?? '这类消息一定会告诉您，不能关闭。'}
              </Paragraph>
            </>
          ) : (
            <SwitchRow
              label='在“消息”里显示'
              checked={item.inbox}
              busy={save.pending}
              onChange={(on) => void save.run(item.kind, { inbox: on })}
            />
          )}
          {wechatEnabled && item.templateId && (
            <SwitchRow
              label='微信提醒'
              description='在微信里收到提醒。微信每同意一次，只能提醒一次。'
              checked={item.wechat}
              busy={save.pending}
              onChange={(on) => setWechat(item, on)}
            />
          )}
        </Card>
      ))}
      {!wechatEnabled && <Paragraph muted>微信提醒暂未开通，所有消息都会显示在“消息”里。</Paragraph>}
      {save.error && <Notice tone='error'>没能保存：{save.error.message}</Notice>}
      {saved && !save.error && <Notice tone='success'>{saved}</Notice>}
    </>
  )
}
