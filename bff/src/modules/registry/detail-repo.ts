import { and, desc, eq, isNull, sql } from 'drizzle-orm'
import type { Db } from '../../db/client'
import { bookings, centers, districts, familyLinks, services, threads } from '../../db/schema/index'

// What the platform holds around one registry record, for the staff detail view. Read-only lookups by the record's
// id over indexed columns (bookings_veteran_idx, family links, threads); no other capability's rules are involved.

const RECENT = 20

export async function districtName(db: Db, code: string): Promise<string> {
  const [row] = await db.select({ name: districts.name }).from(districts).where(eq(districts.code, code)).limit(1)
  return row?.name ?? code
}

export async function familyCountOf(db: Db, veteranId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)` })
    .from(familyLinks)
    .where(and(eq(familyLinks.veteranId, veteranId), isNull(familyLinks.removedAt)))
  return row?.n ?? 0
}

export async function recentBookingsOf(db: Db, veteranId: string) {
  return await db
    .select({
      id: bookings.id,
      serviceName: services.name,
      centerName: centers.name,
      startsAt: bookings.startsAt,
      status: bookings.status
    })
    .from(bookings)
    .innerJoin(services, eq(services.id, bookings.serviceId))
    .innerJoin(centers, eq(centers.id, bookings.centerId))
    .where(eq(bookings.veteranId, veteranId))
    .orderBy(desc(bookings.startsAt))
    .limit(RECENT)
}

export async function recentThreadsOf(db: Db, veteranId: string) {
  return await db
    .select({ id: threads.id, subject: threads.subject, status: threads.status, lastMessageAt: threads.lastMessageAt })
    .from(threads)
    .where(eq(threads.veteranId, veteranId))
    .orderBy(desc(threads.lastMessageAt))
    .limit(RECENT)
}
