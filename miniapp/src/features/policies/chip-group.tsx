import { Text, View } from '@tarojs/components'
import { useId } from 'react'
import './policies.css'

export interface ChipOption<T extends string> {
  value: T
  label: string
  /** How many results choosing it would give (from the search facets). */
  count?: number
}

/**
 * Pick one of several filters, all visible as large wrapping chips. Toggle buttons (aria-pressed) in a labelled
 * group in the browser; on WeChat the screen reader hears the label, the count and 已选.
 */
export function ChipGroup<T extends string>(props: {
  label: string
  options: ReadonlyArray<ChipOption<T>>
  value: T
  onChange: (value: T) => void
  /** Two or three equal buttons across the page (a view switch); the label is then only spoken. */
  segmented?: boolean
}) {
  const id = useId()
  const { label, options, value, onChange, segmented } = props
  const groupClass = segmented ? 'field chips--segmented' : 'field'
  const spoken = (option: ChipOption<T>) =>
    option.count === undefined ? option.label : `${option.label}，${option.count} 条`
  if (process.env.TARO_ENV === 'h5') {
    return (
      <div className={groupClass} role='group' aria-labelledby={id}>
        <span className={segmented ? 'visually-hidden' : 'field__label'} id={id}>
          {label}
        </span>
        <div className='chips__list'>
          {options.map((option) => (
            <button
              key={option.value}
              type='button'
              className={option.value === value ? 'chip chip--on' : 'chip'}
              aria-pressed={option.value === value}
              onClick={() => onChange(option.value)}
            >
              {option.label}
              {option.count !== undefined && <span className='chip__count'>{option.count}</span>}
            </button>
          ))}
        </div>
      </div>
    )
  }
  return (
    <View className={groupClass}>
      {!segmented && <Text className='field__label'>{label}</Text>}
      <View className='chips__list'>
        {options.map((option) => (
          <View
            key={option.value}
            className={option.value === value ? 'chip chip--on' : 'chip'}
            hoverClass='chip--pressed'
            ariaRole='button'
            ariaLabel={option.value === value ? `${spoken(option)}，已选` : spoken(option)}
            onClick={() => onChange(option.value)}
          >
            <Text>{option.label}</Text>
            {option.count !== undefined && <Text className='chip__count'>{option.count}</Text>}
          </View>
        ))}
      </View>
    </View>
  )
}
