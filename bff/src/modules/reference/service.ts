import type { Center, Service, Topic } from '@veterans/shared'
import type { Ctx } from '../../context'
import * as repo from './repo'

export { findCenter, findService, centerOffersService, districtExists } from './repo'

export async function listDistricts(ctx: Ctx) {
  return { items: await repo.listDistricts(ctx.db) }
}

export async function listCenters(
  ctx: Ctx,
  filter: { districtCode?: string; serviceId?: string }
): Promise<{ items: Center[] }> {
  const [rows, pairs] = await Promise.all([repo.listCenters(ctx.db, filter), repo.listCenterServicePairs(ctx.db)])
  const servicesOf = new Map<string, string[]>()
  for (const pair of pairs) servicesOf.set(pair.centerId, [...(servicesOf.get(pair.centerId) ?? []), pair.serviceId])
  return {
    items: rows.map((c) => ({
      id: c.id,
      name: c.name,
      level: c.level,
      districtCode: c.districtCode,
      address: c.address,
      phone: c.phone,
      openingHours: c.openingHours,
      ...(c.lat !== null && c.lng !== null ? { location: { lat: c.lat, lng: c.lng } } : {}),
      serviceIds: servicesOf.get(c.id) ?? []
    }))
  }
}

export async function listServices(ctx: Ctx): Promise<{ items: Service[] }> {
  const rows = await repo.listServices(ctx.db)
  return {
    items: rows.map((s) => ({
      id: s.id,
      code: s.code,
      name: s.name,
      category: s.category as Topic,
      description: s.description,
      durationMinutes: s.durationMinutes,
      requiredDocuments: s.requiredDocuments
    }))
  }
}
