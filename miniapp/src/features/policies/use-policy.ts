import { policiesApi, referenceApi, useRequest } from '../../api'
import { useSession } from '../../shell/session/session-context'

/** A published policy for the reader's page. */
export function usePolicy(id: string) {
  return useRequest(() => policiesApi.get(id), `policy-${id}`, id !== '')
}

/** The services offered, to name a policy's related services (needs a session). */
export function useServices(needed: boolean) {
  const { me } = useSession()
  return useRequest(() => referenceApi.services(), 'services', needed && me !== null)
}
