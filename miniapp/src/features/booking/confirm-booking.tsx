import type { Me } from '@veterans/shared'
import { beijingToday } from '@veterans/shared/rules'
import Taro from '@tarojs/taro'
import { useState, type ReactNode } from 'react'
import { bookingApi, useRequest } from '../../api'
import { ActionButton, Card, ChoiceGroup, KeyValues, Notice, Paragraph, TextField } from '../../components'
import { openPage, wayOn } from '../../shell/navigation'
import { BOOKING_PAGES, urlWith } from '../../shell/navigation-pages'
import { slotState } from './calendar'
import { cannotComeAdvice, cutoffMinutesOf, cutoffWarning, insideCutoff } from './cutoff'
import { DocumentList } from './document-list'
import { overlappingBooking, overlapWarningText } from './overlap'
import { bookingDetailUrl } from './pages'
import { bookingPeople, chosenPerson } from './people'
import { RefusalNotice } from './refusal-notice'
import { refusalOf, type Refusal } from './refusals'
import { StepLine } from './step-line'
import { useBookSlot, useReschedule } from './use-book-slot'
import { useWaitlistJoin, WaitlistJoined } from './use-waitlist-join'
import { waitlistEndedByBooking, waitlistEndingText } from './waitlist-ending'
import { When } from './when'
import './booking.css'

export interface ConfirmBookingProps {
  me: Me
  slotId: string
  veteranId?: string
  rescheduleId?: string
}

/** Step 4: what, where, when, for whom and what to bring, repeated before the person books (or moves a booking). */
export function ConfirmBooking({ me, slotId, veteranId, rescheduleId }: ConfirmBookingProps) {
  const people = bookingPeople(me)
  // Chosen on the 预约 tab; asked again here for anyone who can book for more than one person and came another way.
  const [personId, setPersonId] = useState(veteranId ?? people[0]?.veteranId ?? '')
  const person = chosenPerson(people, personId)
  const slot = useRequest(() => bookingApi.slot(slotId), `slot-${slotId}`)
  const original = useRequest(() => bookingApi.get(rescheduleId!), `booking-${rescheduleId}`, Boolean(rescheduleId))
  const [note, setNote] = useState('')
  const book = useBookSlot(me.id, slotId, person)
  const reschedule = useReschedule(rescheduleId, slotId)
  const waitlist = useWaitlistJoin(person)
  // Booking ends the person's other 候补 of the service (the server's rule): say so before, not after.
  const waiting = useRequest(() => bookingApi.waitlist(), 'my-waitlist', !rescheduleId)
  // One person cannot be in two places at once (the server refuses it): warn before the tap, naming the booking.
  const upcoming = useRequest(() => bookingApi.list({ when: 'upcoming', limit: 100 }), `upcoming-${me.id}`)

  if (slot.loading && !slot.data) return <Paragraph muted>正在读取时段…</Paragraph>
  if (slot.error || !slot.data)
    return (
      <Notice tone='error' action={wayOn()}>
        没能读取这个时段：{slot.error?.message ?? '请返回重新选择'}
      </Notice>
    )
  const detail = slot.data
  const backToSlots = () => void Taro.navigateBack()

  const submit = async () => {
    waitlist.reset()
    const done = rescheduleId ? await reschedule.run() : await book.run(note)
    if (done)
      void Taro.redirectTo({
        url: urlWith(BOOKING_PAGES.detail, { id: done.id, done: rescheduleId ? 'moved' : 'booked' })
      })
    else void slot.reload()
  }

  const failure = rescheduleId ? reschedule.error : book.error
  const state = slotState(detail, new Date())
  // Before the person even taps: a slot that filled up or closed while they were choosing.
  const stale: Refusal | null =
    failure || state === 'bookable'
      ? null
      : state === 'full'
        ? {
            message: '这个时段刚刚约满了。可以登记候补，有人取消时按顺序自动为您预约；也可以换一个时段。',
            steps: rescheduleId ? ['other-slot'] : ['waitlist', 'other-slot']
          }
        : { message: '这个时段已暂停或已开始，不能预约了。请换一个时段。', steps: ['other-slot'] }
  const refusal = failure ? refusalOf(failure, detail.centerPhone) : stale
  const cutoffMinutes = cutoffMinutesOf(detail)
  const late = state === 'bookable' && insideCutoff(detail, cutoffMinutes, new Date())
  const ending = rescheduleId
    ? []
    : waitlistEndedByBooking(waiting.data?.items ?? [], { serviceId: detail.serviceId, veteranId: person?.veteranId })
  const clash = overlappingBooking(detail, upcoming.data?.items ?? [], {
    veteranId: rescheduleId ? original.data?.veteranId : person?.veteranId,
    movingId: rescheduleId
  })
  const clashWhom = rescheduleId
    ? original.data?.veteranId === me.veteran?.id
      ? '您'
      : (original.data?.veteranNameMasked ?? '')
    : person?.self === false
      ? person.name
      : '您'
  const pending = book.pending || reschedule.pending
  const forWhom = rescheduleId
    ? original.data
      ? original.data.veteranId === me.veteran?.id
        ? '您本人'
        : original.data.veteranNameMasked
      : '…'
    : person?.self
      ? '您本人'
      : (person?.name ?? '—')

  return (
    <>
      <StepLine step={4} what='核对后确认' />
      <Card title={rescheduleId ? '改约信息' : '预约信息'}>
        <KeyValues
          rows={[
            ['办理事项', detail.serviceName],
            ...(original.data
              ? ([
                  ['原来的时间', <When key='old' startsAt={original.data.startsAt} endsAt={original.data.endsAt} />]
                ] as [string, ReactNode][])
              : []),
            [rescheduleId ? '新的时间' : '时间', <When key='new' startsAt={detail.startsAt} endsAt={detail.endsAt} />],
            ...(original.data && original.data.centerId !== detail.centerId
              ? ([['原来的服务中心', original.data.centerName]] as [string, ReactNode][])
              : []),
            [
              original.data && original.data.centerId !== detail.centerId ? '新的服务中心' : '服务中心',
              detail.centerName
            ],
            ['地址', detail.centerAddress],
            ['电话', detail.centerPhone],
            ['为谁办理', forWhom]
          ]}
        />
      </Card>
      <Card title='请带上'>
        <DocumentList documents={detail.requiredDocuments} />
      </Card>
      {!rescheduleId && people.length > 1 && (
        <Card>
          <ChoiceGroup
            label='为谁办理'
            options={people.map((p) => ({ value: p.veteranId, label: p.label }))}
            value={personId}
            onChange={(id) => {
              setPersonId(id)
              book.clearError()
              waitlist.reset()
            }}
          />
        </Card>
      )}
      {!rescheduleId && (
        <Card>
          <TextField
            label='备注（选填）'
            hint='有需要工作人员提前知道的，可以写在这里，例如需要轮椅、有家人陪同'
            value={note}
            onChange={setNote}
            maxLength={200}
          />
        </Card>
      )}
      {refusal && (
        <RefusalNotice
          refusal={refusal}
          onOtherSlot={backToSlots}
          onWaitlist={waitlist.joined ? undefined : () => void waitlist.join(slotId)}
          waitlistBusy={waitlist.pending}
        />
      )}
      {waitlist.joined && <WaitlistJoined entry={waitlist.joined} person={person} />}
      {waitlist.error && (
        <RefusalNotice refusal={refusalOf(waitlist.error, detail.centerPhone)} onOtherSlot={backToSlots} />
      )}
      {!refusal && clash && (
        <>
          <Notice tone='error'>{overlapWarningText(clash, beijingToday(), clashWhom)}</Notice>
          <ActionButton variant='secondary' onClick={() => openPage(bookingDetailUrl(clash.id))}>
            查看那个预约
          </ActionButton>
          <ActionButton variant='secondary' onClick={backToSlots}>
            换一个时段
          </ActionButton>
        </>
      )}
      {!refusal && ending.length > 0 && (
        <Notice>{waitlistEndingText(ending, beijingToday(), person?.self === false ? person.name : '您')}</Notice>
      )}
      {!refusal && late && <Notice>{cutoffWarning(cutoffMinutes, detail, Boolean(rescheduleId))}</Notice>}
      {(!refusal || refusal.steps.includes('retry')) && (
        <ActionButton
          size='key'
          busy={pending}
          busyText={rescheduleId ? '正在改约…' : '正在预约…'}
          onClick={() => void submit()}
        >
          {rescheduleId ? '确认改约' : '确认预约'}
        </ActionButton>
      )}
      <Paragraph muted small>
        {cannotComeAdvice(late, cutoffMinutes, detail)}
      </Paragraph>
    </>
  )
}
