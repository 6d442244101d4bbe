import type { Booking, Me } from '@veterans/shared'
import { beijingToday } from '@veterans/shared/rules'
import { whenText } from './dates'
import { ItemLink } from './item-link'
import { Line } from './line'
import { bookingDetailUrl } from './pages'
import { bookingStatusText, canRate } from './status'
import { StatusTag } from './status-tag'
import { When } from './when'

/** A booking in a list: what, when, where, for whom, its status; the whole item opens the booking. */
export function BookingItem({ booking, me }: { booking: Booking; me: Me }) {
  const when = whenText(booking.startsAt, booking.endsAt, beijingToday())
  const status = bookingStatusText(booking)
  const forSomeoneElse = me.veteran?.id !== booking.veteranId
  const byFamily = !forSomeoneElse && booking.bookedByUserId !== me.id
  const more =
    booking.status === 'booked'
      ? '出示签到码、改约或取消'
      : booking.status === 'completed' && !booking.rating
        ? '去评价'
        : '查看详情'
  return (
    <ItemLink
      url={bookingDetailUrl(booking.id)}
      label={`${booking.serviceName}，${when}，${booking.centerName}，${status.words}`}
      more={more}
    >
      <Line tone='title'>
        {booking.serviceName}
        <StatusTag status={booking.status} words={status.words} attention={canRate(booking)} />
      </Line>
      <Line>
        <When startsAt={booking.startsAt} endsAt={booking.endsAt} />
      </Line>
      <Line tone='muted'>{booking.centerName}</Line>
      {forSomeoneElse && <Line tone='muted'>为 {booking.veteranNameMasked} 预约</Line>}
      {byFamily && <Line tone='muted'>家属为您预约</Line>}
    </ItemLink>
  )
}
