import type { CapabilityHooks } from '../../capability-hooks'
import { seedDemoPolicies } from './seed'

/** What policies add to the others (composed in app.ts): the demo policies. */
export const policiesHooks: CapabilityHooks = {
  seed: seedDemoPolicies
}
