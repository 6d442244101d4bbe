import type { District } from '@veterans/shared'
import { policiesApi, referenceApi, useRequest } from '../../api'
import { useSession } from '../../shell/session/session-context'

/** A published policy for the reader's page. */
export function usePolicy(id: string) {
  return useRequest(() => policiesApi.get(id), `policy-${id}`, id !== '')
}

/** District names for eligibility (reference data needs a session; without one the codes are shown). */
export function useDistrictNames(needed: boolean): (code: string) => string {
  const { me } = useSession()
  const districts = useRequest(() => referenceApi.districts(), 'districts', needed && me !== null)
  const names = new Map((districts.data?.items ?? []).map((d: District) => [d.code, d.name]))
  return (code) => names.get(code) ?? `区县代码 ${code}`
}

/** The services offered, to name a policy's related services (needs a session). */
export function useServices(needed: boolean) {
  const { me } = useSession()
  return useRequest(() => referenceApi.services(), 'services', needed && me !== null)
}
