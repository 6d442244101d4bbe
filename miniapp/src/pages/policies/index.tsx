import { Page } from '../../components'
import { ComingSoon } from '../../features/home/coming-soon'

export default function PoliciesPage() {
  return (
    <Page title='政策'>
      <ComingSoon
        what='政策查询'
        willDo='查找优待、抚恤、就业、医疗等政策，看到哪些政策适用于您'
        meanwhile='现在想了解政策，请拨打下面的服务热线咨询。'
      />
    </Page>
  )
}
