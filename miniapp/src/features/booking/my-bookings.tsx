import type { BookingPage, Me } from '@veterans/shared'
import { beijingToday } from '@veterans/shared/rules'
import { useDidShow } from '@tarojs/taro'
import { useState } from 'react'
import { bookingApi, useAction } from '../../api'
import { ActionButton, Card, Notice, Paragraph } from '../../components'
import { openPage, PAGES } from '../../shell/navigation'
import { BookingItem } from './booking-item'
import { momentText } from './dates'
import { loadMyBookings, MY_BOOKINGS_STORAGE_KEY } from './my-bookings-data'
import { useCachedRequest } from './use-cached-request'
import { WaitlistItem } from './waitlist-item'
import './booking.css'

/** 我的预约: upcoming, waitlist and past bookings (also those family made for me); kept for use offline. */
export function MyBookings({ me }: { me: Me }) {
  const mine = useCachedRequest(loadMyBookings, `my-bookings-${me.id}`, {
    storageKey: MY_BOOKINGS_STORAGE_KEY,
    userId: me.id
  })
  // Coming back from a booking (cancelled, moved, rated): show it as it is now.
  useDidShow(() => {
    if (mine.data) void mine.reload()
  })
  const [olderPages, setOlderPages] = useState<BookingPage[]>([])
  const more = useAction(async (cursor: string) => {
    const page = await bookingApi.list({ when: 'past', limit: 20, cursor })
    setOlderPages((pages) => [...pages, page])
    return page
  })
  const leave = useAction(async (entryId: string) => {
    await bookingApi.leaveWaitlist(entryId)
    await mine.reload()
    return true
  })

  if (mine.loading && !mine.data) return <Paragraph muted>正在读取您的预约…</Paragraph>
  if (mine.error || !mine.data)
    return <Notice tone='error'>没能读取您的预约：{mine.error?.message ?? '请稍后再试'}</Notice>

  const { upcoming, past, waitlist } = mine.data
  const pastItems = [...past.items, ...olderPages.flatMap((p) => p.items)]
  const nextCursor = olderPages.length > 0 ? olderPages[olderPages.length - 1]!.nextCursor : past.nextCursor
  const waiting = waitlist.items
  const empty = upcoming.items.length === 0 && pastItems.length === 0 && waiting.length === 0

  return (
    <>
      {mine.savedAt && (
        <Notice>
          现在连不上网络，下面是之前保存的内容（更新于 {momentText(mine.savedAt, beijingToday())}
          ），签到码仍可出示。联网后会自动更新。
        </Notice>
      )}
      {empty && (
        <Card>
          <Paragraph>您还没有预约。</Paragraph>
          <ActionButton size='key' onClick={() => openPage(PAGES.booking)}>
            去预约
          </ActionButton>
        </Card>
      )}
      {!empty && (
        <Card title='即将到来'>
          {upcoming.items.length === 0 ? (
            <Paragraph muted>没有即将到来的预约。</Paragraph>
          ) : (
            upcoming.items.map((booking) => <BookingItem key={booking.id} booking={booking} me={me} />)
          )}
        </Card>
      )}
      {waiting.length > 0 && (
        <Card title='我的候补'>
          {leave.error && <Notice tone='error'>{leave.error.message}</Notice>}
          {waiting.map((entry) => (
            <WaitlistItem
              key={entry.id}
              entry={entry}
              leave={leave}
              forSomeoneElse={me.veteran?.id !== entry.veteranId}
            />
          ))}
        </Card>
      )}
      {pastItems.length > 0 && (
        <Card title='以往的预约'>
          {pastItems.map((booking) => (
            <BookingItem key={booking.id} booking={booking} me={me} />
          ))}
          {more.error && <Notice tone='error'>{more.error.message}</Notice>}
          {nextCursor && !mine.savedAt && (
            <ActionButton
              variant='secondary'
              busy={more.pending}
              busyText='正在读取…'
              onClick={() => void more.run(nextCursor)}
            >
              查看更早的预约
            </ActionButton>
          )}
        </Card>
      )}
    </>
  )
}
