import type { Center, District, Service } from '@veterans/shared'
import { referenceApi, useRequest } from '../../api'

export interface Catalog {
  services: Service[]
  centers: Center[]
  districts: District[]
}

async function loadCatalog(): Promise<Catalog> {
  const [services, centers, districts] = await Promise.all([
    referenceApi.services(),
    referenceApi.centers(),
    referenceApi.districts()
  ])
  return { services: services.items, centers: centers.items, districts: districts.items }
}

/** Services, centers and districts: the reference data every booking screen needs (small; one round trip each). */
export function useCatalog(enabled = true) {
  return useRequest(loadCatalog, 'catalog', enabled)
}

export function centersOffering(catalog: Catalog, serviceId: string): Center[] {
  return catalog.centers.filter((center) => center.serviceIds.includes(serviceId))
}
