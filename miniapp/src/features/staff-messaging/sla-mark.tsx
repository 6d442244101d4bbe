import type { StaffThread } from '@veterans/shared'
import { Text } from '@tarojs/components'
import { formatDateTime } from '../../lib/format'
import { SLA_WORDS, THREAD_STATUS_WORDS } from './labels'
import './staff-messaging.css'

/** 已超时 (red) / 即将超时 (amber): words first, the colour only repeats them. Nothing when on time. */
export function SlaMark({ thread }: { thread: Pick<StaffThread, 'slaState'> }) {
  if (!thread.slaState || thread.slaState === 'ok') return null
  const className = `pill sla sla--${thread.slaState}`
  const words = SLA_WORDS[thread.slaState]
  if (process.env.TARO_ENV === 'h5') return <span className={className}>{words}</span>
  return <Text className={className}>{words}</Text>
}

/** 答复时限 in Beijing time, or why there is none. */
export function dueText(thread: Pick<StaffThread, 'slaDueAt' | 'status'>): string {
  if (!thread.slaDueAt) return thread.status === 'open' ? '—' : `不计时（${THREAD_STATUS_WORDS[thread.status]}）`
  return `${formatDateTime(thread.slaDueAt)}（北京时间）`
}

export function StatusPill({ thread }: { thread: Pick<StaffThread, 'status'> }) {
  const className = `pill thread-status thread-status--${thread.status}`
  const words = THREAD_STATUS_WORDS[thread.status]
  if (process.env.TARO_ENV === 'h5') return <span className={className}>{words}</span>
  return <Text className={className}>{words}</Text>
}
