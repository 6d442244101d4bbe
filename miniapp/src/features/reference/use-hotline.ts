import type { Center } from '@veterans/shared'
import { referenceApi, useRequest } from '../../api'

/** The bureau's service hotline: the city-level service center's phone and hours, from the reference data. */
export function useHotline(enabled: boolean): { center: Center | undefined; loading: boolean } {
  const centers = useRequest(() => referenceApi.centers(), 'centers', enabled)
  return { center: centers.data?.items.find((c) => c.level === 'city'), loading: centers.loading }
}
