import type { Stats, StatsQuery } from '@veterans/shared'
import type { Ctx } from '../../context'
import { AppError } from '../../lib/app-error'
import type { Principal } from '../../lib/principal'
import { seesEverything } from '../../lib/scope'
import { bookingFigures, measuredMessageFigures, messageFigures, veteranFigures } from './figures'
import { periodOf } from './period'
import * as repo from './repo'
import { workingTimeMeter } from './working-time'

const CITY_NAME = '全市'

/**
 * Whose figures a request may see: city-level staff and admins any center's or the whole city's (no centerId);
 * other staff only their own center's, which is also what they get without a centerId. Another center is 403,
 * as in the staff inbox's center filter (centers are public; their figures are not).
 */
async function chooseCenter(ctx: Ctx, principal: Principal, centerId: string | undefined) {
  if (!seesEverything(principal)) {
    const own = principal.center
    if (!own || (centerId && centerId !== own.id)) throw new AppError('FORBIDDEN')
    return (await repo.centerOf(ctx.db, own.id))!
  }
  if (!centerId) return null
  const center = await repo.centerOf(ctx.db, centerId)
  if (!center) throw new AppError('NOT_FOUND')
  return center
}

/**
 * Threads answered since migration 0012 carry their first wait in working minutes, and the database finds the
 * percentiles by rank; while a period still holds older answered threads, the waits are worked out one by one.
 */
async function messageFiguresOf(ctx: Ctx, startsAt: string, endsAt: string, centerId: string | null, from: string) {
  const summary = await repo.threadSummary(ctx.db, startsAt, endsAt, centerId)
  if (summary.unmeasured > 0) {
    return messageFigures(await repo.threadFigures(ctx.db, startsAt, endsAt, centerId), workingTimeMeter(from))
  }
  return measuredMessageFigures(summary, (rank) => repo.rankedFirstWait(ctx.db, startsAt, endsAt, centerId, rank))
}

/** The dashboard's figures for a period (Beijing dates, both included) at one center or the whole city. */
export async function getStats(ctx: Ctx, principal: Principal, query: StatsQuery): Promise<Stats> {
  const period = periodOf(query.from, query.to)
  const center = await chooseCenter(ctx, principal, query.centerId)
  const centerId = center?.id ?? null
  const { startsAt, endsAt } = period
  // A district center serves its district's veterans; the city-level center, like the city view, all of them.
  const veteransDistrict = center && center.level !== 'city' ? center.districtCode : null
  const notices = await repo.noticeFigures(ctx.db, startsAt, endsAt, centerId)
  const days = await repo.bookingDays(ctx.db, period.from, period.to, centerId)
  const services = await repo.serviceNames(ctx.db)
  const messages = await messageFiguresOf(ctx, startsAt, endsAt, centerId, period.from)
  const groups = await repo.veteranGroups(ctx.db, veteransDistrict)
  return {
    period: { from: period.from, to: period.to, centerId, centerName: center?.name ?? CITY_NAME },
    bookings: bookingFigures(days, period.dates, services),
    messages,
    notices: {
      sent: notices.sent,
      readRate: notices.recipients > 0 ? Number((notices.read / notices.recipients).toFixed(4)) : null
    },
    veterans: veteranFigures(groups)
  }
}
