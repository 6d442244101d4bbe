import { useState } from 'react'
import { Notice } from '../../../components'
import { ConversationView } from '../../../features/messaging/conversation-view'
import { WechatReminderOffer } from '../../../features/notices/wechat-reminder-offer'
import { pageParam } from '../../../shell/navigation'
import { SignedInPage } from '../../../shell/session/signed-in-page'

/** What a reply's WeChat reminder is about. */
const REPLY_REMINDER_KINDS = ['reply'] as const

export default function ConversationPage() {
  // Read as the page opens: after a detour through sign-in the current page is no longer this one's router.
  const [opened] = useState(() => ({ threadId: pageParam('id') ?? '', justAsked: pageParam('asked') === '1' }))
  return (
    <SignedInPage title='我的咨询' purpose='查看咨询和工作人员的答复' back>
      {(me) => (
        <>
          {opened.justAsked && (
            <>
              <Notice tone='success'>咨询已提交。工作人员答复后，会显示在这里和“消息”里。</Notice>
              <WechatReminderOffer kinds={REPLY_REMINDER_KINDS} why='开启后，工作人员答复时会在微信里提醒您。' />
            </>
          )}
          <ConversationView threadId={opened.threadId} userId={me.id} />
        </>
      )}
    </SignedInPage>
  )
}
