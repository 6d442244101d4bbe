import type { ImportField } from '@veterans/shared'
import { GENDERS, VETERAN_CATEGORIES, VETERAN_STATUSES } from '@veterans/shared/topics'
import { BOOKING_STATUS_WORDS } from '../booking/status'
import { THREAD_STATUS_WORDS } from '../staff-messaging/labels'

export { GENDERS, VETERAN_CATEGORIES, VETERAN_STATUSES }

/** What each field of a record is called, in the order the form and the import mapping show them. */
export const FIELD_LABELS: Record<ImportField, string> = {
  name: '姓名',
  idNumber: '身份证号',
  gender: '性别',
  birthDate: '出生日期',
  districtCode: '户籍区县',
  category: '人员类别',
  enlistDate: '入伍日期',
  dischargeDate: '退役日期',
  phone: '手机号',
  disabilityLevel: '伤残等级',
  status: '状态',
  servedUnit: '服役部队',
  notes: '备注'
}

/** Fields a new record cannot do without: an import must map a column to each. */
export const REQUIRED_IMPORT_FIELDS: readonly ImportField[] = ['name', 'idNumber', 'districtCode', 'category']

/** Quick reasons for revealing an ID number and phone (a reason is required and audited; any other can be typed). */
export const REVEAL_REASONS = ['核实身份', '办理业务', '电话回访'] as const

/** The options of a filter list: 全部 first, then each code with its label. */
export function filterOptions<T extends string>(labels: Record<T, string>, all = '全部') {
  return [
    { value: '' as T | '', label: all },
    ...(Object.entries(labels) as Array<[T, string]>).map(([value, label]) => ({ value, label }))
  ]
}

/** A booking's or a thread's status in the words used elsewhere in the app (the detail lists them as plain text). */
export const bookingStatusLabel = (status: string): string =>
  (BOOKING_STATUS_WORDS as Record<string, string>)[status] ?? status

export const threadStatusLabel = (status: string): string =>
  (THREAD_STATUS_WORDS as Record<string, string>)[status] ?? status
