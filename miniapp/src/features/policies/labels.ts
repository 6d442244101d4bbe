import { POLICY_LEVELS, POLICY_VALIDITIES } from '@veterans/shared/topics'

export const LEVEL_LABELS = POLICY_LEVELS
export const VALIDITY_LABELS = POLICY_VALIDITIES
