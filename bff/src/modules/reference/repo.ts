import { and, asc, eq, inArray } from 'drizzle-orm'
import type { Db } from '../../db/client'
import { centerServices, centers, districts, services } from '../../db/schema/index'

export async function listDistricts(db: Db) {
  return db
    .select({ code: districts.code, name: districts.name })
    .from(districts)
    .orderBy(asc(districts.sortOrder))
    .all()
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
  return db
    .select()
    .from(centers)
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(asc(centers.sortOrder))
    .all()
}

export async function listCenterServicePairs(db: Db) {
  return db.select().from(centerServices).all()
}

export async function findCenter(db: Db, centerId: string) {
  return db.select().from(centers).where(eq(centers.id, centerId)).get() ?? null
}

export async function listServices(db: Db) {
  return db.select().from(services).orderBy(asc(services.sortOrder)).all()
}

export async function findService(db: Db, serviceId: string) {
  return db.select().from(services).where(eq(services.id, serviceId)).get() ?? null
}

export async function centerOffersService(db: Db, centerId: string, serviceId: string) {
  return !!db
    .select({ c: centerServices.centerId })
    .from(centerServices)
    .where(and(eq(centerServices.centerId, centerId), eq(centerServices.serviceId, serviceId)))
    .get()
}

export async function districtExists(db: Db, code: string) {
  return !!db.select({ code: districts.code }).from(districts).where(eq(districts.code, code)).get()
}
