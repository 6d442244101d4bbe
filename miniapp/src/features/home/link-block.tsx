import { Text, View } from '@tarojs/components'
import { KeptText, useOpenPage } from '../../components'
import './home.css'

/** A block of lines that opens a page: the first line larger, the whole block the tap target (a real link in the browser). */
export function LinkBlock({ lines, url, emphasis }: { lines: readonly string[]; url: string; emphasis?: boolean }) {
  const openPage = useOpenPage()
  const className = emphasis ? 'home-link home-link--emphasis' : 'home-link'
  const [first, ...rest] = lines
  if (process.env.TARO_ENV === 'h5') {
    return (
      <a
        className={className}
        href={url}
        onClick={(event) => {
          event.preventDefault()
          openPage(url)
        }}
      >
        <span className='home-link__title'>
          {/* A time range such as 15:00–15:30 stays on one line. */}
          <KeptText value={first} />
        </span>
        {rest.map((line) => (
          <span key={line} className='home-link__line'>
            {line}
          </span>
        ))}
        <span className='home-link__chevron' aria-hidden='true'>
          ›
        </span>
      </a>
    )
  }
  return (
    <View
      className={className}
      hoverClass='home-link--pressed'
      ariaRole='link'
      ariaLabel={lines.join('，')}
      onClick={() => openPage(url)}
    >
      <Text className='home-link__title'>
        <KeptText value={first} />
      </Text>
      {rest.map((line) => (
        <Text key={line} className='home-link__line'>
          {line}
        </Text>
      ))}
      <Text className='home-link__chevron'>›</Text>
    </View>
  )
}
