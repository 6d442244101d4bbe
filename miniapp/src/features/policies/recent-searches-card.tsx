import { Text, View } from '@tarojs/components'
import { ActionButton, Card } from '../../components'
import './policies.css'

/** Recent searches on this phone: tap one to search again; each can be removed, or all at once. */
export function RecentSearchesCard(props: {
  items: string[]
  onSearch: (q: string) => void
  onRemove: (q: string) => void
  onClear: () => void
}) {
  const { items, onSearch, onRemove, onClear } = props
  if (items.length === 0) return null
  const h5 = process.env.TARO_ENV === 'h5'
  return (
    <Card title='最近搜索'>
      {items.map((item) =>
        h5 ? (
          <div className='recent' key={item}>
            <button
              type='button'
              className='recent__search'
              aria-label={`再次搜索：${item}`}
              onClick={() => onSearch(item)}
            >
              <span className='recent__text'>{item}</span>
            </button>
            <button
              type='button'
              className='recent__remove'
              aria-label={`删除最近搜索：${item}`}
              onClick={() => onRemove(item)}
            >
              删除
            </button>
          </div>
        ) : (
          <View className='recent' key={item}>
            <View
              className='recent__search'
              ariaRole='button'
              ariaLabel={`再次搜索：${item}`}
              onClick={() => onSearch(item)}
            >
              <Text className='recent__text'>{item}</Text>
            </View>
            <View
              className='recent__remove'
              ariaRole='button'
              ariaLabel={`删除最近搜索：${item}`}
              onClick={() => onRemove(item)}
            >
              <Text>删除</Text>
            </View>
          </View>
        )
      )}
      <View className='recent__clear'>
        <ActionButton variant='plain' onClick={onClear}>
          清空最近搜索
        </ActionButton>
      </View>
    </Card>
  )
}
