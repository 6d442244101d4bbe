import { useCallback, useEffect, useRef, useState } from 'react'
import { toApiError, type ApiError } from './errors'

export interface RequestState<T> {
  data: T | undefined
  error: ApiError | null
  loading: boolean
  reload: () => Promise<void>
  setData: (data: T) => void
}

/**
 * Loads data for a screen. `load` runs when `key` changes (and on reload); an answer that arrives after a newer
 * load started is dropped. Pass `enabled: false` to wait (e.g. until signed in).
 */
export function useRequest<T>(load: () => Promise<T>, key: string, enabled = true): RequestState<T> {
  const [data, setData] = useState<T | undefined>(undefined)
  const [error, setError] = useState<ApiError | null>(null)
  const [loading, setLoading] = useState(enabled)
  const loadRef = useRef(load)
  loadRef.current = load
  const latest = useRef(0)

  const reload = useCallback(async () => {
    const ticket = ++latest.current
    setLoading(true)
    setError(null)
    try {
      const result = await loadRef.current()
      if (ticket === latest.current) setData(result)
    } catch (e) {
      if (ticket === latest.current) setError(toApiError(e))
    } finally {
      if (ticket === latest.current) setLoading(false)
    }
  }, [])

  useEffect(() => {
    if (enabled) void reload()
    else setLoading(false)
  }, [key, enabled, reload])

  return { data, error, loading, reload, setData }
}

export interface ActionState<A extends unknown[], R> {
  /** Runs the action; resolves to its result, or undefined when it failed (the error is in `error`). */
  run: (...args: A) => Promise<R | undefined>
  pending: boolean
  error: ApiError | null
  clearError: () => void
}

/** A user action (submit, delete …): tracks pending state and keeps the failure to show next to the control. */
export function useAction<A extends unknown[], R>(action: (...args: A) => Promise<R>): ActionState<A, R> {
  const [pending, setPending] = useState(false)
  const [error, setError] = useState<ApiError | null>(null)
  const actionRef = useRef(action)
  actionRef.current = action
  const running = useRef(false)

  const run = useCallback(async (...args: A) => {
    if (running.current) return undefined // a second tap while the first is still on its way
    running.current = true
    setPending(true)
    setError(null)
    try {
      return await actionRef.current(...args)
    } catch (e) {
      setError(toApiError(e))
      return undefined
    } finally {
      running.current = false
      setPending(false)
    }
  }, [])

  return { run, pending, error, clearError: useCallback(() => setError(null), []) }
}
