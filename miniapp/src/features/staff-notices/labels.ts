import type { NoticeStatus } from '@veterans/shared'

export const STATUS_LABELS: Record<NoticeStatus, string> = {
  draft: '草稿',
  pending: '待审核',
  approved: '已审核',
  sending: '发送中',
  sent: '已发送'
}

/** The list's filter, in the order a notice moves through them. */
export const STATUS_FILTERS: { value: NoticeStatus; label: string }[] = (
  ['draft', 'pending', 'approved', 'sending', 'sent'] as const
).map((value) => ({ value, label: STATUS_LABELS[value] }))

export const EMPTY_LIST: Record<NoticeStatus, string> = {
  draft: '没有草稿。',
  pending: '没有等待审核的通知。',
  approved: '没有已审核、等待发送的通知。',
  sending: '没有正在发送的通知。',
  sent: '还没有发送过通知。'
}

/** WeChat subscription-message states, as staff read them. */
export const DELIVERY_LABELS = {
  pending: '等待发送',
  sent: '已送达微信',
  failed_temporary: '暂时失败，稍后重试',
  failed_permanent: '发送失败（不再重试）'
} as const
