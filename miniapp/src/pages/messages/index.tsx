import { useReachBottom } from '@tarojs/taro'
import { ActionButton, Card, Paragraph } from '../../components'
import { MyQuestionsCard } from '../../features/messaging/my-questions-card'
import { useMyThreads } from '../../features/messaging/use-my-threads'
import { InboxCard } from '../../features/notices/inbox-list'
import { useInbox } from '../../features/notices/use-inbox'
import { HotlineCard } from '../../features/reference/hotline-card'
import { goToSignIn } from '../../shell/navigation'
import { Page } from '../../shell/page'
import { useSession } from '../../shell/session/session-context'

/** 消息: the person's written questions to staff (with 写信咨询), then notices and notifications in one list; the hotline last. */
export default function MessagesPage() {
  const { me } = useSession()
  const isPerson = me !== null && me.role !== 'staff' && me.role !== 'admin'
  const threads = useMyThreads(isPerson ? me.id : undefined)
  const inbox = useInbox(me?.id)
  // Older entries as the person scrolls to the end (the button below does the same by tap or keyboard).
  useReachBottom(() => {
    if (inbox.nextCursor && !inbox.loadMore.pending) void inbox.loadMore.run()
  })
  return (
    <Page title='消息'>
      {me ? (
        <>
          {isPerson && <MyQuestionsCard threads={threads} />}
          <InboxCard inbox={inbox} />
        </>
      ) : (
        <Card title='咨询和通知'>
          <Paragraph>登录后，可以写信咨询工作人员；政策通知、预约结果、候补成功、时段变动等也会显示在这里。</Paragraph>
          <ActionButton onClick={() => goToSignIn()}>登录</ActionButton>
        </Card>
      )}
      <HotlineCard />
    </Page>
  )
}
