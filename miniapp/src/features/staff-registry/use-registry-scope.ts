import type { Me } from '@veterans/shared'
import { useCatalog } from '../booking/use-catalog'

/**
 * The districts this staff member sees: all of them for admins and staff of the city-level center (they get a
 * district filter), their center's district for everyone else. Also names districts by code for the lists.
 */
export function useRegistryScope(me: Me) {
  const catalog = useCatalog()
  const centers = catalog.data?.centers ?? []
  const districts = catalog.data?.districts ?? []
  const own = centers.find((center) => center.id === me.center?.id)
  const seesAllDistricts = me.role === 'admin' || own?.level === 'city'
  const districtName = (code: string) => districts.find((d) => d.code === code)?.name ?? code
  /** The districts a record can be put in: every district for city-wide staff, else their own. */
  const choosable = seesAllDistricts ? districts : districts.filter((d) => d.code === own?.districtCode)
  return { catalog, districts, seesAllDistricts, districtName, choosable, ownDistrict: own?.districtCode }
}
