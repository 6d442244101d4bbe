import { Text } from '@tarojs/components'
import type { ReactNode } from 'react'
import { a11y } from './a11y'

/** Page title (level 1) and section headings (level 2): real <h1>/<h2> in the browser. */
export function Heading({ level, children, id }: { level: 1 | 2; children: ReactNode; id?: string }) {
  const className = level === 1 ? 'title' : 'heading'
  if (process.env.TARO_ENV === 'h5') {
    return level === 1 ? (
      <h1 className={className} id={id}>
        {children}
      </h1>
    ) : (
      <h2 className={className} id={id}>
        {children}
      </h2>
    )
  }
  return (
    <Text className={className} id={id} {...a11y('heading')}>
      {children}
    </Text>
  )
}
