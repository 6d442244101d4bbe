import { addDays, beijingToday } from '@veterans/shared/rules'
import { View } from '@tarojs/components'
import { ActionButton, DateField } from '../../components'
import { dayText } from '../booking/dates'

/** The day a screen shows: the previous or next day with one tap, or any date. */
export function DateStepper({ date, onChange }: { date: string; onChange: (date: string) => void }) {
  const today = beijingToday()
  return (
    <>
      <DateField label='日期' value={date} onChange={(value) => value && onChange(value)} />
      <View className='btn-row'>
        <ActionButton
          variant='secondary'
          label={`前一天：${dayText(addDays(date, -1), today)}`}
          onClick={() => onChange(addDays(date, -1))}
        >
          前一天
        </ActionButton>
        <ActionButton
          variant='secondary'
          label={`后一天：${dayText(addDays(date, 1), today)}`}
          onClick={() => onChange(addDays(date, 1))}
        >
          后一天
        </ActionButton>
      </View>
      {date !== today && (
        <ActionButton variant='plain' onClick={() => onChange(today)}>
          回到今天
        </ActionButton>
      )}
    </>
  )
}
