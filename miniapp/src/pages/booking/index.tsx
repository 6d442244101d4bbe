import { Page } from '../../components'
import { ComingSoon } from '../../features/home/coming-soon'

export default function BookingPage() {
  return (
    <Page title='预约服务'>
      <ComingSoon
        what='在线预约'
        willDo='选择服务中心和时间，预约就业指导、优待证办理、政策咨询等服务，也可以为家人预约'
        meanwhile='现在需要办事，请拨打下面的服务热线预约，或在办公时间直接前往服务中心。'
      />
    </Page>
  )
}
