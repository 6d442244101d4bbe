import { WithBookingAccess } from '../../../features/booking/access-cards'
import { MyBookings } from '../../../features/booking/my-bookings'
import { SignedInPage } from '../../../shell/session/signed-in-page'

export default function MyBookingsPage() {
  return (
    <SignedInPage title='我的预约' purpose='查看自己的预约和签到码' back>
      {(me) => (
        <WithBookingAccess me={me}>
          <MyBookings me={me} />
        </WithBookingAccess>
      )}
    </SignedInPage>
  )
}
