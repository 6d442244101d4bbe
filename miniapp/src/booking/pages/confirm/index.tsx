import { WithBookingAccess } from '../../../features/booking/access-cards'
import { ConfirmBooking } from '../../../features/booking/confirm-booking'
import { pageParam } from '../../../shell/navigation'
import { SignedInPage } from '../../../shell/session/signed-in-page'

export default function ConfirmBookingPage() {
  const rescheduleId = pageParam('rescheduleId')
  return (
    <SignedInPage title={rescheduleId ? '确认改约' : '确认预约'} purpose='预约服务' back>
      {(me) => (
        <WithBookingAccess me={me}>
          <ConfirmBooking
            me={me}
            slotId={pageParam('slotId') ?? ''}
            veteranId={pageParam('veteranId')}
            rescheduleId={rescheduleId}
          />
        </WithBookingAccess>
      )}
    </SignedInPage>
  )
}
