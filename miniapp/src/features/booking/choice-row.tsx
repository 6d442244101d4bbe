import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import { a11y } from '../../components'

/**
 * One compact row of a list to choose from (a service, a center): the whole row is one large target with a
 * chevron. Its name (`label`) says what tapping does and contains all the row shows (its `title` and the smaller
 * `details` line), so what is seen is also what is heard.
 */
export function ChoiceRow({
  label,
  title,
  details,
  onChoose,
  disabled
}: {
  label: string
  title: string
  details: ReactNode
  onChoose: () => void
  disabled?: boolean
}) {
  if (process.env.TARO_ENV === 'h5') {
    return (
      <button type='button' className='choice-row' aria-label={label} disabled={disabled} onClick={onChoose}>
        <span className='choice-row__body'>
          <span className='row__title'>{title}</span>
          <span className='choice-row__details'>{details}</span>
        </span>
        <span className='choice-row__chevron' aria-hidden='true'>
          ›
        </span>
      </button>
    )
  }
  return (
    <View
      className={disabled ? 'choice-row choice-row--disabled' : 'choice-row'}
      hoverClass={disabled ? 'none' : 'nav-row--pressed'}
      ariaRole='button'
      ariaLabel={label}
      onClick={() => !disabled && onChoose()}
    >
      <View className='choice-row__body'>
        <Text className='row__title'>{title}</Text>
        <View className='choice-row__details'>{details}</View>
      </View>
      <Text className='choice-row__chevron' {...a11y(undefined, undefined, { hidden: true })}>
        ›
      </Text>
    </View>
  )
}
