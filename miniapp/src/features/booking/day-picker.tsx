import { Text, View } from '@tarojs/components'
import type { CalendarDay } from './calendar'

/**
 * The next 14 days as large buttons, each saying its date, weekday and places left. Days without service can
 * still be reached by a screen reader (they say 不开放) but do nothing.
 */
export function DayPicker({
  days,
  selected,
  onSelect
}: {
  days: CalendarDay[]
  selected?: string
  onSelect: (date: string) => void
}) {
  const classOf = (day: CalendarDay) =>
    ['day', `day--${day.state}`, day.date === selected ? 'day--on' : ''].filter(Boolean).join(' ')
  if (process.env.TARO_ENV === 'h5') {
    return (
      <div className='day-grid' role='group' aria-label='选择日期'>
        {days.map((day) => (
          <button
            key={day.date}
            type='button'
            className={classOf(day)}
            aria-pressed={day.date === selected}
            aria-disabled={day.state === 'none' ? 'true' : undefined}
            onClick={() => day.state !== 'none' && onSelect(day.date)}
          >
            <span className='day__label'>{day.label}</span>
            <span className='day__weekday'>{day.weekday}</span>
            <span className='day__note'>{day.note}</span>
          </button>
        ))}
      </div>
    )
  }
  return (
    <View className='day-grid'>
      {days.map((day) => (
        <View
          key={day.date}
          className={classOf(day)}
          ariaRole='button'
          ariaLabel={`${day.spoken}${day.date === selected ? '，已选' : ''}`}
          onClick={() => day.state !== 'none' && onSelect(day.date)}
        >
          <Text className='day__label'>{day.label}</Text>
          <Text className='day__weekday'>{day.weekday}</Text>
          <Text className='day__note'>{day.note}</Text>
        </View>
      ))}
    </View>
  )
}
