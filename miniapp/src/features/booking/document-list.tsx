import { Text, View } from '@tarojs/components'
import { Paragraph } from '../../components'

/** What to bring: a real list in the browser, so screen readers say how many items there are. */
export function DocumentList({ documents }: { documents: readonly string[] }) {
  if (documents.length === 0) return <Paragraph muted>不需要带材料。</Paragraph>
  if (process.env.TARO_ENV === 'h5') {
    return (
      <ul className='doc-list'>
        {documents.map((doc) => (
          <li className='doc-list__item' key={doc}>
            {doc}
          </li>
        ))}
      </ul>
    )
  }
  return (
    <View className='doc-list'>
      {documents.map((doc, i) => (
        <Text className='doc-list__item' key={doc}>
          {i + 1}. {doc}
        </Text>
      ))}
    </View>
  )
}
