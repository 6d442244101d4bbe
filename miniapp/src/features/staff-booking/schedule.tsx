import type { Me, StaffSlot } from '@veterans/shared'
import { View } from '@tarojs/components'
import { beijingDateOf, beijingToday } from '@veterans/shared/rules'
import { useState } from 'react'
import { staffBookingApi, useRequest } from '../../api'
import { Card, NavRow, Notice, Paragraph } from '../../components'
import { STAFF_BOOKING_PAGES, urlWith } from '../../shell/navigation-pages'
import { dayText } from '../booking/dates'
import { CenterChoice } from './center-choice'
import { CreateSlotCard } from './create-slot-card'
import { DateStepper } from './date-stepper'
import { SlotEditor } from './slot-editor'
import { useNow } from './use-now'
import { useStaffCenter } from './use-staff-center'
import { useWideScreen } from '../staff-messaging/use-wide-screen'
import { WeekView } from './week-view'
import '../booking/booking.css'

/**
 * 号源排班: a center's slots of one day, each editable; one new slot here, many on the batch page. At a desk the
 * choices sit in a column beside the week of that day (places taken per slot) and the day's slots to edit.
 */
export function Schedule({ me }: { me: Me }) {
  const staffCenter = useStaffCenter(me)
  const { centerId, services } = staffCenter
  const today = beijingToday()
  const now = useNow()
  const wide = useWideScreen()
  const [changes, setChanges] = useState(0)
  const [date, setDate] = useState(today)
  const slots = useRequest(
    () => staffBookingApi.slots({ centerId, from: date, to: date }),
    `staff-slots-${centerId}-${date}`,
    Boolean(centerId)
  )

  const replace = (updated: StaffSlot) => {
    setChanges((n) => n + 1)
    if (slots.data) slots.setData({ items: slots.data.items.map((s) => (s.id === updated.id ? updated : s)) })
  }
  const created = (slot: StaffSlot) => {
    setChanges((n) => n + 1)
    if (beijingDateOf(slot.startsAt) === date) void slots.reload()
  }
  const items = [...(slots.data?.items ?? [])].sort(
    (a, b) => a.startsAt.localeCompare(b.startsAt) || a.serviceName.localeCompare(b.serviceName, 'zh')
  )

  const controls = (
    <>
      <CenterChoice staffCenter={staffCenter} />
      <Card flush>
        <NavRow
          title='批量开放号源'
          detail='一次开放多天'
          url={urlWith(STAFF_BOOKING_PAGES.scheduleBatch, { centerId })}
        />
      </Card>
      <Card title='查看哪一天'>
        <DateStepper date={date} onChange={setDate} />
      </Card>
    </>
  )
  const day = (
    <Card title={`${dayText(date, today)}的号源`}>
      {slots.loading && !slots.data && <Paragraph muted>正在读取…</Paragraph>}
      {slots.error && <Notice tone='error'>{slots.error.message}</Notice>}
      {slots.data && items.length === 0 && <Paragraph muted>这一天没有开放的时段。</Paragraph>}
      {items.map((slot) => (
        <SlotEditor key={slot.id} slot={slot} now={now} onChanged={replace} />
      ))}
    </Card>
  )
  const create = centerId && (
    <CreateSlotCard
      key={`${centerId}-${date}`}
      centerId={centerId}
      services={services}
      date={date}
      onCreated={created}
    />
  )

  if (wide) {
    return (
      <View className='schedule-desk'>
        <View>
          {controls}
          {create}
        </View>
        <View>
          {/* Edits of the day change the week's figures: a new key reads the week again after each change. */}
          <WeekView key={changes} centerId={centerId} date={date} onPickDate={setDate} />
          {day}
        </View>
      </View>
    )
  }
  return (
    <>
      {controls}
      {day}
      {create}
    </>
  )
}
