import { useState } from 'react'
import { ConversationView } from '../../../features/messaging/conversation-view'
import { pageParam } from '../../../shell/navigation'
import { SignedInPage } from '../../../shell/session/signed-in-page'

export default function ConversationPage() {
  // Read as the page opens: after a detour through sign-in the current page is no longer this one's router.
  const [threadId] = useState(() => pageParam('id') ?? '')
  return (
    <SignedInPage title='我的咨询' purpose='查看咨询和工作人员的答复' back>
      {(me) => <ConversationView threadId={threadId} userId={me.id} />}
    </SignedInPage>
  )
}
