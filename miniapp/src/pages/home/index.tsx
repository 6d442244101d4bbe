import { Card } from '../../components'
import { ForYou } from '../../features/home/for-you'
import { Shortcuts } from '../../features/home/shortcuts'
import { StatusCard } from '../../features/home/status-card'
import { HotlineCard } from '../../features/reference/hotline-card'
import { ElderModeSwitch } from '../../shell/elder-mode/elder-mode-switch'
import { Page } from '../../shell/page'

export default function HomePage() {
  return (
    <Page title='M市退役军人服务'>
      <StatusCard />
      <ForYou />
      <Shortcuts />
      <Card>
        <ElderModeSwitch />
      </Card>
      <HotlineCard />
    </Page>
  )
}
