import { addDays, beijingToday } from '@veterans/shared/rules'
import { View } from '@tarojs/components'
import { staffBookingApi, useRequest } from '../../api'
import { ActionButton, Card, Notice, Paragraph } from '../../components'
import { shortDate, weekdayName } from '../booking/dates'
import { cellKey, slotCellText, weekGrid, weekStart } from './week-grid'
import './staff-booking.css'

/**
 * 一周号源 at a desk: the week of the chosen day as a table, days across and times down, each slot with its places
 * taken of its capacity. Choosing a day's heading shows that day below to edit.
 */
export function WeekView({
  centerId,
  date,
  onPickDate
}: {
  centerId: string
  date: string
  onPickDate: (date: string) => void
}) {
  const monday = weekStart(date)
  const sunday = addDays(monday, 6)
  const today = beijingToday()
  const slots = useRequest(
    () => staffBookingApi.slots({ centerId, from: monday, to: sunday }),
    `week-${centerId}-${monday}`,
    Boolean(centerId)
  )
  const grid = weekGrid(slots.data?.items ?? [], monday)
  return (
    <Card title={`一周号源：${shortDate(monday)} 至 ${shortDate(sunday)}`}>
      <View className='btn-row week-nav'>
        <ActionButton variant='secondary' inline onClick={() => onPickDate(addDays(date, -7))}>
          上一周
        </ActionButton>
        <ActionButton variant='secondary' inline onClick={() => onPickDate(addDays(date, 7))}>
          下一周
        </ActionButton>
      </View>
      {slots.loading && !slots.data && <Paragraph muted>正在读取…</Paragraph>}
      {slots.error && <Notice tone='error'>{slots.error.message}</Notice>}
      {slots.data && grid.times.length === 0 && <Paragraph muted>这一周没有开放的时段。</Paragraph>}
      {grid.times.length > 0 && (
        <table className='week-table'>
          <caption className='week-table__caption'>每格是该时段各项服务已约人数/名额</caption>
          <thead>
            <tr>
              <th scope='col'>时间</th>
              {grid.days.map((day) => (
                <th scope='col' key={day} className={day === date ? 'week-table__day--chosen' : undefined}>
                  <button
                    type='button'
                    className='week-table__day'
                    aria-pressed={day === date}
                    aria-label={`${shortDate(day)}${weekdayName(day)}${day === today ? '，今天' : ''}：在下面编辑这一天`}
                    onClick={() => onPickDate(day)}
                  >
                    {shortDate(day)}
                    <br />
                    {weekdayName(day)}
                    {day === today ? '（今天）' : ''}
                  </button>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {grid.times.map((time) => (
              <tr key={time}>
                <th scope='row'>{time}</th>
                {grid.days.map((day) => (
                  <td key={day} className={day === date ? 'week-table__day--chosen' : undefined}>
                    {(grid.cells.get(cellKey(day, time)) ?? []).map((slot) => (
                      <span
                        key={slot.id}
                        className={
                          slot.status !== 'open'
                            ? 'week-slot week-slot--closed'
                            : slot.booked >= slot.capacity
                              ? 'week-slot week-slot--full'
                              : 'week-slot'
                        }
                      >
                        {slotCellText(slot)}
                      </span>
                    ))}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Card>
  )
}
