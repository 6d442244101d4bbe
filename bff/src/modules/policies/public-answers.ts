import type { PolicyQuery, PolicySearchResult } from '@veterans/shared'
import type { Ctx } from '../../context'
import { perConnection } from '../../db/client'
import { shanghaiDate } from '../../lib/time'
import { searchVersion } from './repo'
import { searchPolicies } from './service'

/**
 * GET /policies answers, kept by query while they cannot change: the same for everyone (the route is public), they
 * move only with a policy write (every one bumps the search version, in whichever process) or with the day (a
 * policy comes into or goes out of force). People ask the same few things over and over (优待证, 抚恤 …); each is
 * searched, paged and given snippets once, and, kept as the same object, serialized once (sendSerializedOnce).
 * Bounded: the oldest answer goes first.
 */
const MAX_ANSWERS = 500
const answersOf = perConnection(() => ({ stamp: '', answers: new Map<string, PolicySearchResult>() }))

export async function searchPublishedPolicies(ctx: Ctx, query: PolicyQuery): Promise<PolicySearchResult> {
  const today = shanghaiDate()
  const stamp = `${await searchVersion(ctx.db)}|${today}`
  const cache = answersOf(ctx.db)
  if (cache.stamp !== stamp) {
    cache.stamp = stamp
    cache.answers.clear()
  }
  // Every field of the query, in one order: a field added to the query later is part of the key too.
  const key = JSON.stringify(Object.entries(query).sort(([a], [b]) => (a < b ? -1 : 1)))
  let answer = cache.answers.get(key)
  if (!answer) {
    answer = await searchPolicies(ctx, query, today)
    if (cache.answers.size >= MAX_ANSWERS) cache.answers.delete(cache.answers.keys().next().value!)
    cache.answers.set(key, answer)
  }
  return answer
}
