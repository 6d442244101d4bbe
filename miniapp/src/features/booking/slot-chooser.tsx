import type { Me, Slot } from '@veterans/shared'
import { beijingToday } from '@veterans/shared/rules'
import Taro, { useDidShow } from '@tarojs/taro'
import { useMemo, useState } from 'react'
import { View } from '@tarojs/components'
import { bookingApi, useRequest } from '../../api'
import { ActionButton, Card, KeyValues, Notice, Paragraph } from '../../components'
import { openPage, replacePage } from '../../shell/navigation'
import { BOOKING_PAGES, urlWith } from '../../shell/navigation-pages'
import { calendarDays, firstOpenDay } from './calendar'
import { CallButton } from './call-button'
import { dayFromAddress, keepDayInAddress } from './chosen-day'
import { dayText } from './dates'
import { DayPicker } from './day-picker'
import { MapButton } from './map-button'
import { bookingPeople, chosenPerson, veteranIdFor } from './people'
import { RefusalNotice } from './refusal-notice'
import { refusalOf } from './refusals'
import { SlotList } from './slot-list'
import { waitingBySlot } from './slot-offer'
import { StepLine } from './step-line'
import { useCatalog } from './use-catalog'
import { useWaitlistJoin, WaitlistJoined } from './use-waitlist-join'
import './booking.css'

export interface SlotChooserProps {
  me: Me
  serviceId: string
  centerId: string
  veteranId?: string
  /** Set when moving an existing booking to another slot of the same service (at this center or another). */
  rescheduleId?: string
  /** The day chosen before a reload (the page's `date` parameter); ignored if invalid, past or without slots. */
  date?: string
}

const SLOTS_ANCHOR = 'day-slots'

/** Step 3: the next 14 days and which have places, then a day's slots: book one, or 候补 a full one. */
export function SlotChooser({ me, serviceId, centerId, veteranId, rescheduleId, date }: SlotChooserProps) {
  const today = beijingToday()
  const person = chosenPerson(bookingPeople(me), veteranId)
  const catalog = useCatalog()
  const days = useRequest(() => bookingApi.slotDays({ centerId, serviceId }), `days-${centerId}-${serviceId}`)
  const calendar = useMemo(() => (days.data ? calendarDays(days.data.items, today) : []), [days.data, today])
  const [picked, setPicked] = useState<string | undefined>(() => dayFromAddress(date, today))
  const chosen = days.data ? dayFromAddress(picked, today, calendar) : picked
  const day = chosen ?? firstOpenDay(calendar) ?? calendar.find((d) => d.state !== 'none')?.date
  const slots = useRequest(
    () => bookingApi.slots({ centerId, serviceId, from: day!, to: day! }),
    `slots-${day}`,
    Boolean(day)
  )
  const waitlist = useWaitlistJoin(person)
  // The 候补 already held (joined on an earlier visit, or by another family member): a full slot says the place in
  // the queue instead of offering 登记候补 again, which the server would refuse. Without it the slots still show.
  const held = useRequest(() => bookingApi.waitlist(), `my-waitlist-${me.id}`)
  const waiting = waitingBySlot(
    [...(held.data?.items ?? []), ...(waitlist.joined ? [waitlist.joined] : [])],
    person?.veteranId
  )
  const moving = useRequest(() => bookingApi.get(rescheduleId!), `booking-${rescheduleId}`, Boolean(rescheduleId))

  // Back from the confirm screen (someone may have taken the last place meanwhile): show the places as they are now.
  useDidShow(() => {
    if (!days.data) return
    void days.reload()
    if (day) void slots.reload()
    // Back from 我的预约, where the person may have left a 候补: the list read now replaces the one joined here.
    if (held.data) void held.reload().then(() => waitlist.reset())
  })

  const service = catalog.data?.services.find((s) => s.id === serviceId)
  const center = catalog.data?.centers.find((c) => c.id === centerId)

  const choose = (date: string) => {
    setPicked(date)
    // Replaced, not pushed: 返回 leaves the page, not the days tapped before.
    keepDayInAddress(date)
    waitlist.reset()
    void Taro.pageScrollTo({ selector: `#${SLOTS_ANCHOR}`, duration: 200 }).catch(() => {})
  }
  const book = (slot: Slot) =>
    openPage(urlWith(BOOKING_PAGES.confirm, { slotId: slot.id, veteranId: veteranIdFor(person), rescheduleId }))
  const joinWaitlist = async (slot: Slot) => {
    await waitlist.join(slot.id)
    void slots.reload()
    // Also after a refusal (already waiting, say from another phone): the slot then shows the place held.
    void held.reload()
  }

  const noDays = days.data && calendar.every((d) => d.state === 'none')
  // 改约 may move to another center of the service; otherwise the centers page is the one before this.
  const otherCenter = () =>
    rescheduleId ? replacePage(urlWith(BOOKING_PAGES.centers, { serviceId, rescheduleId })) : void Taro.navigateBack()

  return (
    <>
      <StepLine step={3} what={rescheduleId ? '选择新的时间' : '选择日期和时段'} />
      <Card>
        <KeyValues
          rows={[
            ['办理', service?.name ?? '…'],
            ['地点', center?.name ?? '…'],
            ...(center
              ? ([
                  ['地址', center.address],
                  ['办公时间', center.openingHours]
                ] as [string, string][])
              : []),
            ...(person && !person.self ? ([['为谁办理', person.name]] as [string, string][]) : [])
          ]}
        />
        {center && <MapButton center={center} />}
        {rescheduleId && !noDays && (
          <ActionButton variant='secondary' onClick={otherCenter}>
            换一家服务中心
          </ActionButton>
        )}
      </Card>
      {days.loading && !days.data && <Paragraph muted>正在查看哪些天有名额…</Paragraph>}
      {days.error && <Notice tone='error'>没能读取可预约的日期：{days.error.message}</Notice>}
      {noDays && (
        <Card>
          <Notice>近 14 天这里没有开放这项服务的预约。请换一家服务中心，或打电话问问什么时候开放。</Notice>
          {center && <CallButton phone={center.phone} />}
          <ActionButton variant='secondary' onClick={otherCenter}>
            换一家服务中心
          </ActionButton>
        </Card>
      )}
      {days.data && !noDays && (
        <Card title='选择日期'>
          <Paragraph muted>绿色字的日子还有名额。</Paragraph>
          <DayPicker days={calendar} selected={day} onSelect={choose} />
        </Card>
      )}
      {day && !noDays && (
        <Card title={`${dayText(day, today)}的时段`}>
          <SlotAnchor />
          {slots.loading && !slots.data && <Paragraph muted>正在读取时段…</Paragraph>}
          {slots.error && <Notice tone='error'>没能读取时段：{slots.error.message}</Notice>}
          {slots.data && slots.data.items.length === 0 && <Paragraph>这一天没有时段，请选择别的日子。</Paragraph>}
          {waitlist.joined && <WaitlistJoined entry={waitlist.joined} person={person} />}
          {waitlist.error && <RefusalNotice refusal={refusalOf(waitlist.error, center?.phone)} />}
          {slots.data && (
            <SlotList
              slots={slots.data.items}
              now={new Date()}
              mode={rescheduleId ? 'reschedule' : 'book'}
              onBook={book}
              onWaitlist={(slot) => void joinWaitlist(slot)}
              waitlistBusy={waitlist.pending}
              waiting={waiting}
              justJoinedSlotId={waitlist.joined?.slotId}
              currentSlotId={moving.data?.slotId}
            />
          )}
        </Card>
      )}
    </>
  )
}

function SlotAnchor() {
  if (process.env.TARO_ENV === 'h5') return <span id={SLOTS_ANCHOR} />
  return <View id={SLOTS_ANCHOR} />
}
