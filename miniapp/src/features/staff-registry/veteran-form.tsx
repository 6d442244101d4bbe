import type { Me } from '@veterans/shared'
import { View } from '@tarojs/components'
import {
  ActionButton,
  Card,
  ChoiceGroup,
  DateField,
  KeyValues,
  Notice,
  Paragraph,
  SwitchRow,
  TextAreaField,
  TextField,
  SelectField
} from '../../components'
import { goBack, replacePage, wayOn } from '../../shell/navigation'
import { EnterSubmits } from '../staff-notices/enter-submits'
import { filterOptions, GENDERS, VETERAN_CATEGORIES, VETERAN_STATUSES } from './labels'
import { veteranUrl } from './paths'
import { useVeteranForm, type VeteranFormState } from './use-veteran-form'
import './staff-registry.css'

const GENDER_OPTIONS = (Object.keys(GENDERS) as Array<keyof typeof GENDERS>).map((value) => ({
  value,
  label: GENDERS[value]
}))
const DISABILITY_OPTIONS = [
  { value: '', label: '无' },
  ...Array.from({ length: 10 }, (_, i) => ({ value: String(i + 1), label: `${i + 1} 级` }))
]
const STATUS_OPTIONS = filterOptions(VETERAN_STATUSES).filter((o) => o.value !== '') as Array<{
  value: keyof typeof VETERAN_STATUSES
  label: string
}>

function Identity({ state }: { state: VeteranFormState }) {
  const { form, set, errors, creating, masked } = state
  return (
    <Card title='身份'>
      <View className='registry-form__grid'>
        <TextField label='姓名' value={form.name} maxLength={32} error={errors.name} onChange={(v) => set('name', v)} />
        {creating ? (
          <TextField
            label='身份证号'
            kind='idcard'
            hint='18 位，保存前会核对校验位'
            value={form.idNumber}
            maxLength={24}
            error={errors.idNumber}
            onChange={(v) => set('idNumber', v)}
          />
        ) : (
          <View className='field'>
            <View className='registry-kv'>
              <KeyValues rows={[['身份证号', masked?.idNumberMasked ?? '…']]} />
            </View>
            <Paragraph muted small>
              身份证号是这条记录的标识，不能修改。登记错了请联系管理员。
            </Paragraph>
          </View>
        )}
        <ChoiceGroup
          label='性别'
          hint={creating ? '不选则按身份证号' : undefined}
          options={GENDER_OPTIONS}
          value={form.gender}
          error={errors.gender}
          onChange={(v) => set('gender', v)}
        />
        <DateField
          label='出生日期'
          hint={creating ? '不填则按身份证号' : undefined}
          value={form.birthDate}
          error={errors.birthDate}
          onChange={(v) => set('birthDate', v)}
        />
        <SelectField
          label='户籍区县'
          options={state.scope.choosable.map((d) => ({ value: d.code, label: d.name }))}
          value={form.districtCode}
          error={errors.districtCode}
          onChange={(v) => set('districtCode', v)}
        />
        <SelectField
          label='人员类别'
          options={filterOptions(VETERAN_CATEGORIES).filter((o) => o.value !== '')}
          value={form.category}
          error={errors.category}
          onChange={(v) => set('category', v)}
        />
        <SelectField
          label='状态'
          options={STATUS_OPTIONS}
          value={form.status}
          error={errors.status}
          onChange={(v) => set('status', v)}
        />
      </View>
    </Card>
  )
}

function ServiceAndContact({ state }: { state: VeteranFormState }) {
  const { form, set, errors, creating, masked } = state
  const phoneHint = creating
    ? '选填'
    : masked?.phoneMasked
      ? `现为 ${masked.phoneMasked}。不改请留空`
      : '现在没有登记手机号'
  return (
    <Card title='服役经历和联系方式'>
      <View className='registry-form__grid'>
        <DateField
          label='入伍日期'
          optional
          value={form.enlistDate}
          error={errors.enlistDate}
          onChange={(v) => set('enlistDate', v)}
        />
        <DateField
          label='退役日期'
          optional
          value={form.dischargeDate}
          error={errors.dischargeDate}
          onChange={(v) => set('dischargeDate', v)}
        />
        <TextField
          label='服役部队'
          hint='选填'
          value={form.servedUnit}
          maxLength={100}
          error={errors.servedUnit}
          onChange={(v) => set('servedUnit', v)}
        />
        <SelectField
          label='伤残等级'
          options={DISABILITY_OPTIONS}
          value={form.disabilityLevel}
          error={errors.disabilityLevel}
          onChange={(v) => set('disabilityLevel', v)}
        />
        <View className='field'>
          <TextField
            label='手机号'
            kind='phone'
            hint={phoneHint}
            value={form.phone}
            maxLength={13}
            error={errors.phone}
            onChange={(v) => set('phone', v)}
          />
          {!creating && masked?.phoneMasked && !form.phone && (
            <SwitchRow label='清除登记的手机号' checked={state.clearPhone} onChange={state.setClearPhone} />
          )}
        </View>
      </View>
      <TextAreaField
        label='备注'
        hint='选填，最多 1000 字'
        value={form.notes}
        maxLength={1000}
        rows={3}
        error={errors.notes}
        onChange={(v) => set('notes', v)}
      />
    </Card>
  )
}

/**
 * 新增 / 编辑 a registry record. Enter in a one-line field saves (as 保存 does); mistakes show at their fields and in
 * a summary above 保存. A new record opens its page once saved; a change returns to it.
 */
export function VeteranFormView({ me, id }: { me: Me; id?: string }) {
  const state = useVeteranForm(me, id)

  if (id && state.source.error)
    return (
      <Notice tone='error' action={wayOn()}>
        {state.source.error.code === 'NOT_FOUND'
          ? '没有这条记录，或它不在您的辖区内。'
          : `没能读取：${state.source.error.message}`}
      </Notice>
    )
  if (id && !state.source.data) return <Paragraph muted>正在读取…</Paragraph>

  const save = async () => {
    const result = await state.submit()
    if (result === undefined) return
    if (result === null) return
    if (id) goBack()
    else replacePage(veteranUrl(result.id))
  }

  return (
    <EnterSubmits onSubmit={() => void save()}>
      <View className='registry-form'>
        <Identity state={state} />
        <ServiceAndContact state={state} />
        {state.problems.length > 0 && (
          <Notice tone='error'>
            请先改正：
            {state.problems.map((problem) => (
              <View key={problem}>{problem}</View>
            ))}
          </Notice>
        )}
        {state.formError && <Notice tone='error'>没能保存：{state.formError}</Notice>}
        {state.unchanged && <Notice>没有改动，不需要保存。</Notice>}
        <View className='registry-actions'>
          <ActionButton size='key' busy={state.saving} busyText='正在保存…' onClick={() => void save()}>
            {id ? '保存修改' : '登记'}
          </ActionButton>
          <ActionButton variant='secondary' onClick={goBack}>
            取消
          </ActionButton>
        </View>
      </View>
    </EnterSubmits>
  )
}
