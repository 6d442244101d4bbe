import { Text, View } from '@tarojs/components'
import { openPage, PAGES } from '../../shell/navigation'

const SHORTCUTS = [
  { title: '预约服务', hint: '到服务中心办事', url: PAGES.booking },
  { title: '查政策', hint: '优待、抚恤、就业', url: PAGES.policies },
  { title: '消息', hint: '通知与咨询', url: PAGES.messages },
  { title: '我的', hint: '资料、家人、长辈版', url: PAGES.me }
] as const

/** Large tiles to the four other tabs. */
export function Shortcuts() {
  if (process.env.TARO_ENV === 'h5') {
    return (
      <nav className='shortcuts' aria-label='常用功能'>
        {SHORTCUTS.map((s) => (
          <button key={s.url} type='button' className='shortcut' onClick={() => openPage(s.url)}>
            {s.title}
            <span className='shortcut__hint'>{s.hint}</span>
          </button>
        ))}
      </nav>
    )
  }
  return (
    <View className='shortcuts'>
      {SHORTCUTS.map((s) => (
        <View
          key={s.url}
          className='shortcut'
          ariaRole='button'
          ariaLabel={`${s.title}，${s.hint}`}
          onClick={() => openPage(s.url)}
        >
          <Text>{s.title}</Text>
          <Text className='shortcut__hint'>{s.hint}</Text>
        </View>
      ))}
    </View>
  )
}
