import type { Slot } from '@veterans/shared'
import { View } from '@tarojs/components'
import { ActionButton } from '../../components'
import { slotState } from './calendar'
import { cutoffMark, cutoffMinutesOf, insideCutoff } from './cutoff'
import { timeRange } from './dates'
import { Line } from './line'

export interface SlotListProps {
  slots: Slot[]
  now: Date
  /** Rescheduling moves a booking: full slots offer nothing then (the waitlist is for new bookings). */
  mode: 'book' | 'reschedule'
  onBook: (slot: Slot) => void
  onWaitlist: (slot: Slot) => void
  waitlistBusy?: boolean
  /** Joined on this screen: say so instead of offering 候补 again. */
  joined?: { slotId: string; position: number } | null
  /** The center's cancellation cut-off: bookable slots starting sooner are marked (no online changes after). */
  /** When rescheduling: the slot the booking is in now (marked, not offered). */
  currentSlotId?: string
}

/** A day's slots with places left; a full slot offers 候补, a closed or started one says so. */
export function SlotList({ slots, now, mode, onBook, onWaitlist, waitlistBusy, joined, currentSlotId }: SlotListProps) {
  return (
    <>
      {slots.map((slot) => {
        const time = timeRange(slot.startsAt, slot.endsAt)
        const state = slotState(slot, now)
        if (slot.id === currentSlotId) {
          return (
            <View className='list__item' key={slot.id}>
              <Line tone='title'>{time}</Line>
              <Line tone='good'>当前时段：您现在约的就是这个</Line>
            </View>
          )
        }
        return (
          <View className='list__item' key={slot.id}>
            <Line tone='title'>{time}</Line>
            {state === 'bookable' && (
              <Line tone='good'>
                余 {slot.remaining} 个名额（共 {slot.capacity} 个）
              </Line>
            )}
            {state === 'bookable' && insideCutoff(slot, cutoffMinutesOf(slot), now) && (
              <Line tone='warn'>{cutoffMark(cutoffMinutesOf(slot))}</Line>
            )}
            {state === 'full' && (
              <Line tone='warn'>已约满{slot.waiting > 0 ? `，已有 ${slot.waiting} 人候补` : ''}</Line>
            )}
            {state === 'started' && <Line tone='muted'>已开始，不能再预约</Line>}
            {state === 'closed' && <Line tone='muted'>服务中心已暂停这个时段</Line>}
            {state === 'bookable' && (
              <ActionButton
                label={`${mode === 'book' ? '预约这个时段' : '改到这个时段'}：${time}`}
                onClick={() => onBook(slot)}
              >
                {mode === 'book' ? '预约这个时段' : '改到这个时段'}
              </ActionButton>
            )}
            {state === 'full' && joined?.slotId === slot.id && (
              <Line tone='good'>已登记候补，排在第 {joined.position} 位</Line>
            )}
            {state === 'full' && mode === 'book' && joined?.slotId !== slot.id && (
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
