import {
  GENDERS,
  normalizeIdNumber,
  parseIdNumber,
  VETERAN_CATEGORIES,
  VETERAN_STATUSES,
  type Gender,
  type VeteranCategory,
  type VeteranStatus
} from '@veterans/shared'
import { dateOrderProblems } from '../rules'
import { inRegistryScope } from '../scope'
import { FIELD_LABELS, type ColumnMap } from './mapping'
import type { SheetRow } from './sheet-row'

/** What a row fills, read and checked. Optional fields the file leaves empty are undefined: an update keeps them. */
export interface ImportedRecord {
  name: string
  idNumber: string
  gender: Gender
  birthDate: string
  /** Whether gender and birth date came from the file (else from the ID number: an update leaves them alone). */
  genderGiven: boolean
  birthDateGiven: boolean
  districtCode: string
  category: VeteranCategory
  enlistDate?: string | undefined
  dischargeDate?: string | undefined
  phone?: string | undefined
  disabilityLevel?: number | undefined
  status?: VeteranStatus | undefined
  servedUnit?: string | undefined
  notes?: string | undefined
}

export type RowCheck = { ok: true; record: ImportedRecord } | { ok: false; message: string }

export interface RowContext {
  columns: ColumnMap
  /** District code by its code and by its name. */
  districts: Map<string, string>
  scopeDistrictCode: string | null
  format: 'csv' | 'xlsx'
  today: string
}

/** Every way a row's district can be written (code or name) → its code. */
export function districtLookup(rows: { code: string; name: string }[]): Map<string, string> {
  const lookup = new Map<string, string>()
  for (const { code, name } of rows) {
    lookup.set(code, code)
    lookup.set(name, code)
  }
  return lookup
}

function byCodeOrLabel<K extends string>(labels: Record<K, string>): Map<string, K> {
  const map = new Map<string, K>()
  for (const [code, label] of Object.entries(labels) as [K, string][]) {
    map.set(code.toLowerCase(), code)
    map.set(label, code)
  }
  return map
}
const CATEGORIES = byCodeOrLabel(VETERAN_CATEGORIES)
const STATUSES = byCodeOrLabel(VETERAN_STATUSES)
const GENDER_NAMES = byCodeOrLabel(GENDERS)
CATEGORIES.set('退役士兵（义务兵）', 'soldier')
CATEGORIES.set('士兵', 'soldier')
STATUSES.set('正常', 'active')
STATUSES.set('迁出', 'moved_out')
STATUSES.set('死亡', 'deceased')

const CHINESE_NUMBERS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十']

/** Dates as spreadsheets write them: 2001-12-01, 2001/12/1, 2001.12.1, 20011201, 2001年12月1日; a month alone means its 1st. */
export function parseSheetDate(text: string): string | null {
  const t = text.trim()
  const match = /^(\d{4})[-/.年](\d{1,2})(?:[-/.月](\d{1,2})日?)?月?$/.exec(t) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(t)
  if (!match) return null
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3] ?? 1)]
  const date = new Date(Date.UTC(year, month - 1, day))
  if (year < 1900 || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null
  return date.toISOString().slice(0, 10)
}

/** Checks one data row; every problem of the row is named in one message. */
export function checkRow(row: SheetRow, context: RowContext): RowCheck {
  const problems: string[] = []
  const cell = (field: keyof ColumnMap): string => {
    const index = context.columns[field]
    return index === undefined ? '' : (row.cells[index] ?? '').trim()
  }
  const missing = (field: keyof ColumnMap) => {
    problems.push(
      `缺少${FIELD_LABELS[field]}` + (context.format === 'xlsx' ? '（若是合并单元格，请取消合并并在每一行填写）' : '')
    )
  }

  const name = cell('name')
  if (!name) missing('name')
  else if (name.length > 32) problems.push('姓名超过 32 个字')

  const rawId = cell('idNumber')
  const idNumber = normalizeIdNumber(rawId)
  const encoded = idNumber ? parseIdNumber(idNumber) : null
  if (!rawId) missing('idNumber')
  else if (!encoded)
    problems.push(
      /^\d(\.\d+)?E\+\d+$/i.test(rawId) ? '身份证号被存成了数字，请把该列设为文本后重填' : '身份证号校验不通过'
    )

  const districtText = cell('districtCode')
  const districtCode = context.districts.get(districtText)
  if (!districtText) missing('districtCode')
  else if (!districtCode) problems.push(`没有这个区县：${districtText}`)
  else if (!inRegistryScope(context.scopeDistrictCode, districtCode))
    problems.push(`不在本中心管辖的区县：${districtText}`)

  const categoryText = cell('category')
  const category = CATEGORIES.get(categoryText.toLowerCase()) ?? CATEGORIES.get(categoryText)
  if (!categoryText) missing('category')
  else if (!category)
    problems.push(`类别无法识别：${categoryText}（可填 ${Object.values(VETERAN_CATEGORIES).join('/')}）`)

  const genderText = cell('gender')
  const gender = genderText ? GENDER_NAMES.get(genderText.toLowerCase()) : encoded?.sex
  if (genderText && !gender) problems.push(`性别无法识别：${genderText}`)

  const date = (field: 'birthDate' | 'enlistDate' | 'dischargeDate'): string | undefined => {
    const text = cell(field)
    if (!text) return undefined
    const parsed = parseSheetDate(text)
    if (!parsed) problems.push(`${FIELD_LABELS[field]}不是有效日期：${text}`)
    return parsed ?? undefined
  }
  const birthDate = date('birthDate') ?? encoded?.birthDate
  const enlistDate = date('enlistDate')
  const dischargeDate = date('dischargeDate')
  if (birthDate) {
    for (const p of dateOrderProblems(
      { birthDate, enlistDate: enlistDate ?? null, dischargeDate: dischargeDate ?? null },
      context.today
    ))
      problems.push(p.message)
  }

  const phoneText = cell('phone').replace(/[\s-]/g, '')
  if (phoneText && !/^1[3-9]\d{9}$/.test(phoneText)) problems.push(`手机号不正确：${phoneText.slice(0, 3)}…`)

  const levelText = cell('disabilityLevel').replace(/级$/, '')
  let disabilityLevel: number | undefined
  if (levelText) {
    const level = CHINESE_NUMBERS.includes(levelText) ? CHINESE_NUMBERS.indexOf(levelText) + 1 : Number(levelText)
    if (!Number.isInteger(level) || level < 1 || level > 10) problems.push(`伤残等级应为 1–10 级：${levelText}`)
    else disabilityLevel = level
  }

  const statusText = cell('status')
  const status = statusText ? (STATUSES.get(statusText.toLowerCase()) ?? STATUSES.get(statusText)) : undefined
  if (statusText && !status)
    problems.push(`状态无法识别：${statusText}（可填 ${Object.values(VETERAN_STATUSES).join('/')}）`)

  const servedUnit = cell('servedUnit')
  if (servedUnit.length > 100) problems.push('服役单位超过 100 个字')
  const notes = cell('notes')
  if (notes.length > 1000) problems.push('备注超过 1000 个字')

  if (problems.length || !encoded || !districtCode || !category || !gender || !birthDate) {
    return { ok: false, message: problems.join('；') || '这一行无法读取' }
  }
  return {
    ok: true,
    record: {
      name,
      idNumber,
      gender,
      birthDate,
      genderGiven: genderText !== '',
      birthDateGiven: cell('birthDate') !== '',
      districtCode,
      category,
      enlistDate,
      dischargeDate,
      phone: phoneText || undefined,
      disabilityLevel,
      status,
      servedUnit: servedUnit || undefined,
      notes: notes || undefined
    }
  }
}
