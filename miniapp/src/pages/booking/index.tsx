import { BookingHome } from '../../features/booking/booking-home'
import { SignedInPage } from '../../shell/session/signed-in-page'

export default function BookingPage() {
  return (
    <SignedInPage title='预约服务' purpose='预约到服务中心办事，查看自己的预约'>
      {(me) => <BookingHome me={me} />}
    </SignedInPage>
  )
}
