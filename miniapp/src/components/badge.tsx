import { Text } from '@tarojs/components'
import type { ReactNode } from 'react'

/** A short label inside a line of text (已认证, 正在建设中 …). */
export function Badge({ children }: { children: ReactNode }) {
  if (process.env.TARO_ENV === 'h5') return <span className='pill badge'>{children}</span>
  return <Text className='pill badge'>{children}</Text>
}
