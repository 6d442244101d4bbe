import { Text } from '@tarojs/components'
import type { ReactNode } from 'react'

/** A short term inside a line (（退役士兵）, （子女）) that wraps to the next line whole rather than breaking inside. */
export function Term({ children }: { children: ReactNode }) {
  if (process.env.TARO_ENV === 'h5') return <span className='term'>{children}</span>
  return <Text className='term'>{children}</Text>
}
