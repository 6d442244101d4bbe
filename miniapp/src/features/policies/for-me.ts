import type { PolicyMatch } from '@veterans/shared'

/** "您是退役士兵" → "因为您是退役士兵"; statements about the policy itself stay as they are. */
export function reasonText(reason: string): string {
  return reason.startsWith('您') ? `因为${reason}` : reason
}

/** Policies written for people like this person (they matched conditions) apart from those for every veteran. */
export function splitMatches(items: readonly PolicyMatch[]): { specific: PolicyMatch[]; general: PolicyMatch[] } {
  return {
    specific: items.filter((item) => !item.forEveryVeteran),
    general: items.filter((item) => item.forEveryVeteran)
  }
}
