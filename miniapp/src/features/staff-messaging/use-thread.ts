import type { StaffMessage, StaffPostMessageBody, StaffThread, StaffThreadDetail, ThreadStatus } from '@veterans/shared'
import { useCallback, useEffect, useRef, useState } from 'react'
import { newIdempotencyKey, staffMessagingApi, toApiError, useAction, useRequest, type ApiError } from '../../api'
import { liveSource } from './live-source'
import { foldEntries, hasGapBefore } from './queue-rules'
import { useStaffLive } from './use-live'

const ENTRY_PAGE = 100

/** Every entry after `afterPosition`, page by page. */
async function entriesAfter(threadId: string, afterPosition: number): Promise<StaffMessage[]> {
  const all: StaffMessage[] = []
  let after = afterPosition
  for (;;) {
    const page = await staffMessagingApi.entries(threadId, { afterPosition: after, limit: ENTRY_PAGE })
    all.push(...page.items)
    const last = page.items[page.items.length - 1]
    if (!page.nextCursor || !last) return all
    after = last.position
  }
}

/**
 * One thread for staff: its details, every entry (internal notes included), and the actions on it. Entries arrive
 * live (another colleague's reply shows at once) and are caught up by position after a gap or a reconnection.
 * `onChanged` tells the queue beside it (desktop) about the thread's new state.
 */
export function useStaffThread(threadId: string, onChanged?: (thread: StaffThread) => void) {
  const detail = useRequest(() => staffMessagingApi.thread(threadId), `thread-${threadId}`, threadId !== '')
  const [entries, setEntries] = useState<StaffMessage[] | undefined>(undefined)
  const [entriesError, setEntriesError] = useState<ApiError | null>(null)
  const held = useRef<StaffMessage[]>([])
  const shown = useRef(threadId)
  shown.current = threadId
  const catchingUp = useRef<{ threadId: string; done: Promise<void> } | null>(null)
  const changedRef = useRef(onChanged)
  changedRef.current = onChanged

  const keep = (next: StaffMessage[]) => {
    held.current = next
    setEntries(next)
  }

  const catchUp = useCallback((): Promise<void> => {
    // One catch-up at a time per thread; frames arriving meanwhile are folded in by position, so nothing shows twice.
    if (catchingUp.current?.threadId === threadId) return catchingUp.current.done
    const last = held.current[held.current.length - 1]?.position ?? 0
    const done = entriesAfter(threadId, last)
      .then((items) => {
        if (shown.current !== threadId) return // another thread was opened meanwhile
        keep(foldEntries(held.current, items))
        setEntriesError(null)
      })
      .catch((e) => {
        if (shown.current === threadId) setEntriesError(toApiError(e))
      })
      .finally(() => {
        if (catchingUp.current?.done === done) catchingUp.current = null
      })
    catchingUp.current = { threadId, done }
    return done
  }, [threadId])

  useEffect(() => {
    held.current = []
    setEntries(undefined)
    if (threadId) void catchUp()
  }, [threadId, catchUp])

  const merge = (thread: StaffThread) => {
    if (thread.id !== threadId) return
    if (detail.data) detail.setData({ ...detail.data, ...thread })
    changedRef.current?.(thread)
  }

  const { live } = useStaffLive(
    liveSource(),
    {
      onThread: merge,
      onMessage: (id, message) => {
        if (id !== threadId) return
        if (hasGapBefore(held.current, message)) void catchUp()
        else keep(foldEntries(held.current, [message]))
      },
      catchUp: () => {
        void catchUp()
        void detail.reload()
      }
    },
    threadId !== ''
  )

  // One key per reply while the person retries it; a new one once it went through.
  const replyKey = useRef(newIdempotencyKey())
  const post = useAction(async (body: string, internal: boolean, resolve: boolean) => {
    const request: StaffPostMessageBody = internal
      ? { body, internal: true }
      : resolve
        ? { body, resolve: true }
        : { body }
    const entry = await staffMessagingApi.post(threadId, request, replyKey.current)
    replyKey.current = newIdempotencyKey()
    keep(foldEntries(held.current, [entry]))
    // The thread's status, wait and assignee may have changed with it.
    void detail.reload()
    return entry
  })
  const assign = useAction(async (staffId?: string) => {
    const thread = await staffMessagingApi.assign(threadId, staffId ? { staffId } : {})
    merge(thread)
    return thread
  })
  const setStatus = useAction(async (status: ThreadStatus) => {
    const thread = await staffMessagingApi.setStatus(threadId, status)
    merge(thread)
    return thread
  })

  // The detail reloaded after a reply: tell the queue too.
  const data: StaffThreadDetail | undefined = detail.data
  useEffect(() => {
    if (data) changedRef.current?.(data)
  }, [data])

  return { detail, entries, entriesError, catchUp, live, post, assign, setStatus }
}

export type ThreadState = ReturnType<typeof useStaffThread>
