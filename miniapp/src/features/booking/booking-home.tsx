import type { Me } from '@veterans/shared'
import { beijingToday } from '@veterans/shared/rules'
import { useDidShow } from '@tarojs/taro'
import { useState } from 'react'
import { bookingApi, useRequest } from '../../api'
import { Card, ChoiceGroup, Heading, NavRow, Notice, Paragraph } from '../../components'
import { openPage } from '../../shell/navigation'
import { BOOKING_PAGES, urlWith } from '../../shell/navigation-pages'
import { refreshUnreadBadge } from '../../shell/unread-badge'
import { WithBookingAccess } from './access-cards'
import { heldByService } from './held-bookings'
import { bookingDetailUrl } from './pages'
import { bookingPeople, chosenPerson } from './people'
import { ServiceRow } from './service-row'
import { StepLine } from './step-line'
import { centersOffering, useCatalog } from './use-catalog'
import './booking.css'

/** The 预约 tab for a signed-in person: their bookings, whom they book for, and the catalog of services. */
export function BookingHome({ me }: { me: Me }) {
  return (
    <WithBookingAccess me={me}>
      <ServiceChooser me={me} />
    </WithBookingAccess>
  )
}

function ServiceChooser({ me }: { me: Me }) {
  const people = bookingPeople(me)
  const [veteranId, setVeteranId] = useState(people[0]!.veteranId)
  const person = chosenPerson(people, veteranId)!
  const catalog = useCatalog()
  // Also what each service's row says when it is already booked (the most a page holds: one person's bookings).
  const upcoming = useRequest(() => bookingApi.list({ when: 'upcoming', limit: 100 }), `upcoming-${me.id}`)
  // A tab stays open in the background: count again when the person comes back to it.
  useDidShow(() => {
    if (upcoming.data) void upcoming.reload()
    refreshUnreadBadge()
  })

  const count = upcoming.data?.items.length ?? 0
  const held = heldByService(upcoming.data?.items ?? [], person.veteranId, new Date())
  const today = beijingToday()
  const detail = upcoming.data
    ? count > 0
      ? `即将到来 ${count}${upcoming.data.nextCursor ? '+' : ''} 个`
      : '签到码、改约、取消'
    : undefined

  return (
    <>
      <Card flush>
        <NavRow title='我的预约' detail={detail} url={BOOKING_PAGES.mine} />
      </Card>
      {people.length > 1 ? (
        <Card title='为谁预约'>
          <ChoiceGroup
            label='这次预约是为'
            options={people.map((p) => ({ value: p.veteranId, label: p.label }))}
            value={veteranId}
            onChange={setVeteranId}
          />
        </Card>
      ) : (
        !person.self && <Notice>您将为 {person.name} 预约（您是他关联的家属）。</Notice>
      )}
      <Heading level={2}>选择服务</Heading>
      <StepLine step={1} what='选择要办的事' />
      {catalog.loading && !catalog.data && <Paragraph muted>正在读取服务项目…</Paragraph>}
      {catalog.error && <Notice tone='error'>没能读取服务项目：{catalog.error.message}</Notice>}
      {catalog.data && (
        <Card flush>
          {catalog.data.services.map((service) => (
            <ServiceRow
              key={service.id}
              service={service}
              centerCount={centersOffering(catalog.data!, service.id).length}
              held={held.get(service.id)}
              today={today}
              onOpenHeld={(booking) => openPage(bookingDetailUrl(booking.id))}
              onChoose={() =>
                openPage(
                  urlWith(BOOKING_PAGES.centers, {
                    serviceId: service.id,
                    veteranId: person.self ? undefined : person.veteranId
                  })
                )
              }
            />
          ))}
        </Card>
      )}
    </>
  )
}
