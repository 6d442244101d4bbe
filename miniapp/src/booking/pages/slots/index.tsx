import { WithBookingAccess } from '../../../features/booking/access-cards'
import { SlotChooser } from '../../../features/booking/slot-chooser'
import { pageParam } from '../../../shell/navigation'
import { SignedInPage } from '../../../shell/session/signed-in-page'

export default function ChooseSlotPage() {
  const rescheduleId = pageParam('rescheduleId')
  return (
    <SignedInPage title={rescheduleId ? '改约：选择新时间' : '选择时间'} purpose='预约服务' back>
      {(me) => (
        <WithBookingAccess me={me}>
          <SlotChooser
            me={me}
            serviceId={pageParam('serviceId') ?? ''}
            centerId={pageParam('centerId') ?? ''}
            veteranId={pageParam('veteranId')}
            rescheduleId={rescheduleId}
            date={pageParam('date')}
          />
        </WithBookingAccess>
      )}
    </SignedInPage>
  )
}
