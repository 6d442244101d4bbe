import type { Me } from '@veterans/shared'
import { Paragraph } from '../../components'
import { BatchForm } from './batch-form'
import { CenterChoice } from './center-choice'
import { useStaffCenter } from './use-staff-center'

/** 批量开放号源: the center (city-level staff pick one), then the batch form. */
export function BatchSchedule({ me, centerId }: { me: Me; centerId?: string }) {
  const staffCenter = useStaffCenter(me, centerId)
  return (
    <>
      <CenterChoice staffCenter={staffCenter} />
      {staffCenter.catalog.loading && !staffCenter.catalog.data && <Paragraph muted>正在读取…</Paragraph>}
      {staffCenter.centerId && (
        <BatchForm key={staffCenter.centerId} centerId={staffCenter.centerId} services={staffCenter.services} />
      )}
    </>
  )
}
