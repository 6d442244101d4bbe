import { VETERAN_CATEGORIES, type PolicyEligibility, type VeteranCategory } from '@veterans/shared'

/** The parts of a registry record that eligibility looks at. */
export interface VeteranFacts {
  category: VeteranCategory
  districtCode: string
  enlistDate: string | null
  dischargeDate: string | null
  disabilityLevel: number | null
}

/** Whole years served between enlistment and discharge; null when either date is not recorded. */
export function serviceYears(enlistDate: string | null, dischargeDate: string | null): number | null {
  if (!enlistDate || !dischargeDate || dischargeDate < enlistDate) return null
  const years = Number(dischargeDate.slice(0, 4)) - Number(enlistDate.slice(0, 4))
  return dischargeDate.slice(5) < enlistDate.slice(5) ? years - 1 : years
}

export function hasCriteria(eligibility: PolicyEligibility | null): eligibility is PolicyEligibility {
  return !!eligibility && Object.values(eligibility).some((v) => v !== undefined)
}

/**
 * Why a policy applies to a veteran, in words for people, or null if it does not. Every criterion the policy sets
 * must hold; a criterion that needs data the record lacks (service dates, disability level) does not hold.
 * `subject` is how the sentence names the person: 您 for the veteran, 您的家人王*国 for a family member.
 */
export function eligibilityReasons(
  eligibility: PolicyEligibility | null,
  veteran: VeteranFacts,
  subject: { self: true } | { self: false; name: string },
  districtName: (code: string) => string
): string[] | null {
  const who = subject.self ? '您' : `您的家人${subject.name}`
  if (!hasCriteria(eligibility))
    return [subject.self ? '本政策适用于全体退役军人' : `本政策适用于全体退役军人，包括${who}`]
  const reasons: string[] = []
  if (eligibility.categories) {
    if (!eligibility.categories.includes(veteran.category)) return null
    reasons.push(
      veteran.category === 'other'
        ? `${who}的人员类别在本政策范围内`
        : `${who}是${VETERAN_CATEGORIES[veteran.category]}`
    )
  }
  if (eligibility.districts) {
    if (!eligibility.districts.includes(veteran.districtCode)) return null
    reasons.push(`${who}户籍在${districtName(veteran.districtCode)}`)
  }
  if (eligibility.minServiceYears !== undefined) {
    const years = serviceYears(veteran.enlistDate, veteran.dischargeDate)
    if (years === null || years < eligibility.minServiceYears) return null
    reasons.push(`${who}服役 ${years} 年，满足服役满 ${eligibility.minServiceYears} 年的条件`)
  }
  if (eligibility.disabilityLevels) {
    if (veteran.disabilityLevel === null || !eligibility.disabilityLevels.includes(veteran.disabilityLevel)) return null
    reasons.push(`${who}的伤残等级为 ${veteran.disabilityLevel} 级`)
  }
  return reasons
}
