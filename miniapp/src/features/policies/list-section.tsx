import { View } from '@tarojs/components'
import { useId, type ReactNode } from 'react'
import { a11y, Heading } from '../../components'

/** A titled list of cards on the page background (a labelled section in the browser). */
export function ListSection({ title, children }: { title: string; children: ReactNode }) {
  const id = useId()
  if (process.env.TARO_ENV === 'h5') {
    return (
      <section className='list-section' aria-labelledby={id}>
        <Heading level={2} id={id}>
          {title}
        </Heading>
        {children}
      </section>
    )
  }
  return (
    <View className='list-section' {...a11y('region', title)}>
      <Heading level={2}>{title}</Heading>
      {children}
    </View>
  )
}
