import { meApi, useAction } from '../../api'
import { useSession } from '../session/session-context'

/**
 * 长辈版 on or off. Signed in, the choice is saved on the account (PATCH /me) and applied at once on every page
 * (optimistically; put back if saving fails). Not signed in, it is kept on this phone and carried over at sign-in.
 */
export function useElderMode() {
  const { me, elderMode, setMe, setGuestElderMode } = useSession()
  const action = useAction(async (next: boolean) => {
    if (!me) {
      setGuestElderMode(next)
      return
    }
    setMe({ ...me, elderMode: next })
    try {
      setMe(await meApi.update({ elderMode: next }))
    } catch (error) {
      setMe(me)
      throw error
    }
  })
  return { elderMode, setElderMode: action.run, pending: action.pending, error: action.error }
}
