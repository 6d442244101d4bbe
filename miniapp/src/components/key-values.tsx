import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import { keepTogether } from './keep-together'

/** A text value with its times, numbers and units kept whole when it wraps. */
export function KeptText({ value }: { value: ReactNode }) {
  if (typeof value !== 'string') return <>{value}</>
  return (
    <>
      {keepTogether(value).map((run, index) =>
        !run.keep ? (
          run.text
        ) : process.env.TARO_ENV === 'h5' ? (
          <span key={index} className='kv__keep'>
            {run.text}
          </span>
        ) : (
          <Text key={index} className='kv__keep'>
            {run.text}
          </Text>
        )
      )}
    </>
  )
}

/**
 * Label–value pairs (profile, a booking, a service center): a description list in the browser. A value sits at the
 * right of its label when it fits there, else on its own line below it (see .kv in theme/components.css).
 */
export function KeyValues({ rows }: { rows: ReadonlyArray<[string, ReactNode]> }) {
  if (process.env.TARO_ENV === 'h5') {
    return (
      <dl className='kv'>
        {rows.map(([key, value], index) => (
          <div className='kv__row' key={`${index}-${key}`}>
            <dt className='kv__key'>{key}</dt>
            <dd className='kv__value'>
              <KeptText value={value} />
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
          <Text className='kv__value'>
            <KeptText value={value} />
          </Text>
        </View>
      ))}
    </View>
  )
}
