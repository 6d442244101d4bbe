import type { WaitlistEntry } from '@veterans/shared'
import { whenText } from './dates'

/**
 * Booking a service ends every 候补 the same veteran holds for that service (the server does it on purpose: one
 * place per service is enough). These are the entries a new booking would end, to say so before confirming.
 */
export function waitlistEndedByBooking(
  entries: readonly WaitlistEntry[],
  booking: { serviceId: string; veteranId: string | undefined }
): WaitlistEntry[] {
  if (!booking.veteranId) return []
  return entries.filter(
    (e) => e.status === 'waiting' && e.serviceId === booking.serviceId && e.veteranId === booking.veteranId
  )
}

/** Said on the confirm screen: which 候补 this booking ends (empty when none). */
export function waitlistEndingText(ending: readonly WaitlistEntry[], today: string, whom: string): string {
  if (ending.length === 0) return ''
  const which = ending.map((e) => `${whenText(e.startsAt, e.endsAt, today)}（${e.centerName}）`).join('、')
  return `${whom}正在候补 ${which}的“${ending[0]!.serviceName}”。预约这个时段后，${ending.length > 1 ? '这些' : '这个'}候补会自动结束，不再排队：同一项服务只保留一个预约。`
}
