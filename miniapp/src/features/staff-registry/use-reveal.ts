import type { VeteranPii } from '@veterans/shared'
import { useEffect, useState } from 'react'
import { staffRegistryApi, useAction } from '../../api'
import { secondsLeft } from './countdown'

interface Shown {
  pii: VeteranPii
  shownAt: number
}

/**
 * 查看完整证件号: asks the server for the unmasked ID number and phone with the stated reason (audited there), shows
 * them for the time the server says (30 s) with a countdown, then forgets them. Nothing is kept anywhere else.
 */
export function useReveal(veteranId: string) {
  const [shown, setShown] = useState<Shown | null>(null)
  const [now, setNow] = useState(() => Date.now())
  const action = useAction(async (reason: string) => {
    const pii = await staffRegistryApi.reveal(veteranId, reason.trim())
    const at = Date.now()
    setNow(at)
    setShown({ pii, shownAt: at })
    return pii
  })

  const left = shown ? secondsLeft(shown.shownAt, shown.pii.showForSeconds, now) : 0
  useEffect(() => {
    if (!shown) return
    const timer = setInterval(() => setNow(Date.now()), 250)
    return () => clearInterval(timer)
  }, [shown])
  useEffect(() => {
    if (shown && left === 0) setShown(null)
  }, [shown, left])

  return {
    reveal: action.run,
    pending: action.pending,
    error: action.error,
    clearError: action.clearError,
    pii: shown && left > 0 ? shown.pii : null,
    secondsLeft: left,
    hide: () => setShown(null)
  }
}

export type RevealState = ReturnType<typeof useReveal>
