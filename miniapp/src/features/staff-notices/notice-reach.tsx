import type { StaffNotice } from '@veterans/shared'
import { View } from '@tarojs/components'
import { Card, KeyValues, Paragraph } from '../../components'
import { formatCount, readRate } from './notice-words'
import './staff-notices.css'

/** One big figure with its label (a term and its value in the browser's reading order). */
function Figure({ label, value, detail }: { label: string; value: string; detail?: string }) {
  if (process.env.TARO_ENV === 'h5') {
    return (
      <div className='reach__figure'>
        <dt className='reach__label'>{label}</dt>
        <dd className='reach__value'>
          {value}
          {detail && <span className='reach__detail'>{detail}</span>}
        </dd>
      </div>
    )
  }
  return (
    <View className='reach__figure' ariaLabel={`${label} ${value}${detail ?? ''}`}>
      <View className='reach__label'>{label}</View>
      <View className='reach__value'>
        {value}
        {detail && <View className='reach__detail'>{detail}</View>}
      </View>
    </View>
  )
}

/** How far the notice has reached: recipients, in their inboxes, read, and the WeChat copies. */
export function NoticeReach({ notice, refreshing }: { notice: StaffNotice; refreshing: boolean }) {
  const { recipients, read, delivered } = notice.stats
  const wechat = delivered.wechat
  const failed = wechat.failedTemporary + wechat.failedPermanent
  const wechatTotal = wechat.pending + wechat.sent + failed
  const figures = (
    <>
      <Figure label='收件人' value={`${formatCount(recipients)} 人`} />
      <Figure
        label='已进收件箱'
        value={`${formatCount(delivered.inbox)} 人`}
        detail={
          notice.status === 'sending' && recipients > 0 ? `（${readRate(delivered.inbox, recipients)}）` : undefined
        }
      />
      <Figure label='已读' value={`${formatCount(read)} 人`} detail={`（阅读率 ${readRate(read, recipients)}）`} />
    </>
  )
  return (
    <Card title='送达情况'>
      {process.env.TARO_ENV === 'h5' ? <dl className='reach'>{figures}</dl> : <View className='reach'>{figures}</View>}
      <Paragraph strong>微信订阅消息</Paragraph>
      {wechatTotal === 0 ? (
        <Paragraph muted>没有收件人订阅微信消息提醒，通知只在小程序的“消息”里。</Paragraph>
      ) : (
        <KeyValues
          rows={[
            ['已发到微信', `${formatCount(wechat.sent)} 人`],
            ['等待发送', `${formatCount(wechat.pending)} 人`],
            ['暂时失败（会重试）', `${formatCount(wechat.failedTemporary)} 人`],
            ['发送失败', `${formatCount(wechat.failedPermanent)} 人`]
          ]}
        />
      )}
      {refreshing && (
        <Paragraph muted small>
          {notice.status === 'sending' ? '正在发送，数字每隔几秒自动更新。' : '有人阅读时，数字会自动更新。'}
        </Paragraph>
      )}
    </Card>
  )
}
