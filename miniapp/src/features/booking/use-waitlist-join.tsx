import type { WaitlistEntry } from '@veterans/shared'
import { useState } from 'react'
import { bookingApi, useAction } from '../../api'
import { ActionButton, Notice } from '../../components'
import { openPage } from '../../shell/navigation'
import { BOOKING_PAGES } from '../../shell/navigation-pages'
import { timeRange } from './dates'
import { veteranIdFor, type BookingPerson } from './people'

/** Joining the waitlist (候补) of a full slot, for the person chosen in this booking. */
export function useWaitlistJoin(person: BookingPerson | undefined) {
  const [joined, setJoined] = useState<WaitlistEntry | null>(null)
  const action = useAction((slotId: string) => bookingApi.joinWaitlist({ slotId, veteranId: veteranIdFor(person) }))
  const join = async (slotId: string) => {
    setJoined(null)
    const entry = await action.run(slotId)
    if (entry) setJoined(entry)
    return entry
  }
  const reset = () => {
    setJoined(null)
    action.clearError()
  }
  return { joined, join, reset, pending: action.pending, error: action.error }
}

/** Says where in the queue the person is now, and what will happen. */
export function WaitlistJoined({ entry, person }: { entry: WaitlistEntry; person: BookingPerson | undefined }) {
  const whom = person && !person.self ? person.name : '您'
  return (
    <>
      <Notice tone='success'>
        已登记候补：{timeRange(entry.startsAt, entry.endsAt)}，排在第 {entry.position} 位。有人取消时，会按顺序自动为
        {whom}
        预约，并发通知告诉您。
      </Notice>
      <ActionButton variant='secondary' onClick={() => openPage(BOOKING_PAGES.mine)}>
        查看我的候补
      </ActionButton>
    </>
  )
}
