import { WithBookingAccess } from '../../../features/booking/access-cards'
import { BookingDetail } from '../../../features/booking/booking-detail'
import { pageParam } from '../../../shell/navigation'
import { SignedInPage } from '../../../shell/session/signed-in-page'

export default function BookingDetailPage() {
  return (
    <SignedInPage title='预约详情' purpose='查看预约和签到码' back>
      {(me) => (
        <WithBookingAccess me={me}>
          <BookingDetail me={me} bookingId={pageParam('id') ?? ''} done={pageParam('done')} />
        </WithBookingAccess>
      )}
    </SignedInPage>
  )
}
