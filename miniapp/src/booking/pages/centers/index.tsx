import { WithBookingAccess } from '../../../features/booking/access-cards'
import { CenterChooser } from '../../../features/booking/center-chooser'
import { pageParam } from '../../../shell/navigation'
import { SignedInPage } from '../../../shell/session/signed-in-page'

export default function ChooseCenterPage() {
  const rescheduleId = pageParam('rescheduleId')
  return (
    <SignedInPage title={rescheduleId ? '改约：选择服务中心' : '选择服务中心'} purpose='预约服务' back>
      {(me) => (
        <WithBookingAccess me={me}>
          <CenterChooser
            me={me}
            serviceId={pageParam('serviceId') ?? ''}
            veteranId={pageParam('veteranId')}
            rescheduleId={rescheduleId}
          />
        </WithBookingAccess>
      )}
    </SignedInPage>
  )
}
