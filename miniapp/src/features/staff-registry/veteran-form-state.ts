import type { CreateVeteranBody, UpdateVeteranBody, Veteran } from '@veterans/shared'
import type { Gender, VeteranCategory, VeteranStatus } from '@veterans/shared/topics'
import { beijingToday, isValidMobile, normalizeIdNumber, parseIdNumber } from '@veterans/shared/rules'
import { checkIdNumber } from '../../lib/validation'

/** The record form as typed: text for every field, '' for "not given". */
export interface VeteranForm {
  name: string
  idNumber: string
  gender: Gender | ''
  birthDate: string
  districtCode: string
  category: VeteranCategory | ''
  enlistDate: string
  dischargeDate: string
  phone: string
  /** '' or '1'…'10' (伤残等级). */
  disabilityLevel: string
  status: VeteranStatus
  servedUnit: string
  notes: string
}

export type FormErrors = Partial<Record<keyof VeteranForm, string>>

/** The fields in the order the form shows them (the order of the "please fix" summary too). */
export const FORM_FIELDS: ReadonlyArray<keyof VeteranForm> = [
  'name',
  'idNumber',
  'gender',
  'birthDate',
  'districtCode',
  'category',
  'status',
  'enlistDate',
  'dischargeDate',
  'servedUnit',
  'phone',
  'disabilityLevel',
  'notes'
]

export const EMPTY_FORM: VeteranForm = {
  name: '',
  idNumber: '',
  gender: '',
  birthDate: '',
  districtCode: '',
  category: '',
  enlistDate: '',
  dischargeDate: '',
  phone: '',
  disabilityLevel: '',
  status: 'active',
  servedUnit: '',
  notes: ''
}

/**
 * A saved record as the form starts: the ID number is the record's identity and is not changed here (the form
 * shows the masked one), and the phone is masked in answers, so it starts empty: left empty, it stays as it is.
 */
export function formFromVeteran(veteran: Veteran): VeteranForm {
  return {
    name: veteran.name,
    idNumber: '',
    gender: veteran.gender,
    birthDate: veteran.birthDate,
    districtCode: veteran.districtCode,
    category: veteran.category,
    enlistDate: veteran.enlistDate ?? '',
    dischargeDate: veteran.dischargeDate ?? '',
    phone: '',
    disabilityLevel: veteran.disabilityLevel === null ? '' : String(veteran.disabilityLevel),
    status: veteran.status,
    servedUnit: veteran.servedUnit ?? '',
    notes: veteran.notes ?? ''
  }
}

const compactPhone = (raw: string) => raw.replace(/[\s-]+/g, '')

/**
 * The checks the server makes too, so that mistakes show at their fields before anything is sent: name, the ID
 * number's checksum (new records), district and category, dates in order (birth < enlistment < discharge ≤ today),
 * a mobile number.
 */
export function validateForm(form: VeteranForm, options: { creating: boolean; today?: string }): FormErrors {
  const today = options.today ?? beijingToday()
  const errors: FormErrors = {}
  const name = form.name.trim()
  if (!name) errors.name = '请填写姓名'
  else if (name.length > 32) errors.name = '姓名最多 32 个字'

  let birthDate = form.birthDate
  if (options.creating) {
    const idError = checkIdNumber(form.idNumber)
    if (idError) errors.idNumber = idError
    else birthDate ||= parseIdNumber(form.idNumber)?.birthDate ?? ''
  }
  if (!options.creating && !form.birthDate) errors.birthDate = '请填写出生日期'
  if (!form.districtCode) errors.districtCode = '请选择户籍区县'
  if (!form.category) errors.category = '请选择人员类别'

  if (birthDate && birthDate > today) errors.birthDate = '出生日期不能晚于今天'
  if (form.enlistDate) {
    if (form.enlistDate > today) errors.enlistDate = '入伍日期不能晚于今天'
    else if (birthDate && form.enlistDate <= birthDate) errors.enlistDate = '入伍日期应晚于出生日期'
  }
  if (form.dischargeDate) {
    if (form.dischargeDate > today) errors.dischargeDate = '退役日期不能晚于今天'
    else if (form.enlistDate && form.dischargeDate <= form.enlistDate) errors.dischargeDate = '退役日期应晚于入伍日期'
    else if (!form.enlistDate && birthDate && form.dischargeDate <= birthDate)
      errors.dischargeDate = '退役日期应晚于出生日期'
  }

  const phone = compactPhone(form.phone)
  if (phone && !isValidMobile(phone)) errors.phone = '请填写 11 位手机号码，以 1 开头'
  if (form.servedUnit.trim().length > 100) errors.servedUnit = '服役部队最多 100 个字'
  if (form.notes.trim().length > 1000) errors.notes = '备注最多 1000 个字'
  return errors
}

const optional = (value: string) => value.trim() || undefined

/** A new record's body (call after validateForm found nothing). Gender and birth date default to the ID's. */
export function toCreateBody(form: VeteranForm): CreateVeteranBody {
  return {
    name: form.name.trim(),
    idNumber: normalizeIdNumber(form.idNumber),
    gender: form.gender || undefined,
    birthDate: form.birthDate || undefined,
    districtCode: form.districtCode,
    category: form.category as VeteranCategory,
    enlistDate: form.enlistDate || undefined,
    dischargeDate: form.dischargeDate || undefined,
    phone: optional(compactPhone(form.phone)),
    disabilityLevel: form.disabilityLevel ? Number(form.disabilityLevel) : undefined,
    status: form.status,
    servedUnit: optional(form.servedUnit),
    notes: optional(form.notes)
  }
}

/**
 * A change: only the fields that differ from the saved record; a cleared optional field is sent as null. An empty
 * phone means "keep the saved one" (it is never shown unmasked in the form); 清除手机号 sends null.
 */
export function toUpdateBody(form: VeteranForm, saved: VeteranForm, clearPhone = false): UpdateVeteranBody {
  const body: UpdateVeteranBody = {}
  const text = (value: string) => value.trim()
  const orNull = (value: string) => text(value) || null
  if (text(form.name) !== text(saved.name)) body.name = text(form.name)
  if (form.gender && form.gender !== saved.gender) body.gender = form.gender
  if (form.birthDate && form.birthDate !== saved.birthDate) body.birthDate = form.birthDate
  if (form.districtCode !== saved.districtCode) body.districtCode = form.districtCode
  if (form.category && form.category !== saved.category) body.category = form.category
  if (form.status !== saved.status) body.status = form.status
  if (form.enlistDate !== saved.enlistDate) body.enlistDate = form.enlistDate || null
  if (form.dischargeDate !== saved.dischargeDate) body.dischargeDate = form.dischargeDate || null
  const phone = compactPhone(form.phone)
  if (phone) body.phone = phone
  else if (clearPhone) body.phone = null
  if (form.disabilityLevel !== saved.disabilityLevel)
    body.disabilityLevel = form.disabilityLevel ? Number(form.disabilityLevel) : null
  if (text(form.servedUnit) !== text(saved.servedUnit)) body.servedUnit = orNull(form.servedUnit)
  if (text(form.notes) !== text(saved.notes)) body.notes = orNull(form.notes)
  return body
}

/** The server's field errors (`body.idNumber`, `/idNumber`) by the form's field names; others under `form`. */
export function serverFieldErrors(fields: ReadonlyArray<{ path: string; message: string }>): {
  errors: FormErrors
  other: string[]
} {
  const errors: FormErrors = {}
  const other: string[] = []
  for (const field of fields) {
    const name =
      field.path
        .replace(/^body[./]?/, '')
        .replace(/^\//, '')
        .split(/[./]/)[0] ?? ''
    if ((FORM_FIELDS as readonly string[]).includes(name)) errors[name as keyof VeteranForm] ??= field.message
    else other.push(field.message)
  }
  return { errors, other }
}

/** What a valid ID number says about the person, to fill gender and birth date when they are still empty. */
export function fillFromIdNumber(form: VeteranForm): VeteranForm {
  const info = parseIdNumber(form.idNumber)
  if (!info) return form
  return { ...form, gender: form.gender || info.sex, birthDate: form.birthDate || info.birthDate }
}
