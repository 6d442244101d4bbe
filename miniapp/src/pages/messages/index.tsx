import { Card, Page, Paragraph } from '../../components'
import { HotlineCard } from '../../features/reference/hotline-card'

/** 消息: notices and written questions to staff come in later versions; until then it says so and gives the hotline. */
export default function MessagesPage() {
  return (
    <Page title='消息'>
      <Card title='通知'>
        <Paragraph>政策通知功能正在建设中。建好以后，服务中心发给您的通知会显示在这里。</Paragraph>
      </Card>
      <Card title='留言咨询'>
        <Paragraph>在线留言咨询将在后续版本开放。现在有问题，请拨打下面的服务热线，工作人员会为您解答。</Paragraph>
      </Card>
      <HotlineCard />
    </Page>
  )
}
