import type { Me } from '@veterans/shared'
import { beijingToday } from '@veterans/shared/rules'
import { useState } from 'react'
import { ActionButton, Card, ConfirmInline, KeyValues, NavRow, Notice, Paragraph } from '../../components'
import { openPage, PAGES, wayOn } from '../../shell/navigation'
import { BOOKING_PAGES, urlWith } from '../../shell/navigation-pages'
import { CallButton } from './call-button'
import { CheckInCodeCard } from './check-in-code-card'
import { momentText, whenText } from './dates'
import { DocumentList } from './document-list'
import { MapButton } from './map-button'
import { RatingCard, RatingShown } from './rating-card'
import { RefusalNotice } from './refusal-notice'
import { refusalOf } from './refusals'
import { bookingStatusText, canRate, changeWindow } from './status'
import { StatusTag } from './status-tag'
import { useBooking } from './use-booking'
import { useCatalog } from './use-catalog'
import { When } from './when'
import { WechatReminderOffer } from '../notices/wechat-reminder-offer'
import './booking.css'

/** What a booking's WeChat reminders are about (messages of bookings: confirmed, the day before, changes). */
const BOOKING_REMINDER_KINDS = ['booking'] as const

/** 预约详情: status, the check-in QR code, what/where/when, and cancel, reschedule or rate. */
export function BookingDetail({ me, bookingId, done }: { me: Me; bookingId: string; done?: string }) {
  const { booking, savedAt, cancel, rate } = useBooking(bookingId, me.id)
  const catalog = useCatalog()
  const [cancelledHere, setCancelledHere] = useState(false)
  if (booking.loading && !booking.data) return <Paragraph muted>正在读取预约…</Paragraph>
  if (booking.error || !booking.data)
    return (
      <Notice tone='error' action={wayOn()}>
        没能读取这个预约：{booking.error?.message ?? '请稍后再试'}
      </Notice>
    )

  const b = booking.data
  const today = beijingToday()
  const when = whenText(b.startsAt, b.endsAt, today)
  const status = bookingStatusText(b)
  const center = catalog.data?.centers.find((c) => c.id === b.centerId)
  const documents = catalog.data?.services.find((s) => s.id === b.serviceId)?.requiredDocuments
  const changes = savedAt ? 'not-applicable' : changeWindow(b, new Date())
  const active = b.status === 'booked' || b.status === 'checked_in'
  const byCenter = b.status === 'cancelled' && b.cancelledBy === 'staff'
  const bookAgain = urlWith(BOOKING_PAGES.slots, {
    serviceId: b.serviceId,
    centerId: b.centerId,
    veteranId: me.veteran?.id === b.veteranId ? undefined : b.veteranId
  })

  return (
    <>
      {done === 'booked' && b.status === 'booked' && (
        <Notice tone='success'>
          预约成功！请在 {when} 到{b.centerName}办理，到了以后出示下面的签到码。
        </Notice>
      )}
      {done === 'booked' && b.status === 'booked' && (
        <WechatReminderOffer kinds={BOOKING_REMINDER_KINDS} why='开启后，办事前一天会在微信里提醒您时间和地点。' />
      )}
      {done === 'moved' && b.status === 'booked' && (
        <Notice tone='success'>
          已改到 {when}，{b.centerName}，签到码不变。
        </Notice>
      )}
      {cancelledHere && <Notice tone='success'>已为您取消这个预约。如仍需办理，可以重新预约。</Notice>}
      {savedAt && <Notice>现在连不上网络，下面是之前保存的内容（更新于 {momentText(savedAt, today)}）。</Notice>}
      <Card title='预约状态'>
        <Paragraph strong>
          {b.serviceName}
          <StatusTag status={b.status} words={status.words} />
        </Paragraph>
        <Paragraph>{status.meaning}</Paragraph>
        {b.cancelReason && !byCenter && <Paragraph muted>取消原因：{b.cancelReason}</Paragraph>}
      </Card>
      {b.status === 'booked' && <CheckInCodeCard code={b.checkInCode} />}
      <Card title='预约信息'>
        <KeyValues
          rows={[
            ['办理事项', b.serviceName],
            ['时间', <When key='when' startsAt={b.startsAt} endsAt={b.endsAt} />],
            ['服务中心', b.centerName],
            ['地址', b.centerAddress],
            ['电话', b.centerPhone],
            ['为谁办理', me.veteran?.id === b.veteranId ? '您本人' : b.veteranNameMasked],
            ['预约人', b.bookedByUserId === me.id ? '您' : '家属代约'],
            ...(b.note ? ([['备注', b.note]] as [string, string][]) : [])
          ]}
        />
      </Card>
      {b.status === 'booked' && documents && (
        <Card title='请带上'>
          <DocumentList documents={documents} />
        </Card>
      )}
      {active && (
        <Card title='联系服务中心'>
          <CallButton phone={b.centerPhone} />
          {center && <MapButton center={center} />}
        </Card>
      )}
      {changes === 'open' && (
        <Card title='改约或取消'>
          <Paragraph>
            {momentText(b.cancellableUntil, today)} 以前可以在这里改约或取消；再晚请打电话告诉服务中心。
          </Paragraph>
          <ActionButton
            variant='secondary'
            onClick={() =>
              openPage(
                urlWith(BOOKING_PAGES.slots, { serviceId: b.serviceId, centerId: b.centerId, rescheduleId: b.id })
              )
            }
          >
            改约（换个时间）
          </ActionButton>
          <ActionButton
            variant='secondary'
            onClick={() => openPage(urlWith(BOOKING_PAGES.centers, { serviceId: b.serviceId, rescheduleId: b.id }))}
          >
            改约（换个服务中心）
          </ActionButton>
          {cancel.error && <RefusalNotice refusal={refusalOf(cancel.error, b.centerPhone)} />}
          <ConfirmInline
            busyText='正在取消…'
            trigger='取消预约'
            question={`取消后名额会让给其他人。确定取消 ${when} 的“${b.serviceName}”吗？`}
            confirm='确定取消预约'
            keep='不取消，保留预约'
            busy={cancel.pending}
            onConfirm={() => void cancel.run().then((updated) => updated && setCancelledHere(true))}
          />
        </Card>
      )}
      {changes === 'closed' && (
        <Card title='改约或取消'>
          <Notice>离开始已经很近，不能在线改约或取消了。如需取消或改时间，请打电话告诉服务中心。</Notice>
          <CallButton phone={b.centerPhone} />
        </Card>
      )}
      {byCenter && (
        <Card title='接下来怎么办'>
          <ActionButton onClick={() => openPage(bookAgain)}>另约其他时间</ActionButton>
          <CallButton phone={b.centerPhone} />
        </Card>
      )}
      {b.status === 'cancelled' && !byCenter && (
        <ActionButton variant='secondary' onClick={() => openPage(PAGES.booking)}>
          重新预约
        </ActionButton>
      )}
      {canRate(b) && !savedAt && <RatingCard rate={rate} />}
      {b.rating && <RatingShown rating={b.rating} />}
      <Card flush>
        <NavRow title='我的全部预约' url={BOOKING_PAGES.mine} />
      </Card>
    </>
  )
}
