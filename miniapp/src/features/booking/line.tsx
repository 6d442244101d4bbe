import { Text } from '@tarojs/components'
import type { ReactNode } from 'react'

/** One line of a list item (a slot, a booking, a notification). `title` is its first, larger line. */
export function Line({ children, tone }: { children: ReactNode; tone?: 'title' | 'muted' | 'good' | 'warn' }) {
  const className = tone === 'title' ? 'row__title' : tone ? `row__line row__line--${tone}` : 'row__line'
  if (process.env.TARO_ENV === 'h5') return <span className={className}>{children}</span>
  return <Text className={className}>{children}</Text>
}

/** Text that must not break across lines (a time range such as 09:00–09:30). */
export function Nowrap({ children }: { children: ReactNode }) {
  if (process.env.TARO_ENV === 'h5') return <span className='nowrap'>{children}</span>
  return <Text className='nowrap'>{children}</Text>
}
