import type { Booking } from '@veterans/shared'
import { bookingApi, useRequest } from '../../api'
import { cutoffMinutesOf, DEFAULT_CUTOFF_MINUTES } from './cutoff'

/**
 * The center's cancellation cut-off in minutes. Read off a booking: the one being moved, else any booking of the
 * person (every booking carries the cut-off); someone who has never booked gets the server's default.
 */
export function useCutoffMinutes(known: Pick<Booking, 'startsAt' | 'cancellableUntil'> | undefined, knownComing: boolean): number {
  const probe = useRequest(() => bookingApi.list({ limit: 1 }), 'cutoff-probe', !knownComing)
  const sample = known ?? probe.data?.items[0]
  return sample ? cutoffMinutesOf(sample) : DEFAULT_CUTOFF_MINUTES
}
