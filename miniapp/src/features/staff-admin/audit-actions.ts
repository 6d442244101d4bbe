import { formatDateTime } from '../../lib/format'
import { ROLES } from '@veterans/shared/topics'
import { bookingStatusLabel, FIELD_LABELS, threadStatusLabel, VETERAN_CATEGORIES } from '../staff-registry/labels'

// The audit log's actions in words (the log stores codes). Codes not listed are shown as they are.
export const AUDIT_ACTIONS: Readonly<Record<string, string>> = {
  'auth.staff_sign_in': '工作人员登录',
  'admin.create_staff': '新建账号',
  'admin.update_staff': '修改账号',
  'admin.reset_password': '重置密码',
  'me.change_password': '修改自己的密码',
  'registry.create': '登记退役军人',
  'registry.update': '修改退役军人信息',
  'registry.reveal': '查看完整证件号',
  'registry.import': '导入退役军人信息',
  'registry.export': '导出退役军人信息',
  'booking.slot.create': '开放号源',
  'booking.slot.batch': '批量开放号源',
  'booking.slot.update': '调整号源',
  'booking.check_in': '签到',
  'booking.complete': '办结',
  'booking.no_show': '标记未到',
  'policy.create': '起草政策',
  'policy.update': '修改政策',
  'policy.submit': '提交政策审核',
  'policy.approve': '审核发布政策',
  'policy.return': '退回政策',
  'policy.repeal': '废止政策',
  'policy.superseded': '政策被新版本取代',
  'policy.delete': '删除政策草稿',
  'notice.create': '起草通知',
  'notice.update': '修改通知',
  'notice.delete': '删除通知草稿',
  'notice.submit': '提交通知审批',
  'notice.approve': '审批通知',
  'notice.send': '发送通知',
  'messaging.reply': '回复咨询',
  'messaging.note': '内部备注',
  'messaging.assign': '分配咨询',
  'messaging.status': '更改咨询状态',
  'messaging.canned_reply.create': '新建常用回复'
}

export const actionText = (code: string) => AUDIT_ACTIONS[code] ?? code

/** What kind of record an entry is about, in words. */
export const AUDIT_ENTITIES: Readonly<Record<string, string>> = {
  veteran: '退役军人',
  import_job: '导入任务',
  user: '账号',
  policy: '政策',
  notice: '通知',
  slot: '号源',
  booking: '预约',
  thread: '咨询',
  canned_reply: '常用回复'
}

/** The detail's keys in words; keys not listed are left out of the line (they stay in the CSV export). */
export const AUDIT_DETAIL_KEYS: Readonly<Record<string, string>> = {
  reason: '理由',
  rows: '行',
  created: '新增',
  updated: '更新',
  unchanged: '未变',
  fields: '修改的项',
  role: '角色',
  username: '用户名',
  displayName: '名称',
  disabled: '停用',
  districtCode: '区',
  category: '类别',
  capacity: '名额',
  recipientCount: '收件人数',
  cancelledBookings: '取消的预约',
  assigneeId: '分配给',
  from: '原来',
  supersededBy: '被取代于',
  format: '格式',
  unmasked: '含完整证件号',
  count: '数量',
  status: '改为'
}

/** The end of an id: enough to tell two apart. */
const idTail = (id: string) => `…${id.slice(-6)}`

/** When an entry was made, for the table: "12月6日 03:04" this year, with the year before it otherwise. */
export function auditTimeText(at: string, now = new Date().toISOString()): string {
  const full = formatDateTime(at)
  const thisYear = `${formatDateTime(now).slice(0, 4)}年`
  return full.startsWith(thisYear) ? full.slice(thisYear.length) : full
}

/** The record an entry is about: its kind in words and the end of its id (enough to tell two apart). */
export function entityText(entity: string, entityId: string | null): string {
  const kind = AUDIT_ENTITIES[entity] ?? entity
  return entityId ? `${kind} ${idTail(entityId)}` : kind
}

/**
 * Names for the ids and codes a detail holds, as the page knows them (districts, staff accounts); a lookup answers
 * undefined for one it does not know.
 */
export interface DetailNames {
  district?: (code: string) => string | undefined
  staff?: (userId: string) => string | undefined
}

/** A time slot's status as the schedule says it (已暂停 beside a closed slot). */
const SLOT_STATUS_WORDS: Readonly<Record<string, string>> = { open: '开放', closed: '暂停' }

const wordsOf =
  (labels: Readonly<Record<string, string>>) =>
  (code: string): string =>
    labels[code] ?? code

/**
 * The words for a detail's codes, by key and, for `from` (the state before), by what the entry is about: a thread's
 * 已回复 and a booking's 已预约 are both stored as codes, an assignment's `from` is the previous assignee's user id.
 * Codes no list knows are shown as they are; user ids no one knows, as their end.
 */
function codeWords(action: string, key: string, names: DetailNames): ((code: string) => string) | null {
  if (key === 'districtCode') return (code) => names.district?.(code) ?? code
  if (action === 'messaging.assign' && (key === 'assigneeId' || key === 'from')) {
    return (userId) => names.staff?.(userId) ?? idTail(userId)
  }
  if (key === 'role') return wordsOf(ROLES)
  if (key === 'category') return wordsOf(VETERAN_CATEGORIES)
  if (key === 'fields') return wordsOf(FIELD_LABELS)
  if (key === 'from' || key === 'status') {
    if (action.startsWith('messaging.')) return threadStatusLabel
    if (action.startsWith('booking.slot.')) return wordsOf(SLOT_STATUS_WORDS)
    if (action.startsWith('booking.')) return bookingStatusLabel
  }
  return null
}

const valueText = (value: unknown, words: ((code: string) => string) | null): string => {
  if (typeof value === 'boolean') return value ? '是' : '否'
  if (Array.isArray(value)) return value.map((item) => valueText(item, words)).join('、')
  if (typeof value === 'object' && value !== null) return JSON.stringify(value)
  return words && typeof value === 'string' ? words(value) : String(value)
}

/**
 * What an entry's detail says, short, in words: "理由：核实身份；新增：3". Personal data is never in it. `names` puts
 * district and staff names for their codes and ids; without it codes stay and staff ids are shortened.
 */
export function detailText(detail: Record<string, unknown>, action = '', names: DetailNames = {}): string {
  return Object.entries(detail)
    .filter(([key, value]) => key in AUDIT_DETAIL_KEYS && value !== null && value !== undefined && value !== '')
    .map(([key, value]) => `${AUDIT_DETAIL_KEYS[key]}：${valueText(value, codeWords(action, key, names))}`)
    .join('；')
}

export interface AuditFilterForm {
  actorId: string
  action: string
  from: string
  to: string
}

/** Beijing midnight of a calendar date as an instant (UTC ISO). */
const beijingMidnight = (date: string) => new Date(`${date}T00:00:00+08:00`).toISOString()

/** The filter form as the query of GET /admin/audit: dates as the start of `from` to the end of `to` (Beijing). */
export function auditQueryOf(form: AuditFilterForm): { actorId?: string; action?: string; from?: string; to?: string } {
  const dayAfter = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10)
  return {
    actorId: form.actorId || undefined,
    action: form.action || undefined,
    from: form.from ? beijingMidnight(form.from) : undefined,
    // The end of the `to` day: just before the next Beijing midnight.
    to: form.to ? new Date(Date.parse(beijingMidnight(dayAfter(form.to))) - 1).toISOString() : undefined
  }
}

/** Why the dates cannot be searched, or null. */
export function auditDatesProblem(form: AuditFilterForm): string | null {
  return form.from && form.to && form.from > form.to ? '开始日期不能晚于结束日期' : null
}
