import type { AudiencePreview, NoticeAudience } from '@veterans/shared'
import { VETERAN_CATEGORIES } from '@veterans/shared/topics'

/** What the wording needs besides the audience itself: district names by code and the eligibility policy's title. */
export interface AudienceNames {
  districtName?: (code: string) => string | undefined
  policyTitle?: string
}

/**
 * The audience in one plain phrase, as staff would say it: 全市退役军人及其家属, 东区、西区退役士兵的家属,
 * 全市符合《…》条件的退役军人. `audience` may be missing (an older list answer): then only where it goes is known.
 */
export function audienceSummary(
  notice: { cityWide: boolean; audience?: NoticeAudience },
  names: AudienceNames = {}
): string {
  const { audience, cityWide } = notice
  const districts = audience?.districts ?? []
  const where =
    cityWide || (audience && districts.length === 0)
      ? '全市'
      : districts.length > 0
        ? districts.map((code) => names.districtName?.(code) ?? code).join('、')
        : '指定区县'
  if (!audience) return where
  const categories = audience.veteranCategories ?? []
  const veterans = audience.eligibleForPolicyId
    ? `符合${names.policyTitle ? `《${names.policyTitle}》` : '所选政策'}条件的退役军人`
    : categories.length > 0
      ? categories.map((code) => VETERAN_CATEGORIES[code]).join('、')
      : '退役军人'
  const roles = new Set(audience.roles)
  if (roles.has('veteran') && roles.has('family')) return `${where}${veterans}及其家属`
  if (roles.has('family')) return `${where}${veterans}的家属`
  return `${where}${veterans}`
}

/** 12345 → 12,345 (recipient counts reach six figures). */
export function formatCount(n: number): string {
  return n.toLocaleString('en-US')
}

/**
 * The share that has read it, as a whole percentage that never says 0% once someone read it nor 100% while someone
 * has not; '—' before there is anyone to read it.
 */
export function readRate(read: number, recipients: number): string {
  if (recipients <= 0) return '—'
  if (read <= 0) return '0%'
  if (read >= recipients) return '100%'
  const percent = (read / recipients) * 100
  if (percent < 1) return '不到 1%'
  return `${Math.min(99, Math.round(percent))}%`
}

/** 已读 30 人（占 12%） — the list's and the reach page's figure. */
export function readLine(read: number, recipients: number): string {
  return recipients > 0 ? `已读 ${formatCount(read)} 人（${readRate(read, recipients)}）` : '还没有收件人'
}

/** The recipient count with its split: 共 1,234 人（退役军人 1,000 人，家属 234 人）. */
export function recipientCountLine(preview: AudiencePreview): string {
  if (preview.count === 0) return '按现在的条件，没有人会收到这条通知。'
  const parts = [
    preview.veterans > 0 ? `退役军人 ${formatCount(preview.veterans)} 人` : '',
    preview.families > 0 ? `家属 ${formatCount(preview.families)} 人` : ''
  ].filter(Boolean)
  return `共 ${formatCount(preview.count)} 人${parts.length > 1 ? `（${parts.join('，')}）` : parts.length === 1 ? `，都是${parts[0]!.split(' ')[0]}` : ''}`
}
