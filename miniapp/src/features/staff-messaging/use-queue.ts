import type { Me, StaffThread, ThreadStatus } from '@veterans/shared'
import { useCallback, useEffect, useRef, useState } from 'react'
import { staffMessagingApi, toApiError, type ApiError } from '../../api'
import { useStaffCenter } from '../staff-booking/use-staff-center'
import type { AssigneeFilter } from './labels'
import { liveSource } from './live-source'
import { foldThread, type QueueFilter } from './queue-rules'
import { useStaffLive } from './use-live'

const QUEUE_LIMIT = 100

/**
 * The queue of the center being worked on (city-level staff and admins choose it, remembered as on the schedule),
 * with its filters; kept current by live frames and polling. A refresh that arrives after a newer one started is
 * dropped, so a slow answer never puts back an old view.
 */
export function useQueue(me: Me) {
  const staffCenter = useStaffCenter(me)
  const [status, setStatus] = useState<ThreadStatus>('open')
  const [assignee, setAssignee] = useState<AssigneeFilter>('any')
  const filter: QueueFilter = { status, assignee, centerId: staffCenter.centerId }
  const key = `${filter.centerId}|${status}|${assignee}`
  const [items, setItems] = useState<StaffThread[] | undefined>(undefined)
  const [more, setMore] = useState(false)
  const [error, setError] = useState<ApiError | null>(null)
  const [loading, setLoading] = useState(true)
  const ticket = useRef(0)
  const filterRef = useRef(filter)
  filterRef.current = filter
  // Wait for the centers: until then a city-level staff member's remembered choice is not known to be allowed.
  const ready = staffCenter.centerId !== '' && !staffCenter.catalog.loading

  const refresh = useCallback(async () => {
    const mine = ++ticket.current
    const f = filterRef.current
    try {
      const page = await staffMessagingApi.queue({
        status: f.status,
        assignee: f.assignee,
        centerId: f.centerId || undefined,
        limit: QUEUE_LIMIT
      })
      if (mine !== ticket.current) return
      setItems(page.items)
      setMore(page.nextCursor !== null)
      setError(null)
    } catch (e) {
      if (mine === ticket.current) setError(toApiError(e))
    } finally {
      if (mine === ticket.current) setLoading(false)
    }
  }, [])

  useEffect(() => {
    if (!ready) return
    setItems(undefined)
    setLoading(true)
    void refresh()
  }, [key, ready, refresh])

  const { live } = useStaffLive(
    liveSource(),
    {
      onThread: (thread) =>
        setItems((current) => (current ? foldThread(current, thread, filterRef.current, me.id) : current)),
      catchUp: () => void refresh()
    },
    ready
  )

  /** After an action on a thread here: show its new state at once. */
  const changed = (thread: StaffThread) =>
    setItems((current) => (current ? foldThread(current, thread, filterRef.current, me.id) : current))

  return { staffCenter, status, setStatus, assignee, setAssignee, items, more, error, loading, refresh, live, changed }
}

export type QueueState = ReturnType<typeof useQueue>
