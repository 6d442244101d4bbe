import type { NoticeAudience, NoticeInput, StaffNotice, VeteranCategory } from '@veterans/shared'

/** A published policy as the form holds it (a link, or whose eligibility picks the veterans). */
export interface PolicyChoice {
  id: string
  title: string
}

/** The composer as typed: strings and choices, turned into a NoticeInput when saved. */
export interface NoticeForm {
  title: string
  body: string
  policy: PolicyChoice | null
  toVeterans: boolean
  toFamilies: boolean
  /** City-level staff: 全市, or the districts ticked. District staff: ignored (the server fills in their own). */
  everyDistrict: boolean
  districts: string[]
  /** Who among the veterans: by category (none ticked: all), or those a published policy's eligibility matches. */
  veteransBy: 'category' | 'policy'
  categories: VeteranCategory[]
  eligibilityPolicy: PolicyChoice | null
}

/** Field errors by the field's path in the request body (`title`, `audience.roles` …), as the server names them. */
export type FormErrors = Partial<Record<string, string>>

export const EMPTY_NOTICE_FORM: NoticeForm = {
  title: '',
  body: '',
  policy: null,
  toVeterans: true,
  toFamilies: true,
  everyDistrict: true,
  districts: [],
  veteransBy: 'category',
  categories: [],
  eligibilityPolicy: null
}

export const TITLE_MAX = 60
export const BODY_MAX = 20_000

/** Whether the staff member may choose districts (city-level staff and admins) or is fixed to their own. */
export type DistrictScope = { fixed: false } | { fixed: true; districtCode?: string }

/** A saved notice back into the form (editing a draft). */
export function formFromNotice(notice: StaffNotice, eligibilityTitle?: string): NoticeForm {
  const audience = notice.audience
  const districts = audience.districts ?? []
  return {
    title: notice.title,
    body: notice.body,
    policy: notice.policyId ? { id: notice.policyId, title: notice.policyTitle ?? '（已选的政策）' } : null,
    toVeterans: audience.roles.includes('veteran'),
    toFamilies: audience.roles.includes('family'),
    everyDistrict: districts.length === 0,
    districts,
    veteransBy: audience.eligibleForPolicyId ? 'policy' : 'category',
    categories: audience.veteranCategories ?? [],
    eligibilityPolicy: audience.eligibleForPolicyId
      ? { id: audience.eligibleForPolicyId, title: eligibilityTitle ?? '（已选的政策）' }
      : null
  }
}

/**
 * Checks what can be checked here (required fields, lengths, an audience that can reach someone) and builds the
 * request body. The server checks again, and also what only it knows (districts, the policies, the staff's scope).
 */
export function toNoticeInput(form: NoticeForm, scope: DistrictScope): { input?: NoticeInput; errors: FormErrors } {
  const errors: FormErrors = {}
  const title = form.title.trim()
  if (!title) errors.title = '请填写标题'
  else if (title.length > TITLE_MAX) errors.title = `标题最多 ${TITLE_MAX} 个字，现在有 ${title.length} 个字`
  if (!form.body.trim()) errors.body = '请填写正文'
  else if (form.body.length > BODY_MAX) errors.body = `正文最多 ${BODY_MAX} 个字，现在有 ${form.body.length} 个字`
  if (!form.toVeterans && !form.toFamilies) errors['audience.roles'] = '请至少选择“退役军人”或“家属”中的一项'
  if (!scope.fixed && !form.everyDistrict && form.districts.length === 0)
    errors['audience.districts'] = '请选择至少一个区县，或者选“全市”'
  if (form.veteransBy === 'policy' && !form.eligibilityPolicy)
    errors['audience.eligibleForPolicyId'] = '请选择一份已发布的政策，或者改为按人员类别发送'
  if (Object.keys(errors).length > 0) return { errors }

  const audience: NoticeAudience = {
    roles: [...(form.toVeterans ? (['veteran'] as const) : []), ...(form.toFamilies ? (['family'] as const) : [])],
    // District staff send none: the server fills in their own district (and refuses any other).
    ...(!scope.fixed && !form.everyDistrict ? { districts: [...form.districts].sort() } : {}),
    ...(form.veteransBy === 'category' && form.categories.length > 0 ? { veteranCategories: form.categories } : {}),
    ...(form.veteransBy === 'policy' && form.eligibilityPolicy
      ? { eligibleForPolicyId: form.eligibilityPolicy.id }
      : {})
  }
  return {
    input: { title, body: form.body, policyId: form.policy?.id ?? null, audience },
    errors
  }
}

/** Whether a notice to this audience goes city-wide (and so needs a second person's approval before sending). */
export function isCityWide(input: NoticeInput, scope: DistrictScope): boolean {
  return !scope.fixed && (input.audience.districts?.length ?? 0) === 0
}

/** The server's field errors (`body.audience.roles/0`, `/audience/roles`) by the form's names (`audience.roles`). */
export function serverFieldErrors(fields: ReadonlyArray<{ path: string; message: string }>): FormErrors {
  const errors: FormErrors = {}
  for (const field of fields) {
    const name = field.path
      .replace(/^body(?=[./]|$)/, '')
      .replace(/^[./]/, '')
      .replace(/\//g, '.')
      .replace(/\.\d+$/, '')
    errors[name || 'form'] ??= field.message
  }
  return errors
}

/** The error shown at a field: its own, or the first one of a part inside it (`audience.districts.0` at districts). */
export function errorAt(errors: FormErrors, name: string): string | undefined {
  return errors[name] ?? Object.entries(errors).find(([path]) => path.startsWith(`${name}.`))?.[1]
}
