import type { SlaState, StaffThread, ThreadStatus } from '@veterans/shared'

/** The words of the staff inbox for the contract's codes. */
export const THREAD_STATUS_WORDS: Record<ThreadStatus, string> = {
  open: '待处理',
  pending: '已回复',
  resolved: '已解决'
}

export type AssigneeFilter = 'unassigned' | 'me' | 'any'
export const ASSIGNEE_FILTERS: ReadonlyArray<{ value: AssigneeFilter; label: string }> = [
  { value: 'unassigned', label: '未分配' },
  { value: 'me', label: '我的' },
  { value: 'any', label: '全部' }
]
export const STATUS_FILTERS: ReadonlyArray<{ value: ThreadStatus; label: string }> = [
  { value: 'open', label: '待处理' },
  { value: 'pending', label: '已回复' },
  { value: 'resolved', label: '已解决' }
]

export const ASKER_ROLE_WORDS: Record<StaffThread['residentRole'], string> = {
  resident: '居民',
  veteran: '退役军人',
  family: '家属'
}

/** The SLA marks are words first (已超时 / 即将超时); the colour only repeats them. */
export const SLA_WORDS: Record<Exclude<SlaState, 'ok'>, string> = { breached: '已超时', due_soon: '即将超时' }

export const INTERNAL_NOTE_HINT = '内部备注，居民看不到'

/** The contract's MESSAGE_BODY_MAX (shared/src/schemas/messaging.ts; runtime code may not import TypeBox schemas). */
export const REPLY_MAX = 2000
