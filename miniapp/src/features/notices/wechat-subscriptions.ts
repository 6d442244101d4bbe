import type { MessageKind, Preferences, PreferencesPatch, SubscriptionResults } from '@veterans/shared'

// WeChat subscription messages: which templates to ask for at a natural moment, and what WeChat answered. Pure, so
// the rules are unit-tested; the asking itself is in use-wechat-reminders.ts.

/** WeChat lets one requestSubscribeMessage call ask for at most three templates. */
export const SUBSCRIBE_LIMIT = 3

type Answer = SubscriptionResults['results'][number]['answer']
const ANSWERS: readonly string[] = ['accept', 'reject', 'ban', 'filter'] satisfies Answer[]

/**
 * The templates to ask for, for these kinds in order of importance: none while the server has no WeChat channel,
 * each template once (two kinds may share one), at most three.
 */
export function templatesToRequest(preferences: Preferences | undefined, kinds: readonly MessageKind[]): string[] {
  if (!preferences?.wechatEnabled) return []
  const chosen: string[] = []
  for (const kind of kinds) {
    const templateId = preferences.items.find((item) => item.kind === kind)?.templateId
    if (templateId && !chosen.includes(templateId)) chosen.push(templateId)
    if (chosen.length === SUBSCRIBE_LIMIT) break
  }
  return chosen
}

/** WeChat's answer (`{ [templateId]: 'accept' | 'reject' | … , errMsg }`) as the server records it, per template asked. */
export function subscriptionResults(
  templateIds: readonly string[],
  answer: Record<string, unknown>
): SubscriptionResults['results'] {
  const isAnswer = (value: unknown): value is Answer => typeof value === 'string' && ANSWERS.includes(value)
  return templateIds.flatMap((id) => {
    const given = answer[id]
    return isAnswer(given) ? [{ templateId: id, answer: given }] : []
  })
}

/** Kinds whose template the person just accepted but whose 微信提醒 is still off: the tap meant to turn it on. */
export function kindsToSwitchOn(
  preferences: Preferences,
  results: SubscriptionResults['results']
): PreferencesPatch['items'] {
  const accepted = new Set(results.filter((r) => r.answer === 'accept').map((r) => r.templateId))
  return preferences.items
    .filter((item) => !item.wechat && item.templateId !== null && accepted.has(item.templateId))
    .map((item) => ({ kind: item.kind, wechat: true }))
}
