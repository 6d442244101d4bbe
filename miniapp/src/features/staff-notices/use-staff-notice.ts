import type { StaffNotice } from '@veterans/shared'
import { useEffect, useState } from 'react'
import { ApiError, newIdempotencyKey, policiesApi, staffNoticesApi, useAction, useRequest } from '../../api'
import { taroStore } from '../../lib/key-value-store'
import { reachPollMs } from './reach-polling'
import { forgetSendKey, sendKeyFor } from './send-keys'
import { usePageVisible } from './use-page-visible'

export type NoticeStep = 'submit' | 'approve' | 'send' | 'remove'

/** What each refusal means for the staff member, added to the server's message. */
const NEXT_STEP: Record<string, string> = {
  SELF_APPROVAL:
    '发给全市的通知，要由起草人以外的另一位工作人员或管理员审核通过后才能发送。请同事登录工作台，在“通知推送”的“待审核”里打开它。',
  INVALID_STATE: '这条通知的状态刚刚变了，页面已经更新，请看最新状态再操作。'
}

const BEFORE_SENDING = new Set(['draft', 'pending', 'approved'])

/**
 * One notice on its page: the notice with its reach figures (refreshed every few seconds while it is being sent
 * and while reads may still come, and only while the page is seen), how many it would reach before it is sent, and
 * the steps on it. Sending keeps one Idempotency-Key per notice across retries (send-keys.ts).
 */
export function useStaffNotice(id: string, enabled: boolean) {
  const notice = useRequest(() => staffNoticesApi.get(id), `staff-notice-${id}`, enabled && id !== '')
  const data = notice.data
  const beforeSending = !!data && BEFORE_SENDING.has(data.status)
  const preview = useRequest(
    () => staffNoticesApi.audiencePreview(id),
    `notice-preview-${id}-${data?.status ?? ''}`,
    beforeSending
  )
  const eligibilityId = data?.audience.eligibleForPolicyId
  const eligibility = useRequest(
    () => policiesApi.get(eligibilityId ?? ''),
    `notice-eligibility-${eligibilityId ?? ''}`,
    !!eligibilityId
  )

  const visible = usePageVisible()
  const pollMs = data ? reachPollMs(data, Date.now()) : null
  const reload = notice.reload
  useEffect(() => {
    if (!visible || pollMs === null) return
    const timer = setInterval(() => void reload(), pollMs)
    return () => clearInterval(timer)
  }, [visible, pollMs, reload])

  const [done, setDone] = useState<NoticeStep | null>(null)
  const [sentTo, setSentTo] = useState<number | null>(null)
  const step = useAction(async (kind: NoticeStep): Promise<StaffNotice | null> => {
    setDone(null)
    try {
      if (kind === 'remove') {
        await staffNoticesApi.remove(id)
        setDone('remove')
        return null
      }
      if (kind === 'send') {
        const key = sendKeyFor(taroStore, id, newIdempotencyKey)
        try {
          const result = await staffNoticesApi.send(id, key)
          setSentTo(result.recipientCount)
        } catch (error) {
          // A definite refusal is final for this key; a lost answer keeps it, so the retry cannot send twice.
          if (error instanceof ApiError && error.status >= 400 && error.status < 500) forgetSendKey(taroStore, id)
          throw error
        }
        await notice.reload()
        setDone('send')
        return null
      }
      const updated = kind === 'submit' ? await staffNoticesApi.submit(id) : await staffNoticesApi.approve(id)
      notice.setData(updated)
      setDone(kind)
      return updated
    } catch (error) {
      // Someone else moved it on meanwhile: show where it stands now, with the refusal.
      if ((error as { code?: string }).code === 'INVALID_STATE') void notice.reload()
      throw error
    }
  })
  const refusal = step.error
    ? [step.error.message.replace(/[。.]$/, ''), NEXT_STEP[step.error.code]].filter(Boolean).join('。')
    : undefined

  return {
    notice,
    preview,
    eligibilityTitle: eligibility.data?.title,
    run: step.run,
    pending: step.pending,
    refusal,
    done,
    sentTo,
    refreshing: pollMs !== null && visible
  }
}

export type StaffNoticeState = ReturnType<typeof useStaffNotice>
