import type { PolicyLevel, Topic, VeteranCategory } from '@veterans/shared'
import { TOPIC_CODES, TOPICS, VETERAN_CATEGORIES, VETERAN_CATEGORY_CODES } from '@veterans/shared/topics'
import { useState } from 'react'
import { referenceApi, useRequest } from '../../api'
import {
  ActionButton,
  Card,
  ChoiceGroup,
  DateField,
  Notice,
  Paragraph,
  TextAreaField,
  TextField
} from '../../components'
import { MarkdownView } from '../../components/markdown/markdown-view'
import { LEVEL_LABELS } from '../policies/labels'
import { useServices } from '../policies/use-policy'
import { SupersedePicker } from './supersede-picker'
import type { PolicyFormState } from './use-policy-form'
import './staff-policies.css'

const LEVEL_OPTIONS = (Object.keys(LEVEL_LABELS) as PolicyLevel[]).map((value) => ({
  value,
  label: LEVEL_LABELS[value]
}))
const CATEGORY_OPTIONS = TOPIC_CODES.map((value) => ({ value, label: TOPICS[value] }))
const VETERAN_OPTIONS = VETERAN_CATEGORY_CODES.map((value) => ({ value, label: VETERAN_CATEGORIES[value] }))
const DISABILITY_OPTIONS = Array.from({ length: 10 }, (_, i) => ({ value: i + 1, label: `${i + 1} 级` }))
const BODY_HINT =
  '用 Markdown 书写：“## 小标题”写小标题，行首“- ”写列表，“**文字**”加粗，空一行分段。网页代码不会生效，只会显示为文字。'

/** The authoring form: particulars, content (with a live preview of the body), dates, who it is for, services, what it replaces. */
export function PolicyFormView({ state }: { state: PolicyFormState }) {
  const { form, set, errorFor } = state
  const [showBody, setShowBody] = useState(false)
  const services = useServices(true)
  const districts = useRequest(() => referenceApi.districts(), 'districts')

  return (
    <>
      <Card title='基本信息'>
        <TextField
          label='标题'
          value={form.title}
          onChange={(v) => set('title', v)}
          maxLength={200}
          error={errorFor('title')}
        />
        <TextField
          label='文号'
          hint='例如 M退役军人发〔2026〕1号'
          value={form.docNumber}
          onChange={(v) => set('docNumber', v)}
          maxLength={100}
          error={errorFor('docNumber')}
        />
        <TextField
          label='发布机关'
          value={form.issuer}
          onChange={(v) => set('issuer', v)}
          maxLength={100}
          error={errorFor('issuer')}
        />
        <ChoiceGroup<PolicyLevel>
          label='发文层级'
          options={LEVEL_OPTIONS}
          value={form.level}
          onChange={(v) => set('level', v)}
          error={errorFor('level')}
        />
        <ChoiceGroup<Topic>
          label='类别'
          options={CATEGORY_OPTIONS}
          value={form.category}
          onChange={(v) => set('category', v)}
          error={errorFor('category')}
        />
      </Card>

      <Card title='内容'>
        <TextAreaField
          label='摘要'
          hint='两三句话说清楚这份政策管什么、给谁'
          value={form.summary}
          onChange={(v) => set('summary', v)}
          maxLength={1000}
          error={errorFor('summary')}
        />
        <TextAreaField
          label='正文'
          hint={BODY_HINT}
          value={form.body}
          onChange={(v) => set('body', v)}
          maxLength={100_000}
          rows={12}
          error={errorFor('body')}
        />
        <ActionButton variant='secondary' onClick={() => setShowBody(!showBody)}>
          {showBody ? '收起正文预览' : '预览正文'}
        </ActionButton>
        {showBody && (
          <Card>
            {form.body.trim() ? (
              <MarkdownView markdown={form.body} topHeading={3} />
            ) : (
              <Paragraph muted>正文还是空的。</Paragraph>
            )}
          </Card>
        )}
      </Card>

      <Card title='施行时间'>
        <DateField
          label='施行日期'
          value={form.effectiveFrom}
          onChange={(v) => set('effectiveFrom', v)}
          error={errorFor('effectiveFrom')}
        />
        <DateField
          label='失效日期'
          hint='长期有效的不填'
          optional
          value={form.effectiveTo}
          onChange={(v) => set('effectiveTo', v)}
          error={errorFor('effectiveTo')}
        />
      </Card>

      <Card title='适用对象'>
        <Paragraph muted>只填有要求的项目；都不填表示适用于全体退役军人。填了几项，就要同时符合这几项。</Paragraph>
        <ChoiceGroup<VeteranCategory>
          multiple
          label='人员类别'
          options={VETERAN_OPTIONS}
          value={form.categories}
          onChange={(v) => set('categories', v)}
          error={errorFor('eligibility.categories')}
        />
        <ChoiceGroup<string>
          multiple
          label='户籍区县'
          options={(districts.data?.items ?? []).map((d) => ({ value: d.code, label: d.name }))}
          value={form.districts}
          onChange={(v) => set('districts', v)}
          error={errorFor('eligibility.districts')}
        />
        <TextField
          label='最少服役年限'
          hint='例如 2，表示服役满 2 年；没有要求不填'
          value={form.minServiceYears}
          onChange={(v) => set('minServiceYears', v)}
          maxLength={2}
          error={errorFor('eligibility.minServiceYears')}
        />
        <ChoiceGroup<number>
          multiple
          label='伤残等级'
          options={DISABILITY_OPTIONS}
          value={form.disabilityLevels}
          onChange={(v) => set('disabilityLevels', v)}
          error={errorFor('eligibility.disabilityLevels')}
        />
      </Card>

      <Card title='相关服务'>
        <ChoiceGroup<string>
          multiple
          label='可预约的相关服务'
          hint='居民看政策时，可以直接预约这些服务'
          options={(services.data?.items ?? []).map((s) => ({ value: s.id, label: s.name }))}
          value={form.relatedServiceIds}
          onChange={(v) => set('relatedServiceIds', v)}
          error={errorFor('relatedServiceIds')}
        />
        {services.error && <Notice tone='error'>没能读取服务列表：{services.error.message}</Notice>}
      </Card>

      <Card title='替代旧政策'>
        <SupersedePicker
          value={form.supersedes}
          onChange={(v) => set('supersedes', v)}
          error={errorFor('supersedesId')}
        />
      </Card>
    </>
  )
}
