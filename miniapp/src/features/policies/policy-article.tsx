import type { PolicyDetail, PolicyEligibility } from '@veterans/shared'
import { TOPICS, VETERAN_CATEGORIES } from '@veterans/shared/topics'
import { Card, KeyValues, Paragraph } from '../../components'
import { MarkdownView } from '../../components/markdown/markdown-view'
import { formatCalendarDate } from '../../lib/format'
import { LEVEL_LABELS } from './labels'
import { useDistrictNames } from '../reference/use-district-names'
import { ValidityBanner } from './validity-banner'

function eligibilityRows(eligibility: PolicyEligibility, districtName: (code: string) => string): [string, string][] {
  const rows: [string, string][] = []
  if (eligibility.categories)
    rows.push(['人员类别', eligibility.categories.map((c) => VETERAN_CATEGORIES[c]).join('、')])
  if (eligibility.districts) rows.push(['户籍所在', eligibility.districts.map(districtName).join('、')])
  if (eligibility.minServiceYears !== undefined) rows.push(['服役年限', `满 ${eligibility.minServiceYears} 年`])
  if (eligibility.disabilityLevels)
    rows.push(['伤残等级', `${[...eligibility.disabilityLevels].sort((a, b) => a - b).join('、')} 级`])
  return rows
}

/**
 * A policy as readers see it, under the page's title: whether it applies today, its particulars, summary, full text
 * (Markdown, rendered safely) and who it is for. The staff preview shows exactly this.
 */
export function PolicyArticle({ policy }: { policy: PolicyDetail }) {
  const eligibility = eligibilityRows(policy.eligibility ?? {}, useDistrictNames(!!policy.eligibility?.districts))
  return (
    <>
      <ValidityBanner policy={policy} />
      <Card title='文件信息'>
        <KeyValues
          rows={[
            ['文号', policy.docNumber],
            ['发布机关', policy.issuer],
            ['层级', `${LEVEL_LABELS[policy.level]}政策`],
            ['类别', TOPICS[policy.category]],
            ['施行日期', formatCalendarDate(policy.effectiveFrom)],
            ...(policy.effectiveTo ? [['有效期至', formatCalendarDate(policy.effectiveTo)] as [string, string]] : [])
          ]}
        />
      </Card>
      <Card title='内容摘要'>
        <Paragraph>{policy.summary}</Paragraph>
      </Card>
      <Card title='政策全文'>
        <MarkdownView markdown={policy.body} topHeading={3} />
      </Card>
      {eligibility.length > 0 && (
        <Card title='适用对象'>
          <Paragraph>同时符合下面各项条件的退役军人适用本政策：</Paragraph>
          <KeyValues rows={eligibility} />
        </Card>
      )}
    </>
  )
}
