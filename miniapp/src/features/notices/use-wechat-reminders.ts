import type { MessageKind } from '@veterans/shared'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { noticesApi, useRequest } from '../../api'
import { kindsToSwitchOn, subscriptionResults, templatesToRequest } from './wechat-subscriptions'

export type ReminderState = 'ready' | 'asking' | 'on' | 'declined' | 'failed'

const isWeapp = process.env.TARO_ENV === 'weapp'

/**
 * WeChat reminders for these kinds of message: available only in the mini-program and only when the server has
 * the WeChat channel with templates. `ask` must be called straight from a tap (WeChat refuses the request
 * otherwise, and it must never pop up by itself); the answers are recorded, and an accepted kind's 微信提醒 is
 * switched on.
 */
export function useWechatReminders(kinds: readonly MessageKind[]) {
  const preferences = useRequest(() => noticesApi.preferences(), `message-preferences-${kinds.join()}`, isWeapp)
  const templateIds = templatesToRequest(preferences.data, kinds)
  const [state, setState] = useState<ReminderState>('ready')

  const record = async (asked: string[], answer: Record<string, unknown>) => {
    const results = subscriptionResults(asked, answer)
    if (!results.some((r) => r.answer === 'accept')) {
      if (results.length > 0) await noticesApi.recordSubscriptions({ results }).catch(() => undefined)
      return setState('declined')
    }
    try {
      await noticesApi.recordSubscriptions({ results })
      const switchOn = preferences.data ? kindsToSwitchOn(preferences.data, results) : []
      if (switchOn.length > 0) preferences.setData(await noticesApi.updatePreferences({ items: switchOn }))
      setState('on')
    } catch {
      setState('failed')
    }
  }

  const ask = () => {
    if (!isWeapp || templateIds.length === 0 || state === 'asking') return
    setState('asking')
    const asked = [...templateIds]
    // Called in the tap itself; WeChat answers { [templateId]: 'accept' | 'reject' | 'ban' | 'filter' }.
    Taro.requestSubscribeMessage({ tmplIds: asked } as unknown as Taro.requestSubscribeMessage.Option).then(
      (answer) => void record(asked, answer as unknown as Record<string, unknown>),
      () => setState('failed')
    )
  }

  return { available: isWeapp && templateIds.length > 0, state, ask }
}
