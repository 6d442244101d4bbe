import { View } from '@tarojs/components'
import type { ReactNode } from 'react'
import { a11y } from './a11y'

/** A message block. Errors are announced at once (role=alert); other news politely (role=status). */
export function Notice({ tone = 'info', children }: { tone?: 'info' | 'success' | 'error'; children: ReactNode }) {
  return (
    <View className={`notice notice--${tone}`} {...a11y(tone === 'error' ? 'alert' : 'status')}>
      {children}
    </View>
  )
}
