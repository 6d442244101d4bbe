import { Text, View } from '@tarojs/components'
import { a11y } from './a11y'
import { useOpenPage } from './open-page'

export interface NavRowProps {
  title: string
  detail?: string
  url: string
}

/** A row that opens another page: a real link in the browser (so it reads as one and can be opened by keyboard). */
export function NavRow({ title, detail, url }: NavRowProps) {
  const openPage = useOpenPage()
  if (process.env.TARO_ENV === 'h5') {
    return (
      <a
        className='nav-row'
        href={url}
        onClick={(event) => {
          event.preventDefault()
          openPage(url)
        }}
      >
        <span className='nav-row__title'>{title}</span>
        {detail && <span className='nav-row__detail'>{detail}</span>}
        <span className='nav-row__chevron' aria-hidden='true'>
          ›
        </span>
      </a>
    )
  }
  return (
    <View
      className='nav-row'
      hoverClass='nav-row--pressed'
      ariaRole='link'
      ariaLabel={detail ? `${title}，${detail}` : title}
      onClick={() => openPage(url)}
    >
      <Text className='nav-row__title'>{title}</Text>
      {detail && <Text className='nav-row__detail'>{detail}</Text>}
      <Text className='nav-row__chevron' {...a11y(undefined, undefined, { hidden: true })}>
        ›
      </Text>
    </View>
  )
}
