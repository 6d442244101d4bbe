import { maskName, type PolicyMatch, type PolicyMatchList } from '@veterans/shared'
import type { Ctx } from '../../context'
import { AppError } from '../../lib/app-error'
import { shanghaiDate } from '../../lib/time'
import type { Principal } from '../../lib/principal'
import { veteranRecordsOf } from '../me/service'
import { listDistricts } from '../reference/service'
import { eligibilityReasons, hasCriteria } from './eligibility'
import * as repo from './repo'
import { toListItem, validityOfRow } from './service'

/**
 * GET /policies/for-me: published, in-force policies whose eligibility matches the signed-in veteran's registry
 * record and, for a family member (or a veteran who is also linked to a relative), the records of the veterans they
 * are linked to. Each comes with the reasons, naming whose record matched. Someone with no record to match
 * (an unbound resident) is told how to get one: 403 NOT_ELIGIBLE.
 */
export async function policiesForMe(ctx: Ctx, principal: Principal): Promise<PolicyMatchList> {
  const records = await veteranRecordsOf(ctx, principal)
  if (records.length === 0) throw new AppError('NOT_ELIGIBLE')

  const districtNames = new Map((await listDistricts(ctx)).items.map((d) => [d.code, d.name]))
  const districtName = (code: string) => districtNames.get(code) ?? code
  const today = shanghaiDate()
  const matches: PolicyMatch[] = []
  for (const policy of await repo.listPublishedUnrepealed(ctx.db)) {
    if (validityOfRow(policy, today) !== 'in_force') continue
    const matchedBecause: string[] = []
    const matchedFor: PolicyMatch['matchedFor'] = []
    for (const veteran of records) {
      const self = veteran.id === principal.veteranId
      const masked = maskName(veteran.name)
      const reasons = eligibilityReasons(
        policy.eligibility ?? null,
        veteran,
        self ? { self } : { self, name: masked },
        districtName
      )
      if (!reasons) continue
      matchedBecause.push(...reasons)
      matchedFor.push({ veteranId: veteran.id, veteranNameMasked: masked })
    }
    if (matchedFor.length === 0) continue
    matches.push({
      ...toListItem(policy, 'in_force'),
      matchedBecause,
      matchedFor,
      forEveryVeteran: !hasCriteria(policy.eligibility ?? null)
    })
  }
  // Policies written for people like them first (most reasons first), then those for every veteran; newest first.
  matches.sort(
    (a, b) =>
      Number(a.forEveryVeteran) - Number(b.forEveryVeteran) ||
      b.matchedBecause.length - a.matchedBecause.length ||
      (a.effectiveFrom < b.effectiveFrom ? 1 : a.effectiveFrom > b.effectiveFrom ? -1 : 0)
  )
  return { items: matches }
}
