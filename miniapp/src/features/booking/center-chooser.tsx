import type { Me } from '@veterans/shared'
import { bookingApi, useRequest } from '../../api'
import { ActionButton, Card, Notice, Paragraph } from '../../components'
import { openPage } from '../../shell/navigation'
import { BOOKING_PAGES, urlWith } from '../../shell/navigation-pages'
import { CenterItem } from './center-item'
import { orderCenters } from './centers'
import { ServiceNotes } from './service-notes'
import { StepLine } from './step-line'
import { centersOffering, useCatalog } from './use-catalog'
import { useLocation } from './use-location'
import './booking.css'

/**
 * Step 2: what to bring for the service, then where to go: the centers offering it in compact rows, nearest first
 * when the phone's location is known. 改约 (rescheduleId) comes here to move a booking to another center.
 */
export function CenterChooser({
  me,
  serviceId,
  veteranId,
  rescheduleId
}: {
  me: Me
  serviceId: string
  veteranId?: string
  rescheduleId?: string
}) {
  const catalog = useCatalog()
  const { state, locate } = useLocation()
  const moving = useRequest(() => bookingApi.get(rescheduleId!), `booking-${rescheduleId}`, Boolean(rescheduleId))
  if (catalog.loading && !catalog.data) return <Paragraph muted>正在读取服务中心…</Paragraph>
  if (catalog.error || !catalog.data)
    return <Notice tone='error'>没能读取服务中心：{catalog.error?.message ?? '请稍后再试'}</Notice>

  const service = catalog.data.services.find((s) => s.id === serviceId)
  if (!service) return <Notice tone='error'>没有找到这项服务，请返回重新选择。</Notice>
  const groups = orderCenters(centersOffering(catalog.data, serviceId), catalog.data.districts, {
    location: state.status === 'known' ? state.at : null,
    homeDistrict: me.veteran?.districtCode
  })

  return (
    <>
      <StepLine step={2} what={`选择在哪里办“${service.name}”`} />
      {!rescheduleId && <ServiceNotes service={service} />}
      {rescheduleId && <Notice>改约：选一家服务中心，再选新的时间。签到码不变。</Notice>}
      <Card>
        {state.status === 'known' ? (
          <Paragraph>已按离您的距离排列，最近的在最前面。</Paragraph>
        ) : (
          <>
            <Paragraph>下面按区列出{me.veteran ? '，您所在的区排在前面' : ''}。也可以按离您的距离排列。</Paragraph>
            {state.status === 'refused' && (
              <Notice>没有取得您的位置（可能没有允许定位）。不要紧，可以在下面按区找到服务中心。</Notice>
            )}
            <ActionButton
              variant='secondary'
              busy={state.status === 'asking'}
              busyText='正在定位…'
              onClick={() => void locate()}
            >
              按离我最近排列
            </ActionButton>
          </>
        )}
      </Card>
      {groups.map((group) => (
        <Card key={group.title} title={group.title}>
          {group.centers.map(({ center, distance }) => (
            <CenterItem
              key={center.id}
              center={center}
              distance={distance}
              current={moving.data?.centerId === center.id}
              onChoose={() =>
                openPage(urlWith(BOOKING_PAGES.slots, { serviceId, centerId: center.id, veteranId, rescheduleId }))
              }
            />
          ))}
        </Card>
      ))}
    </>
  )
}
