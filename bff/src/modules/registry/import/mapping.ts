import { IMPORT_FIELDS, type ImportField } from '@veterans/shared'
import { AppError } from '../../../lib/app-error'

/** The fields every imported row must have. */
export const REQUIRED_FIELDS = ['name', 'idNumber', 'districtCode', 'category'] as const satisfies ImportField[]

/** What each field is called in the files people bring, as the spreadsheet header names it. */
export const FIELD_LABELS: Record<ImportField, string> = {
  name: '姓名',
  idNumber: '身份证号',
  gender: '性别',
  birthDate: '出生日期',
  districtCode: '所属区',
  category: '类别',
  enlistDate: '入伍时间',
  dischargeDate: '退伍时间',
  phone: '手机',
  disabilityLevel: '伤残等级',
  status: '状态',
  servedUnit: '服役单位',
  notes: '备注'
}

/** Headers recognised for each field (compared without spaces, asterisks, brackets' notes and case). */
const HEADER_NAMES: Record<ImportField, string[]> = {
  name: ['姓名', '名字', '退役军人姓名', 'name'],
  idNumber: ['身份证号', '身份证号码', '公民身份号码', '身份证', 'idnumber', 'id_number', 'idno'],
  gender: ['性别', 'gender', 'sex'],
  birthDate: ['出生日期', '出生年月', '出生年月日', '生日', 'birthdate', 'birth_date', 'birthday'],
  districtCode: [
    '所属区',
    '区县',
    '所属区县',
    '区',
    '县区',
    '区县代码',
    '所属区县代码',
    'district',
    'districtcode',
    'district_code'
  ],
  category: ['类别', '人员类别', '退役类别', '退役军人类别', 'category'],
  enlistDate: ['入伍时间', '入伍日期', '入伍年月', 'enlistdate', 'enlist_date'],
  dischargeDate: ['退伍时间', '退伍日期', '退役时间', '退役日期', '退伍年月', 'dischargedate', 'discharge_date'],
  phone: ['手机', '手机号', '手机号码', '联系电话', '电话', '联系方式', 'phone', 'mobile'],
  disabilityLevel: ['伤残等级', '残疾等级', 'disabilitylevel', 'disability_level'],
  status: ['状态', '人员状态', '在册状态', 'status'],
  servedUnit: ['服役单位', '原部队', '原服役单位', '部队', 'servedunit', 'served_unit', 'unit'],
  notes: ['备注', '说明', 'notes', 'note', 'remark', 'remarks']
}

function normalizeHeader(header: string): string {
  return header
    .replace(/[（(【[].*?[）)】\]]/g, '')
    .replace(/[\s*＊:：]/g, '')
    .toLowerCase()
}

const FIELD_OF_HEADER = new Map<string, ImportField>()
for (const field of IMPORT_FIELDS)
  for (const name of HEADER_NAMES[field]) FIELD_OF_HEADER.set(normalizeHeader(name), field)

/** header → field for the headers recognised; each field taken by its first column only. */
export function suggestMapping(headers: string[]): Record<string, ImportField> {
  const mapping: Record<string, ImportField> = {}
  const taken = new Set<ImportField>()
  for (const header of headers) {
    const field = FIELD_OF_HEADER.get(normalizeHeader(header))
    if (field && !taken.has(field) && !(header in mapping)) {
      mapping[header] = field
      taken.add(field)
    }
  }
  return mapping
}

/** Which column (0-based) fills each field. */
export type ColumnMap = Partial<Record<ImportField, number>>

/**
 * The columns each field is read from, by the person's mapping (header → field) or else the suggested one. A
 * required field no column fills is 422, naming the missing columns.
 */
export function resolveColumns(headers: string[], mapping: Record<string, ImportField>): ColumnMap {
  const columns: ColumnMap = {}
  headers.forEach((header, index) => {
    const field = mapping[header]
    if (field && columns[field] === undefined) columns[field] = index
  })
  const missing = REQUIRED_FIELDS.filter((field) => columns[field] === undefined)
  if (missing.length) {
    const labels = missing.map((field) => FIELD_LABELS[field])
    throw new AppError(
      'IMPORT_FILE_INVALID',
      { missingFields: missing, missingColumns: labels },
      `文件缺少必需的列：${labels.join('、')}。请在表头加上这些列，或在导入时指定对应的列`
    )
  }
  return columns
}

/** A mapping sent with the file: JSON of header → field; anything else is 400. */
export function parseMappingField(text: string | undefined): Record<string, ImportField> | null {
  if (text === undefined || text.trim() === '') return null
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch {
    parsed = null
  }
  const fields = new Set<string>(IMPORT_FIELDS)
  if (
    !parsed ||
    typeof parsed !== 'object' ||
    Array.isArray(parsed) ||
    !Object.values(parsed).every((v) => typeof v === 'string' && fields.has(v))
  ) {
    throw new AppError('VALIDATION_FAILED', {
      fields: [
        { path: 'body.mapping', message: '列对应关系应为 JSON：{"表头": "字段"}，字段取 ' + IMPORT_FIELDS.join('/') }
      ]
    })
  }
  return parsed as Record<string, ImportField>
}
