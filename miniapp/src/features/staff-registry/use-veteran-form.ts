import type { Me, Veteran } from '@veterans/shared'
import { useEffect, useRef, useState } from 'react'
import { newIdempotencyKey, staffRegistryApi, useAction, useRequest } from '../../api'
import { FIELD_LABELS } from './labels'
import { useRegistryScope } from './use-registry-scope'
import {
  EMPTY_FORM,
  fillFromIdNumber,
  FORM_FIELDS,
  formFromVeteran,
  serverFieldErrors,
  toCreateBody,
  toUpdateBody,
  validateForm,
  type FormErrors,
  type VeteranForm
} from './veteran-form-state'

/**
 * 新增 or 编辑 a record: checked here first (the ID number's checksum, dates in order …) so that mistakes show at
 * their fields before anything is sent; the server's field errors show at the same fields. Resolves to the saved
 * record, or undefined (then the errors are shown).
 */
export function useVeteranForm(me: Me, id: string | undefined) {
  const scope = useRegistryScope(me)
  const source = useRequest(() => staffRegistryApi.detail(id ?? ''), `veteran-form-${id ?? 'new'}`, !!id)
  const [form, setForm] = useState<VeteranForm>(EMPTY_FORM)
  const [saved, setSaved] = useState<VeteranForm | null>(null)
  const [localErrors, setLocalErrors] = useState<FormErrors>({})
  const [clearPhone, setClearPhone] = useState(false)
  const [unchanged, setUnchanged] = useState(false)
  // One key per new record while the person retries it: a lost answer never registers the person twice.
  const createKey = useRef(newIdempotencyKey())

  useEffect(() => {
    if (!source.data) return
    const start = formFromVeteran(source.data.veteran)
    setForm(start)
    setSaved(start)
  }, [source.data])

  // Staff of one district register records there: the only choice is made for them.
  const onlyDistrict = scope.choosable.length === 1 ? scope.choosable[0]!.code : ''
  useEffect(() => {
    if (!id && onlyDistrict) setForm((f) => (f.districtCode ? f : { ...f, districtCode: onlyDistrict }))
  }, [id, onlyDistrict])

  const save = useAction(async (): Promise<Veteran | null> => {
    if (!id) return staffRegistryApi.create(toCreateBody(form), createKey.current)
    const body = toUpdateBody(form, saved ?? form, clearPhone)
    if (Object.keys(body).length === 0) return null
    return staffRegistryApi.update(id, body)
  })

  const submit = async (): Promise<Veteran | null | undefined> => {
    setUnchanged(false)
    const errors = validateForm(form, { creating: !id })
    setLocalErrors(errors)
    if (Object.keys(errors).length > 0) return undefined
    const result = await save.run()
    if (result === null) setUnchanged(true)
    return result
  }

  const server = save.error ? serverFieldErrors(save.error.fields) : { errors: {}, other: [] }
  const errors: FormErrors = Object.values(localErrors).some(Boolean) ? localErrors : server.errors
  const problems = FORM_FIELDS.filter((name) => errors[name]).map((name) => `${FIELD_LABELS[name]}：${errors[name]}`)
  const formError =
    save.error && Object.keys(server.errors).length === 0 ? [save.error.message, ...server.other].join('；') : undefined

  const set = <K extends keyof VeteranForm>(name: K, value: VeteranForm[K]) => {
    setForm((f) => {
      const next = { ...f, [name]: value }
      // A complete, valid ID number fills gender and birth date when they are still empty.
      return name === 'idNumber' ? fillFromIdNumber(next) : next
    })
    setLocalErrors((e) => ({ ...e, [name]: undefined }))
  }

  return {
    scope,
    source,
    form,
    set,
    creating: !id,
    masked: source.data?.veteran,
    clearPhone,
    setClearPhone,
    submit,
    saving: save.pending,
    errors,
    problems,
    formError,
    unchanged
  }
}

export type VeteranFormState = ReturnType<typeof useVeteranForm>
