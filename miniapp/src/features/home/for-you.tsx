import type { InboxEntry, Me } from '@veterans/shared'
import { beijingToday } from '@veterans/shared/rules'
import { useDidShow } from '@tarojs/taro'
import { bookingApi, noticesApi, useRequest } from '../../api'
import { Card, Paragraph } from '../../components'
import { PAGES } from '../../shell/navigation'
import { useSession } from '../../shell/session/session-context'
import { isStaff } from '../../shell/session/use-require-session'
import { whenText } from '../booking/dates'
import { bookingDetailUrl } from '../booking/pages'
import { entryTarget, mergeEntries } from '../notices/inbox-entries'
import { useUnreadKeeper } from '../notices/use-unread-keeper'
import { attentionOf, unreadWords } from './attention'
import { LinkBlock } from './link-block'

/** Enough of the inbox to find what is unread and needs the person. */
const INBOX_GLANCE = 20

/**
 * 首页 for a signed-in resident: their next appointment, and what needs them (unread notices by title, a 候补 that
 * became a booking, the unread count that leads to 消息). Calm when there is nothing.
 */
export function ForYou() {
  const { me } = useSession()
  const person = me && !isStaff(me) ? me : null
  const { count, arrived } = useUnreadKeeper(person !== null)
  if (!person) return null
  return <ForPerson me={person} unread={count} arrived={arrived} />
}

function ForPerson({ me, unread, arrived }: { me: Me; unread: number; arrived: InboxEntry[] }) {
  const canBook = me.veteran !== null || me.familyOf.length > 0
  const next = useRequest(() => bookingApi.list({ when: 'upcoming', limit: 1 }), `home-next-${me.id}`, canBook)
  const inbox = useRequest(() => noticesApi.inbox({ limit: INBOX_GLANCE }), `home-inbox-${me.id}`)
  // A tab stays mounted: read again when the person comes back to 首页 (or a new unread message arrived).
  useDidShow(() => {
    if (next.data) void next.reload()
    if (inbox.data) void inbox.reload()
  })

  const booking = next.data?.items[0]
  const attention = attentionOf(mergeEntries(inbox.data?.items ?? [], arrived))
  const words = unreadWords(unread)
  const today = beijingToday()
  const nothing = !booking && attention.notices.length === 0 && attention.promotions.length === 0 && !words

  return (
    <>
      {booking && (
        <Card title='下一个预约'>
          <LinkBlock
            emphasis
            lines={[
              whenText(booking.startsAt, booking.endsAt, today),
              `${booking.centerName} · ${booking.serviceName}`,
              booking.veteranId === me.veteran?.id
                ? '查看签到码和地址'
                : `为 ${booking.veteranNameMasked} 预约 · 查看签到码`
            ]}
            url={bookingDetailUrl(booking.id)}
          />
        </Card>
      )}
      {(inbox.data || next.data) && (
        <Card title='需要您看的'>
          {attention.promotions.map((entry) => (
            <LinkBlock
              key={entry.id}
              emphasis
              lines={[entry.title, '候补成功，已为您预约，点此查看']}
              url={entryTarget(entry) ?? PAGES.messages}
            />
          ))}
          {attention.notices.map((entry) => (
            <LinkBlock
              key={entry.id}
              lines={[entry.title, '未读通知，点此阅读']}
              url={entryTarget(entry) ?? PAGES.messages}
            />
          ))}
          {words && <LinkBlock lines={[words, '去“消息”查看']} url={PAGES.messages} />}
          {nothing && <Paragraph muted>目前没有需要您处理的事。</Paragraph>}
        </Card>
      )}
    </>
  )
}
