import type { Slot, WaitlistEntry } from '@veterans/shared'
import { View } from '@tarojs/components'
import { ActionButton } from '../../components'
import { openPage } from '../../shell/navigation'
import { BOOKING_PAGES } from '../../shell/navigation-pages'
import { cutoffMark, cutoffMinutesOf, insideCutoff } from './cutoff'
import { timeRange } from './dates'
import { Line } from './line'
import { slotOffer } from './slot-offer'

export interface SlotListProps {
  slots: Slot[]
  now: Date
  /** Rescheduling moves a booking: full slots offer nothing then (the waitlist is for new bookings). */
  mode: 'book' | 'reschedule'
  onBook: (slot: Slot) => void
  onWaitlist: (slot: Slot) => void
  waitlistBusy?: boolean
  /** The 候补 the person being booked for holds, by slot (joined here or earlier): said instead of offering it again. */
  waiting: ReadonlyMap<string, WaitlistEntry>
  /** Joined on this screen: the notice above already says what happens and links to 我的候补. */
  justJoinedSlotId?: string
  /** When rescheduling: the slot the booking is in now (marked, not offered). */
  currentSlotId?: string
}

/** A day's slots with places left; a full slot offers 候补 (or says the place held in it), a closed or started one says so. */
export function SlotList({
  slots,
  now,
  mode,
  onBook,
  onWaitlist,
  waitlistBusy,
  waiting,
  justJoinedSlotId,
  currentSlotId
}: SlotListProps) {
  return (
    <>
      {slots.map((slot) => {
        const time = timeRange(slot.startsAt, slot.endsAt)
        const offer = slotOffer(slot, now, { mode, waiting, currentSlotId })
        if (offer.kind === 'current') {
          return (
            <View className='list__item' key={slot.id}>
              <Line tone='title'>{time}</Line>
              <Line tone='good'>当前时段：您现在约的就是这个</Line>
            </View>
          )
        }
        const full = offer.kind === 'join' || offer.kind === 'waiting' || offer.kind === 'full'
        return (
          <View className='list__item' key={slot.id}>
            <Line tone='title'>{time}</Line>
            {offer.kind === 'book' && (
              <Line tone='good'>
                余 {slot.remaining} 个名额（共 {slot.capacity} 个）
              </Line>
            )}
            {offer.kind === 'book' && insideCutoff(slot, cutoffMinutesOf(slot), now) && (
              <Line tone='warn'>{cutoffMark(cutoffMinutesOf(slot))}</Line>
            )}
            {full && <Line tone='warn'>已约满{slot.waiting > 0 ? `，已有 ${slot.waiting} 人候补` : ''}</Line>}
            {offer.kind === 'started' && <Line tone='muted'>已开始，不能再预约</Line>}
            {offer.kind === 'closed' && <Line tone='muted'>服务中心已暂停这个时段</Line>}
            {offer.kind === 'book' && (
              <ActionButton
                label={`${mode === 'book' ? '预约这个时段' : '改到这个时段'}：${time}`}
                onClick={() => onBook(slot)}
              >
                {mode === 'book' ? '预约这个时段' : '改到这个时段'}
              </ActionButton>
            )}
            {offer.kind === 'waiting' && <Line tone='good'>已登记候补，排在第 {offer.entry.position} 位</Line>}
            {offer.kind === 'waiting' && slot.id !== justJoinedSlotId && (
              <>
                <Line tone='muted'>有人取消时会按顺序自动预约。不想再等，可在“我的预约”里不再候补。</Line>
                <ActionButton
                  variant='secondary'
                  label={`查看我的候补：${time}`}
                  onClick={() => openPage(BOOKING_PAGES.mine)}
                >
                  查看我的候补
                </ActionButton>
              </>
            )}
            {offer.kind === 'join' && (
              <>
                <Line tone='muted'>可以登记候补：有人取消时，按登记的先后自动为您预约。</Line>
                <ActionButton
                  variant='secondary'
                  label={`登记候补：${time}`}
                  busy={waitlistBusy}
                  busyText='正在登记…'
                  onClick={() => onWaitlist(slot)}
                >
                  登记候补
                </ActionButton>
              </>
            )}
          </View>
        )
      })}
    </>
  )
}
