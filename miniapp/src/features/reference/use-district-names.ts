import type { District } from '@veterans/shared'
import { referenceApi, useRequest } from '../../api'
import { useSession } from '../../shell/session/session-context'

/**
 * District names by code (reference data needs a session). A code not (yet) known is said by `unknown`: by default
 * "区县代码 420102", for lines that do not say it is a district themselves.
 */
export function useDistrictNames(
  needed: boolean,
  unknown: (code: string) => string = (code) => `区县代码 ${code}`
): (code: string) => string {
  const { me } = useSession()
  const districts = useRequest(() => referenceApi.districts(), 'districts', needed && me !== null)
  const names = new Map((districts.data?.items ?? []).map((d: District) => [d.code, d.name]))
  return (code) => names.get(code) ?? unknown(code)
}
