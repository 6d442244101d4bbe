import type { Me } from '@veterans/shared'
import { useDidShow } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { useRef } from 'react'
import { Card, Notice, Paragraph } from '../../components'
import { LoadFailedNotice } from '../staff/dead-end-notices'
import { DeliveryList } from './delivery-list'
import { NoticeActions } from './notice-actions'
import { NoticeReach } from './notice-reach'
import { NoticeStatusCard } from './notice-status'
import { recipientCountLine } from './notice-words'
import { PhonePreview } from './phone-preview'
import { useNoticeScope } from './use-notice-scope'
import { useStaffNotice } from './use-staff-notice'
import './staff-notices.css'

/**
 * One notice: before sending, its status, recipient count, the steps (submit, approve, send) and the preview side by
 * side at a desk; once sent, how far it has reached, growing as the fan-out runs and people read it.
 */
export function NoticeDetail({ id, me }: { id: string; me: Me }) {
  const state = useStaffNotice(id, true)
  const place = useNoticeScope(me)
  const notice = state.notice.data
  // Back from editing the draft: show the saved version.
  const shownBefore = useRef(false)
  useDidShow(() => {
    if (shownBefore.current) void state.notice.reload()
    shownBefore.current = true
  })

  if (!notice) {
    if (state.notice.error) {
      return (
        <LoadFailedNotice
          error={state.notice.error}
          notFound='没有找到这条通知。'
          retry={() => void state.notice.reload()}
        />
      )
    }
    return <Paragraph muted>正在读取…</Paragraph>
  }

  const sentOrSending = notice.status === 'sending' || notice.status === 'sent'
  const names = { districtName: place.districtName, policyTitle: state.eligibilityTitle }
  const preview = state.preview
  const wechat = notice.stats.delivered.wechat
  const wechatTotal = wechat.pending + wechat.sent + wechat.failedTemporary + wechat.failedPermanent
  return (
    <View className='composer'>
      <View className='composer__fields'>
        <NoticeStatusCard notice={notice} names={names} />
        {state.notice.error && <Notice tone='error'>没能更新：{state.notice.error.message}</Notice>}
        {sentOrSending ? (
          <>
            {state.done === 'send' && (
              <Notice tone='success'>已开始发送。收件人会陆续在小程序“消息”里看到，下面的数字会自动更新。</Notice>
            )}
            <NoticeReach notice={notice} refreshing={state.refreshing} />
            {/* The per-recipient list only when someone is to get a WeChat copy (the figures say so otherwise). */}
            {wechatTotal > 0 && (
              <DeliveryList
                noticeId={notice.id}
                version={`${wechat.sent}-${wechat.pending}-${wechat.failedTemporary}-${notice.status}`}
              />
            )}
          </>
        ) : (
          <>
            <Card title='收件人数'>
              {preview.data ? (
                <Notice tone={preview.data.count === 0 ? 'error' : 'info'}>{recipientCountLine(preview.data)}</Notice>
              ) : preview.error ? (
                <Notice tone='error'>没能算出收件人数：{preview.error.message}</Notice>
              ) : (
                <Paragraph muted>正在计算…</Paragraph>
              )}
            </Card>
            <NoticeActions state={state} me={me} />
          </>
        )}
      </View>
      <View className='composer__side'>
        <PhonePreview
          notice={{
            title: notice.title,
            body: notice.body,
            sentAt: notice.sentAt ?? notice.updatedAt,
            senderName: me.center?.name ?? 'M市退役军人事务局',
            ...(notice.policyId ? { policyId: notice.policyId, policyTitle: notice.policyTitle ?? undefined } : {})
          }}
        />
      </View>
    </View>
  )
}
