import { Card, Page } from '../../components'
import { ElderModeSwitch } from '../../features/elder-mode/elder-mode-switch'
import { Shortcuts } from '../../features/home/shortcuts'
import { StatusCard } from '../../features/home/status-card'
import { HotlineCard } from '../../features/reference/hotline-card'

export default function HomePage() {
  return (
    <Page title='M市退役军人服务'>
      <StatusCard />
      <Shortcuts />
      <Card>
        <ElderModeSwitch />
      </Card>
      <HotlineCard />
    </Page>
  )
}
