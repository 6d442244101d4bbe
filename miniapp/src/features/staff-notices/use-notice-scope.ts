import type { District, Me } from '@veterans/shared'
import { useCatalog } from '../booking/use-catalog'
import type { DistrictScope } from './notice-form-state'

/**
 * Where this staff member may send notices, as the server decides it: admins and staff of the city-level center
 * anywhere (city-wide needs a second person), other staff only their own center's district. Undefined while the
 * centers are still being read.
 */
export function useNoticeScope(me: Me) {
  const catalog = useCatalog()
  const districts: District[] = catalog.data?.districts ?? []
  const own = catalog.data?.centers.find((c) => c.id === me.center?.id)
  let scope: DistrictScope | undefined
  if (me.role === 'admin' || !me.center) scope = { fixed: false }
  else if (catalog.data)
    scope = own?.level === 'city' ? { fixed: false } : { fixed: true, districtCode: own?.districtCode }
  const districtName = (code: string) => districts.find((d) => d.code === code)?.name
  const ownDistrictName = scope?.fixed && scope.districtCode ? districtName(scope.districtCode) : undefined
  return { scope, districts, districtName, ownDistrictName, error: catalog.error, reload: catalog.reload }
}

export type NoticeScope = ReturnType<typeof useNoticeScope>
