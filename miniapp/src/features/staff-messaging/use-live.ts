import type { StaffMessage, StaffThread } from '@veterans/shared'
import { useDidShow } from '@tarojs/taro'
import { useEffect, useRef, useState } from 'react'

/**
 * The inbox's live updates. Frames (thread.updated, message.created) are a fast path; polling is the safety net:
 * fast while the socket is not live, slow while it is (a frame may still be lost), and a catch-up whenever the
 * connection comes back. The screens only say what to do with a thread, an entry, or "fetch what you missed".
 */
export interface StaffLiveHandlers {
  onThread?: (thread: StaffThread) => void
  onMessage?: (threadId: string, message: StaffMessage) => void
  /** Fetch what is newer than what the screen holds (a poll, or after a reconnection). */
  catchUp: () => void
}

/** The part of the app's realtime client the inbox uses (api/realtime.ts). */
export interface LiveSource {
  readonly status: 'off' | 'connecting' | 'live' | 'down'
  subscribe(type: string, handler: (frame: { type: string; [key: string]: unknown }) => void): () => void
  onCatchUp(listener: () => void): () => void
  onStatus(listener: (status: LiveSource['status']) => void): () => void
  /** The page is shown again: reconnect now if the socket dropped meanwhile. */
  wake(): void
}

/** Polling while the socket is not live, and the slow safety-net poll while it is. */
export const POLL_MS = { fallback: 8_000, live: 60_000 } as const

export function useStaffLive(
  source: LiveSource | null,
  handlers: StaffLiveHandlers,
  enabled = true
): { live: boolean } {
  const latest = useRef(handlers)
  latest.current = handlers
  const [live, setLive] = useState(source?.status === 'live')

  useEffect(() => {
    if (!enabled || !source) return
    const stops = [
      source.subscribe('thread.updated', (frame) => latest.current.onThread?.(frame.thread as StaffThread)),
      source.subscribe('message.created', (frame) =>
        latest.current.onMessage?.(frame.threadId as string, frame.message as StaffMessage)
      ),
      source.onCatchUp(() => latest.current.catchUp()),
      source.onStatus((status) => setLive(status === 'live'))
    ]
    setLive(source.status === 'live')
    return () => stops.forEach((stop) => stop())
  }, [source, enabled])

  // Shown again (back from another page, or the app from the background): catch up at once, not at the next poll.
  const shownBefore = useRef(false)
  useDidShow(() => {
    if (shownBefore.current && enabled) {
      source?.wake()
      latest.current.catchUp()
    }
    shownBefore.current = true
  })

  useEffect(() => {
    if (!enabled) return
    const timer = setInterval(() => latest.current.catchUp(), live ? POLL_MS.live : POLL_MS.fallback)
    return () => clearInterval(timer)
  }, [live, enabled])

  return { live }
}
