import { useDidShow } from '@tarojs/taro'
import { useEffect, useRef, useState } from 'react'
import { realtime, type RealtimeFrame, type RealtimeStatus } from '../../api'

/** Whether frames arrive live now; while not, screens poll. */
export function useRealtimeStatus(): RealtimeStatus {
  const [status, setStatus] = useState(realtime.status)
  useEffect(() => {
    setStatus(realtime.status)
    return realtime.onStatus(setStatus)
  }, [])
  return status
}

export interface LiveOptions {
  /** Frames to act on, by type. */
  frames: Record<string, (frame: RealtimeFrame) => void>
  /** Fetch what is newer than what the screen holds: on (re)connect, on return, and when polling. */
  catchUp: () => void
  /** How often to poll while the socket is not live. */
  pollMs: number
  enabled: boolean
}

/**
 * A screen that stays current: live frames while the socket is up; catch-up when it comes back, when the page
 * is shown again, and by polling every `pollMs` while it is down. Handlers may change between renders.
 */
export function useLive({ frames, catchUp, pollMs, enabled }: LiveOptions): RealtimeStatus {
  const status = useRealtimeStatus()
  const latest = useRef({ frames, catchUp })
  latest.current = { frames, catchUp }
  const types = Object.keys(frames).sort().join(',')

  useEffect(() => {
    if (!enabled) return
    const offs = types
      .split(',')
      .filter(Boolean)
      .map((type) => realtime.subscribe(type, (frame) => latest.current.frames[type]?.(frame)))
    offs.push(realtime.onCatchUp(() => latest.current.catchUp()))
    return () => offs.forEach((off) => off())
  }, [enabled, types])

  useEffect(() => {
    if (!enabled || status === 'live') return
    const timer = setInterval(() => latest.current.catchUp(), pollMs)
    return () => clearInterval(timer)
  }, [enabled, status, pollMs])

  // Back on this page (from another page, or the app from the background): frames may have been missed.
  const shownBefore = useRef(false)
  useDidShow(() => {
    if (!enabled) return
    if (shownBefore.current) {
      realtime.wake()
      latest.current.catchUp()
    }
    shownBefore.current = true
  })
  return status
}
