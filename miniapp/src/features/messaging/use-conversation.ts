import type { Message, Thread, Upload } from '@veterans/shared'
import { useCallback, useEffect, useRef, useState } from 'react'
import { messagingApi, newIdempotencyKey, notificationsApi, toApiError, useAction, useRequest } from '../../api'
import { hasGap, lastSeqOf, mergeMessages, outgoingToShow, readAfter, type OutgoingMessage } from './thread-messages'
import { useLive } from './use-live'

const PAGE_SIZE = 50
const CONVERSATION_POLL_MS = 15_000

/**
 * One conversation: its messages in seq order (first load, live frames, catch-up by afterSeq — each message
 * once), the person's own messages on their way (sending / failed, retried with the same Idempotency-Key), the
 * read marker (moved to the last message shown), and the rating once staff resolved it.
 */
export function useConversation(threadId: string, userId: string | undefined) {
  const enabled = Boolean(threadId && userId)
  const loadThread = useRequest(() => messagingApi.thread(threadId), `thread-${threadId}-${userId}`, enabled)
  const [thread, setThread] = useState<Thread | undefined>(undefined)
  const [messages, setMessages] = useState<Message[]>([])
  const [loaded, setLoaded] = useState(false)
  const [outgoing, setOutgoing] = useState<OutgoingMessage[]>([])
  const held = useRef<Message[]>([])
  held.current = messages
  const catching = useRef<Promise<void> | null>(null)

  useEffect(() => {
    if (loadThread.data) setThread((current) => newer(current, loadThread.data!))
  }, [loadThread.data])

  /** Reads everything after the last seq held; concurrent calls share one read. */
  const catchUp = useCallback((): Promise<void> => {
    if (!enabled) return Promise.resolve()
    if (!catching.current) {
      catching.current = readAfter(lastSeqOf(held.current), (afterSeq) =>
        messagingApi.messages(threadId, { afterSeq, limit: PAGE_SIZE })
      )
        .then((items) => {
          setMessages((current) => mergeMessages(current, items))
          setLoaded(true)
        })
        .finally(() => {
          catching.current = null
        })
    }
    return catching.current
  }, [enabled, threadId])

  const first = useRequest(() => catchUp(), `messages-${threadId}-${userId}`, enabled)

  const status = useLive({
    enabled,
    pollMs: CONVERSATION_POLL_MS,
    frames: {
      'message.created': (frame) => {
        if (frame.threadId !== threadId) return
        const message = frame.message as Message
        // A frame that skips a seq means one was missed: read from the last one held.
        if (message.seq > lastSeqOf(held.current) + 1 && loaded) void catchUp().catch(() => {})
        setMessages((current) => mergeMessages(current, [message]))
      },
      'thread.updated': (frame) => {
        const update = frame.thread as Thread | undefined
        if (update?.id === threadId) setThread((current) => newer(current, update))
      }
    },
    catchUp: () => {
      void catchUp().catch(() => {})
      void loadThread.reload()
    }
  })

  // The server knows of messages this screen does not hold (a frame missed): read them.
  useEffect(() => {
    if (loaded && hasGap(messages, thread)) void catchUp().catch(() => {})
  }, [loaded, messages, thread, catchUp])

  // Shown means read: move the marker to the last message, once per new message.
  const markedUpTo = useRef(0)
  const lastSeq = lastSeqOf(messages)
  useEffect(() => {
    if (!loaded || !thread || lastSeq <= markedUpTo.current) return
    if (thread.unreadCount === 0 && markedUpTo.current > 0) return
    markedUpTo.current = lastSeq
    const hadUnread = thread.unreadCount > 0
    messagingApi.markRead(threadId, { seq: lastSeq }).then(
      () => {
        setThread((current) => (current ? { ...current, unreadCount: 0 } : current))
        if (hadUnread) void markNoticesRead(threadId)
      },
      () => {
        markedUpTo.current = 0 // try again with the next change
      }
    )
  }, [loaded, thread, lastSeq, threadId])

  const deliver = useCallback(
    async (item: OutgoingMessage) => {
      setOutgoing((list) => list.map((o) => (o.key === item.key ? { ...o, state: 'sending', error: undefined } : o)))
      try {
        const body = {
          body: item.body,
          ...(item.attachments.length > 0 ? { attachmentIds: item.attachments.map((a) => a.id) } : {})
        }
        const message = await messagingApi.post(threadId, body, item.key)
        setMessages((current) => mergeMessages(current, [message]))
        setOutgoing((list) => list.filter((o) => o.key !== item.key))
      } catch (error) {
        const problem = toApiError(error)
        setOutgoing((list) =>
          list.map((o) => (o.key === item.key ? { ...o, state: 'failed', error: problem.message } : o))
        )
      }
    },
    [threadId]
  )

  /** Writes a message; it shows at once as 发送中, and stays as 发送失败 (tap to retry) if it did not go. */
  const send = useCallback(
    (body: string, attachments: Upload[]) => {
      const item: OutgoingMessage = {
        key: newIdempotencyKey(),
        body,
        attachments,
        state: 'sending',
        afterSeq: lastSeqOf(held.current)
      }
      setOutgoing((list) => [...list, item])
      void deliver(item)
    },
    [deliver]
  )

  /** Sends a failed message again with its own key: the server stores it once whatever happened before. */
  const retry = useCallback(
    (key: string) => {
      const item = outgoing.find((o) => o.key === key)
      if (item && item.state === 'failed') void deliver(item)
    },
    [outgoing, deliver]
  )

  const rate = useAction(async (score: number) => {
    const rating = await messagingApi.rate(threadId, score)
    setThread((current) => (current ? { ...current, rating: rating.score } : current))
    return rating
  })

  return {
    thread,
    threadError: loadThread.error,
    messages,
    loaded,
    messagesError: first.error,
    reload: async () => {
      await Promise.all([loadThread.reload(), first.reload()])
    },
    outgoing: outgoingToShow(outgoing, messages),
    send,
    retry,
    rate,
    status
  }
}

/** Frames and reloads can cross: keep the copy that knows of the later message (on a tie, the later copy). */
function newer(current: Thread | undefined, next: Thread): Thread {
  if (current && current.lastSeq > next.lastSeq)
    return { ...current, status: next.status, rating: next.rating ?? current.rating }
  return next
}

/** The notices of replies in this thread: read too, now that the replies themselves were read. */
async function markNoticesRead(threadId: string): Promise<void> {
  try {
    const page = await notificationsApi.list({ unread: true, limit: 50 })
    const about = page.items.filter((n) => n.data.threadId === threadId)
    await Promise.all(about.map((n) => notificationsApi.markRead(n.id)))
  } catch {
    // They stay unread in 通知; the badge does not count them twice either way.
  }
}
