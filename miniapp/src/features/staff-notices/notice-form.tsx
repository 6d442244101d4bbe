import type { VeteranCategory } from '@veterans/shared'
import { VETERAN_CATEGORIES, VETERAN_CATEGORY_CODES } from '@veterans/shared/topics'
import { Card, ChoiceGroup, KeyValues, Notice, Paragraph, TextAreaField, TextField } from '../../components'
import { BODY_MAX, TITLE_MAX } from './notice-form-state'
import { PublishedPolicyPicker } from './policy-picker'
import type { NoticeFormState } from './use-notice-form'
import './staff-notices.css'

const ROLE_OPTIONS = [
  { value: 'veteran' as const, label: '退役军人' },
  { value: 'family' as const, label: '家属（与退役军人关联的家属账号）' }
]
const WHERE_OPTIONS = [
  { value: 'all' as const, label: '全市' },
  { value: 'some' as const, label: '指定区县' }
]
const WHO_OPTIONS = [
  { value: 'category' as const, label: '按人员类别' },
  { value: 'policy' as const, label: '符合某项政策条件的退役军人' }
]
const CATEGORY_OPTIONS = VETERAN_CATEGORY_CODES.map((value) => ({ value, label: VETERAN_CATEGORIES[value] }))
const BODY_HINT =
  '用 Markdown 书写：“## 小标题”写小标题，行首“- ”写列表，“**文字**”加粗，空一行分段。网页代码不会生效，只会显示为文字。写的时候，右边（手机上在下面）就是居民看到的样子。'

/** The composer's fields: content, the linked policy, and who receives it. */
export function NoticeFormView({ state }: { state: NoticeFormState }) {
  const { form, set, errorFor, place } = state
  const scope = place.scope
  const roles = [...(form.toVeterans ? ['veteran' as const] : []), ...(form.toFamilies ? ['family' as const] : [])]

  return (
    <>
      <Card title='内容'>
        <TextField
          label='标题'
          hint={`最多 ${TITLE_MAX} 个字，居民在消息列表里先看到它`}
          value={form.title}
          onChange={(v) => set('title', v)}
          maxLength={TITLE_MAX}
          error={errorFor('title')}
        />
        <TextAreaField
          label='正文'
          hint={BODY_HINT}
          value={form.body}
          onChange={(v) => set('body', v)}
          maxLength={BODY_MAX}
          rows={10}
          error={errorFor('body')}
        />
      </Card>

      <Card title='相关政策（可不选）'>
        <PublishedPolicyPicker
          label='查找要附上的政策'
          chosenLabel='居民看通知时，可以直接打开这份政策：'
          clearText='不附政策'
          value={form.policy}
          onChange={(v) => set('policy', v)}
          error={errorFor('policyId')}
        />
      </Card>

      <Card title='发给谁'>
        <ChoiceGroup<'veteran' | 'family'>
          multiple
          label='收件人'
          hint='家属是指已在小程序里关联了退役军人的家属，符合下面条件的退役军人的家属都会收到'
          options={ROLE_OPTIONS}
          value={roles}
          onChange={(v) => (set('toVeterans', v.includes('veteran')), set('toFamilies', v.includes('family')))}
          error={errorFor('audience.roles')}
        />

        {scope?.fixed ? (
          <KeyValues rows={[['区县', `${place.ownDistrictName ?? '本中心所在区县'}（只能发给本区县，不能更改）`]]} />
        ) : (
          <>
            <ChoiceGroup<'all' | 'some'>
              label='区县'
              hint='发给全市的通知，要由另一位工作人员审核通过后才能发送'
              options={WHERE_OPTIONS}
              value={form.everyDistrict ? 'all' : 'some'}
              onChange={(v) => set('everyDistrict', v === 'all')}
            />
            {!form.everyDistrict && (
              <ChoiceGroup<string>
                multiple
                label='选择区县'
                options={place.districts.map((d) => ({ value: d.code, label: d.name }))}
                value={form.districts}
                onChange={(v) => set('districts', v)}
                error={errorFor('audience.districts')}
              />
            )}
            {form.everyDistrict && errorFor('audience.districts') && (
              <Notice tone='error'>{errorFor('audience.districts')}</Notice>
            )}
          </>
        )}
        {place.error && <Notice tone='error'>没能读取区县：{place.error.message}</Notice>}

        <ChoiceGroup<'category' | 'policy'>
          label='哪些退役军人'
          options={WHO_OPTIONS}
          value={form.veteransBy}
          onChange={(v) => set('veteransBy', v)}
        />
        {form.veteransBy === 'category' ? (
          <ChoiceGroup<VeteranCategory>
            multiple
            label='人员类别'
            hint='都不选表示所有类别'
            options={CATEGORY_OPTIONS}
            value={form.categories}
            onChange={(v) => set('categories', v)}
            error={errorFor('audience.veteranCategories')}
          />
        ) : (
          <>
            <Paragraph muted>按这份政策的适用条件（人员类别、区县、服役年限、伤残等级）找出符合的退役军人。</Paragraph>
            <PublishedPolicyPicker
              label='查找政策'
              chosenLabel='发给符合这份政策条件的退役军人：'
              clearText='换一份政策'
              value={form.eligibilityPolicy}
              onChange={(v) => set('eligibilityPolicy', v)}
              error={errorFor('audience.eligibleForPolicyId')}
            />
          </>
        )}
      </Card>
    </>
  )
}
