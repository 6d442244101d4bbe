import type { PolicyValidity, StaffPolicyValidityFilter } from '@veterans/shared'

export interface ValidityFacts {
  effectiveFrom: string
  effectiveTo: string | null
  repealed: boolean
  supersededFrom: string | null
}

/** Where a policy stands on `today` (YYYY-MM-DD, Asia/Shanghai). Dates are inclusive: in force on effectiveTo itself. */
export function validityOn(facts: ValidityFacts, today: string): PolicyValidity {
  if (facts.repealed) return 'repealed'
  if (facts.supersededFrom !== null && facts.supersededFrom <= today) return 'superseded'
  if (facts.effectiveFrom > today) return 'not_yet_effective'
  if (facts.effectiveTo !== null && facts.effectiveTo < today) return 'expired'
  return 'in_force'
}

/** In-force policies first, then those about to start, then those that lapsed, repealed last. */
export const VALIDITY_RANK: Record<PolicyValidity, number> = {
  in_force: 0,
  not_yet_effective: 1,
  expired: 2,
  superseded: 2,
  repealed: 3
}

/**
 * `expired` as a filter means "no longer in force by lapse of time or replacement": expired and superseded.
 * `not_repealed` (staff lists) is every validity but repealed.
 */
export function validityAccepts(filter: StaffPolicyValidityFilter, validity: PolicyValidity): boolean {
  if (filter === 'all') return true
  if (filter === 'not_repealed') return validity !== 'repealed'
  if (filter === 'expired') return validity === 'expired' || validity === 'superseded'
  return filter === validity
}
