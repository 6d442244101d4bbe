import { View } from '@tarojs/components'
import type { ReactNode } from 'react'
import { openPage } from '../../shell/navigation'

/**
 * A whole list item that opens a page (a booking, a waitlist entry): a large target, a real link in the browser.
 * `label` is its accessible name on WeChat, where the children's text is not read as one.
 */
export function ItemLink({
  url,
  label,
  more,
  children
}: {
  url: string
  label: string
  more: string
  children: ReactNode
}) {
  if (process.env.TARO_ENV === 'h5') {
    return (
      <a
        className='item-link'
        href={url}
        onClick={(event) => {
          event.preventDefault()
          openPage(url)
        }}
      >
        {children}
        <span className='item-link__more'>{more} ›</span>
      </a>
    )
  }
  return (
    <View
      className='item-link'
      hoverClass='nav-row--pressed'
      ariaRole='link'
      ariaLabel={`${label}，${more}`}
      onClick={() => openPage(url)}
    >
      {children}
      <View className='item-link__more'>{more} ›</View>
    </View>
  )
}
