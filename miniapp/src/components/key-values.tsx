import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'

/** Label–value pairs (profile, exported data): a description list in the browser. */
export function KeyValues({ rows }: { rows: ReadonlyArray<[string, ReactNode]> }) {
  if (process.env.TARO_ENV === 'h5') {
    return (
      <dl className='kv'>
        {rows.map(([key, value], index) => (
          <div className='kv__row' key={`${index}-${key}`}>
            <dt className='kv__key'>{key}</dt>
            <dd className='kv__value' style={{ margin: 0 }}>
              {value}
            </dd>
          </div>
        ))}
      </dl>
    )
  }
  return (
    <View className='kv'>
      {rows.map(([key, value], index) => (
        <View className='kv__row' key={`${index}-${key}`}>
          <Text className='kv__key'>{key}</Text>
          <Text className='kv__value'>{value}</Text>
        </View>
      ))}
    </View>
  )
}
