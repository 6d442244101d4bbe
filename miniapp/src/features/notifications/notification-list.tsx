import type { Notification } from '@veterans/shared'
import { beijingToday } from '@veterans/shared/rules'
import { Text, View } from '@tarojs/components'
import { ActionButton, Card, Notice, Paragraph } from '../../components'
import { openPage } from '../../shell/navigation'
import { momentText } from '../booking/dates'
import { Line } from '../booking/line'
import { bookingDetailUrl } from '../booking/pages'
import type { useNotifications } from './use-notifications'
import '../booking/booking.css'

/** 通知: what the person has been told (a waitlist promotion, a closed slot …), unread ones marked. */
export function NotificationsCard({ notifications }: { notifications: ReturnType<typeof useNotifications> }) {
  const { first, items, unreadCount, nextCursor, markRead, markAllRead, loadMore } = notifications
  const today = beijingToday()
  const open = (n: Notification, bookingId: string) => {
    if (!n.read) void markRead.run(n.id)
    openPage(bookingDetailUrl(bookingId))
  }
  return (
    <Card title='通知'>
      {first.loading && !first.data && <Paragraph muted>正在读取通知…</Paragraph>}
      {first.error && <Notice tone='error'>没能读取通知：{first.error.message}</Notice>}
      {first.data && items.length === 0 && (
        <Paragraph muted>还没有通知。预约结果、候补成功、时段变动等会在这里告诉您。</Paragraph>
      )}
      {first.data && items.length > 0 && (
        <>
          <Paragraph strong>{unreadCount > 0 ? `有 ${unreadCount} 条未读通知` : '通知都已读过'}</Paragraph>
          {unreadCount > 0 && (
            <ActionButton
              variant='secondary'
              busy={markAllRead.pending}
              busyText='正在标记…'
              onClick={() => void markAllRead.run()}
            >
              全部已读
            </ActionButton>
          )}
        </>
      )}
      {(markRead.error ?? markAllRead.error) && (
        <Notice tone='error'>{(markRead.error ?? markAllRead.error)!.message}</Notice>
      )}
      {items.map((n) => {
        const bookingId = typeof n.data.bookingId === 'string' ? n.data.bookingId : undefined
        return (
          <View className='list__item' key={n.id}>
            <Line tone='title'>
              {!n.read && <UnreadMark />}
              {n.title}
            </Line>
            <Line>{n.body}</Line>
            <Line tone='muted'>{momentText(n.createdAt, today)}</Line>
            {bookingId && (
              <ActionButton variant='secondary' label={`查看预约：${n.title}`} onClick={() => open(n, bookingId)}>
                查看预约
              </ActionButton>
            )}
            {!n.read && (
              <ActionButton variant='plain' label={`标为已读：${n.title}`} onClick={() => void markRead.run(n.id)}>
                标为已读
              </ActionButton>
            )}
          </View>
        )
      })}
      {loadMore.error && <Notice tone='error'>{loadMore.error.message}</Notice>}
      {nextCursor && (
        <ActionButton
          variant='secondary'
          busy={loadMore.pending}
          busyText='正在读取…'
          onClick={() => void loadMore.run()}
        >
          查看更早的通知
        </ActionButton>
      )}
    </Card>
  )
}

function UnreadMark() {
  if (process.env.TARO_ENV === 'h5') return <span className='pill unread-dot'>未读</span>
  return <Text className='pill unread-dot'>未读</Text>
}
