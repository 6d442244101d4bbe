import { Text } from '@tarojs/components'
import type { ReactNode } from 'react'

/** Body text. `muted` for secondary lines (still 4.5:1), `small` never below 16px (18px in 长辈版). */
export function Paragraph({
  children,
  muted,
  small,
  strong
}: {
  children: ReactNode
  muted?: boolean
  small?: boolean
  strong?: boolean
}) {
  const className = ['text', muted ? 'text--muted' : '', small ? 'text--small' : '', strong ? 'text--strong' : '']
    .filter(Boolean)
    .join(' ')
  if (process.env.TARO_ENV === 'h5') return <p className={className}>{children}</p>
  return <Text className={className}>{children}</Text>
}
