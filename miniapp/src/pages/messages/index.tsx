import { ActionButton, Card, Paragraph } from '../../components'
import { NotificationsCard } from '../../features/notifications/notification-list'
import { useNotifications } from '../../features/notifications/use-notifications'
import { HotlineCard } from '../../features/reference/hotline-card'
import { goToSignIn } from '../../shell/navigation'
import { Page } from '../../shell/page'
import { useSession } from '../../shell/session/session-context'

/** 消息: the person's notifications; written questions to staff come in a later version (the hotline meanwhile). */
export default function MessagesPage() {
  const { me } = useSession()
  const notifications = useNotifications(me?.id)
  return (
    <Page title='消息'>
      {me ? (
        <NotificationsCard notifications={notifications} />
      ) : (
        <Card title='通知'>
          <Paragraph>登录后，预约结果、候补成功、时段变动等通知会显示在这里。</Paragraph>
          <ActionButton onClick={() => goToSignIn()}>登录</ActionButton>
        </Card>
      )}
      <Card title='留言咨询'>
        <Paragraph>在线留言咨询将在后续版本开放。现在有问题，请拨打下面的服务热线，工作人员会为您解答。</Paragraph>
      </Card>
      <HotlineCard />
    </Page>
  )
}
