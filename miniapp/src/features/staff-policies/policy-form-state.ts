import type { PolicyInput, PolicyLevel, PolicyRef, StaffPolicy, Topic, VeteranCategory } from '@veterans/shared'

/** The authoring form as typed: strings and choices, turned into a PolicyInput only when saved. */
export interface PolicyForm {
  title: string
  docNumber: string
  issuer: string
  level: PolicyLevel | ''
  category: Topic | ''
  summary: string
  body: string
  effectiveFrom: string
  effectiveTo: string
  categories: VeteranCategory[]
  districts: string[]
  minServiceYears: string
  disabilityLevels: number[]
  relatedServiceIds: string[]
  supersedes: PolicyRef | null
}

/** Field errors by the field's path in the request body (`title`, `eligibility.districts` …), as the server names them. */
export type FormErrors = Partial<Record<string, string>>

export const EMPTY_FORM: PolicyForm = {
  title: '',
  docNumber: '',
  issuer: '',
  level: '',
  category: '',
  summary: '',
  body: '',
  effectiveFrom: '',
  effectiveTo: '',
  categories: [],
  districts: [],
  minServiceYears: '',
  disabilityLevels: [],
  relatedServiceIds: [],
  supersedes: null
}

/** A saved policy back into the form: to edit a draft, or (with `asReplacement`) to start a new version of it. */
export function formFromPolicy(policy: StaffPolicy, asReplacement = false): PolicyForm {
  const eligibility = policy.eligibility ?? {}
  return {
    title: policy.title,
    docNumber: asReplacement ? '' : policy.docNumber,
    issuer: policy.issuer,
    level: policy.level,
    category: policy.category,
    summary: policy.summary,
    body: policy.body,
    effectiveFrom: asReplacement ? '' : policy.effectiveFrom,
    effectiveTo: asReplacement ? '' : (policy.effectiveTo ?? ''),
    categories: eligibility.categories ?? [],
    districts: eligibility.districts ?? [],
    minServiceYears: eligibility.minServiceYears === undefined ? '' : String(eligibility.minServiceYears),
    disabilityLevels: eligibility.disabilityLevels ?? [],
    relatedServiceIds: policy.relatedServiceIds,
    supersedes: asReplacement
      ? { id: policy.id, title: policy.title, docNumber: policy.docNumber }
      : policy.supersedesId
        ? (policy.supersedes ?? { id: policy.supersedesId, title: '（已选的旧政策）', docNumber: '' })
        : null
  }
}

const LIMITS: Record<'title' | 'docNumber' | 'issuer' | 'summary' | 'body', { name: string; max: number }> = {
  title: { name: '标题', max: 200 },
  docNumber: { name: '文号', max: 100 },
  issuer: { name: '发布机关', max: 100 },
  summary: { name: '摘要', max: 1000 },
  body: { name: '正文', max: 100_000 }
}

function isDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false
  const date = new Date(`${value}T00:00:00Z`)
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value
}

/**
 * Checks what can be checked on the phone (required fields, lengths, dates, years) and builds the request body.
 * The server checks again, and also what only it knows (districts, services, the policy to replace).
 */
export function toPolicyInput(form: PolicyForm): { input?: PolicyInput; errors: FormErrors } {
  const errors: FormErrors = {}
  for (const [field, { name, max }] of Object.entries(LIMITS) as [
    keyof typeof LIMITS,
    { name: string; max: number }
  ][]) {
    const value = form[field].trim()
    if (!value) errors[field] = `请填写${name}`
    else if (value.length > max) errors[field] = `${name}最多 ${max} 个字，现在有 ${value.length} 个字`
  }
  if (!form.level) errors.level = '请选择发文层级'
  if (!form.category) errors.category = '请选择类别'
  if (!form.effectiveFrom) errors.effectiveFrom = '请选择施行日期'
  else if (!isDate(form.effectiveFrom)) errors.effectiveFrom = '日期格式应为 2026-01-31'
  if (form.effectiveTo && !isDate(form.effectiveTo)) errors.effectiveTo = '日期格式应为 2026-12-31'
  else if (form.effectiveTo && form.effectiveFrom && form.effectiveTo < form.effectiveFrom)
    errors.effectiveTo = '失效日期不能早于施行日期'
  const years = form.minServiceYears.trim()
  if (years && !(/^\d{1,2}$/.test(years) && Number(years) >= 1 && Number(years) <= 60)) {
    errors['eligibility.minServiceYears'] = '服役年限请填 1 到 60 之间的整数，没有要求就不填'
  }
  if (Object.keys(errors).length > 0) return { errors }

  const eligibility: NonNullable<PolicyInput['eligibility']> = {
    ...(form.categories.length ? { categories: form.categories } : {}),
    ...(form.districts.length ? { districts: form.districts } : {}),
    ...(years ? { minServiceYears: Number(years) } : {}),
    ...(form.disabilityLevels.length ? { disabilityLevels: [...form.disabilityLevels].sort((a, b) => a - b) } : {})
  }
  const input: PolicyInput = {
    title: form.title.trim(),
    docNumber: form.docNumber.trim(),
    issuer: form.issuer.trim(),
    level: form.level as PolicyLevel,
    category: form.category as Topic,
    summary: form.summary.trim(),
    body: form.body,
    effectiveFrom: form.effectiveFrom,
    ...(form.effectiveTo ? { effectiveTo: form.effectiveTo } : {}),
    ...(Object.keys(eligibility).length ? { eligibility } : {}),
    relatedServiceIds: form.relatedServiceIds,
    supersedesId: form.supersedes?.id ?? null
  }
  return { input, errors }
}

/** The server's field errors (`body.eligibility.districts`) by the form's names (`eligibility.districts`). */
export function serverFieldErrors(fields: ReadonlyArray<{ path: string; message: string }>): FormErrors {
  const errors: FormErrors = {}
  for (const field of fields) {
    const name = field.path.replace(/^body[./]/, '').replace(/\//g, '.')
    errors[name] ??= field.message
  }
  return errors
}
