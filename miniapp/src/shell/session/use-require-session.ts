import type { Me } from '@veterans/shared'
import { useEffect, useRef } from 'react'
import { goToSignIn, goToStaffSignIn } from '../navigation'
import { useSession } from './session-context'

const STAFF_ROLES: ReadonlyArray<Me['role']> = ['staff', 'admin']

/**
 * For pages that need a signed-in person: sends them to sign in once (and back here afterwards). If they come
 * back without signing in, the page shows its own prompt instead of sending them round again.
 */
export function useRequireSession(kind: 'person' | 'staff' = 'person'): { me: Me | null; starting: boolean } {
  const { status, me, endedReason } = useSession()
  const sent = useRef(false)
  const allowed = me !== null && (kind === 'person' || STAFF_ROLES.includes(me.role))
  useEffect(() => {
    if (status === 'starting' || allowed || sent.current) return
    // Signed out on purpose (or account closed) while here: the page shows its prompt, no need to push sign-in.
    if (endedReason === 'user' || endedReason === 'closed') return
    sent.current = true
    if (kind === 'staff') goToStaffSignIn()
    else goToSignIn()
  }, [status, allowed, kind, endedReason])
  return { me: allowed ? me : null, starting: status === 'starting' }
}

export function isStaff(me: Me | null): boolean {
  return me !== null && STAFF_ROLES.includes(me.role)
}
