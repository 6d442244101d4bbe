import { and, asc, eq, inArray } from 'drizzle-orm'
import type { Db } from '../../db/client'
import { centerServices, centers, districts, services } from '../../db/schema/index'

export async function listDistricts(db: Db) {
  return await db
    .select({ code: districts.code, name: districts.name })
    .from(districts)
    .orderBy(asc(districts.sortOrder))
}

export async function listCenters(db: Db, filter: { districtCode?: string; serviceId?: string }) {
  const conditions = [
    filter.districtCode ? eq(centers.districtCode, filter.districtCode) : undefined,
    filter.serviceId
      ? inArray(
          centers.id,
          db
            .select({ id: centerServices.centerId })
            .from(centerServices)
            .where(eq(centerServices.serviceId, filter.serviceId))
        )
      : undefined
  ].filter((c) => c !== undefined)
  return await db
    .select()
    .from(centers)
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(asc(centers.sortOrder))
}

export async function listCenterServicePairs(db: Db) {
  return await db.select().from(centerServices)
}

export async function findCenter(db: Db, centerId: string) {
  const [center] = await db.select().from(centers).where(eq(centers.id, centerId)).limit(1)
  return center ?? null
}

export async function listServices(db: Db) {
  return await db.select().from(services).orderBy(asc(services.sortOrder))
}

export async function findService(db: Db, serviceId: string) {
  const [service] = await db.select().from(services).where(eq(services.id, serviceId)).limit(1)
  return service ?? null
}

export async function centerOffersService(db: Db, centerId: string, serviceId: string) {
  const [pair] = await db
    .select({ c: centerServices.centerId })
    .from(centerServices)
    .where(and(eq(centerServices.centerId, centerId), eq(centerServices.serviceId, serviceId)))
    .limit(1)
  return !!pair
}

export async function districtExists(db: Db, code: string) {
  const [district] = await db.select({ code: districts.code }).from(districts).where(eq(districts.code, code)).limit(1)
  return !!district
}
