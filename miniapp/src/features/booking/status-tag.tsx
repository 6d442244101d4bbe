import { Text } from '@tarojs/components'
import type { BookingStatus } from '@veterans/shared'

const TONE: Record<BookingStatus, string> = {
  booked: 'status--active',
  checked_in: 'status--active',
  completed: 'status--ended',
  cancelled: 'status--ended',
  no_show: 'status--attention'
}

/** A booking's status in words, tinted (the colour only repeats what the words say). */
export function StatusTag({ status, words, attention }: { status: BookingStatus; words: string; attention?: boolean }) {
  const className = `pill status ${attention ? 'status--attention' : TONE[status]}`
  if (process.env.TARO_ENV === 'h5') return <span className={className}>{words}</span>
  return <Text className={className}>{words}</Text>
}
