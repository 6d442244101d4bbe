import type { PolicyInput } from '@veterans/shared'
import { useEffect, useState } from 'react'
import { staffPoliciesApi, useAction, useRequest } from '../../api'
import {
  EMPTY_FORM,
  formFromPolicy,
  serverFieldErrors,
  toPolicyInput,
  type FormErrors,
  type PolicyForm
} from './policy-form-state'

/** The form's fields, for the summary of what to fix (in form order). */
export const FIELD_NAMES: Record<string, string> = {
  title: '标题',
  docNumber: '文号',
  issuer: '发布机关',
  level: '发文层级',
  category: '类别',
  summary: '摘要',
  body: '正文',
  effectiveFrom: '施行日期',
  effectiveTo: '失效日期',
  'eligibility.categories': '人员类别',
  'eligibility.districts': '户籍区县',
  'eligibility.minServiceYears': '服役年限',
  'eligibility.disabilityLevels': '伤残等级',
  relatedServiceIds: '相关服务',
  supersedesId: '替代的旧政策'
}

/**
 * Drafting a new policy, editing a draft (`id`), or starting a new version of a published one (`replaces`): the
 * form is filled from the saved policy, checked on the phone, then saved; the server's field errors show by the
 * fields they concern.
 */
export function usePolicyForm(options: { id?: string; replaces?: string; enabled: boolean }) {
  const { id, replaces, enabled } = options
  const sourceId = id ?? replaces
  const source = useRequest(
    () => staffPoliciesApi.get(sourceId ?? ''),
    `policy-form-${sourceId ?? 'new'}`,
    enabled && !!sourceId
  )
  const [form, setForm] = useState<PolicyForm>(EMPTY_FORM)
  const [localErrors, setLocalErrors] = useState<FormErrors>({})

  useEffect(() => {
    if (source.data) setForm(formFromPolicy(source.data, !id))
  }, [source.data, id])

  const save = useAction(async (input: PolicyInput) =>
    id ? (await staffPoliciesApi.update(id, input)).id : (await staffPoliciesApi.create(input)).id
  )

  const submit = async (): Promise<string | undefined> => {
    const { input, errors } = toPolicyInput(form)
    setLocalErrors(errors)
    if (!input) return undefined
    return save.run(input)
  }

  const errors: FormErrors =
    Object.keys(localErrors).length > 0 ? localErrors : save.error ? serverFieldErrors(save.error.fields) : {}
  const errorFor = (name: string) =>
    errors[name] ?? Object.entries(errors).find(([path]) => path.startsWith(`${name}.`))?.[1]
  const problems = Object.entries(errors).map(([path, message]) => {
    const field = Object.keys(FIELD_NAMES).find((name) => path === name || path.startsWith(`${name}.`))
    return field ? `${FIELD_NAMES[field]}：${message}` : (message ?? '')
  })
  const formError = save.error && save.error.code !== 'VALIDATION_FAILED' ? save.error.message : undefined

  return {
    form,
    set: <K extends keyof PolicyForm>(name: K, value: PolicyForm[K]) => setForm((f) => ({ ...f, [name]: value })),
    source,
    submit,
    saving: save.pending,
    errorFor,
    problems,
    formError
  }
}

export type PolicyFormState = ReturnType<typeof usePolicyForm>
