import { View } from '@tarojs/components'
import { useId, type ReactNode } from 'react'
import { Heading } from './heading'
import { a11y } from './a11y'

/**
 * A titled section of a page (a labelled region in the browser): framed; `flush`, framed edge to edge (for rows);
 * or `plain`, on the page background (a list of cards).
 */
export function Card({
  title,
  children,
  flush,
  plain
}: {
  title?: string
  children: ReactNode
  flush?: boolean
  plain?: boolean
}) {
  const id = useId()
  const className = plain ? 'section' : flush ? 'card card--flush' : 'card'
  if (process.env.TARO_ENV === 'h5' && title) {
    return (
      <section className={className} aria-labelledby={id}>
        <Heading level={2} id={id}>
          {title}
        </Heading>
        {children}
      </section>
    )
  }
  return (
    <View className={className} {...a11y(title ? 'region' : undefined, title)}>
      {title && <Heading level={2}>{title}</Heading>}
      {children}
    </View>
  )
}
