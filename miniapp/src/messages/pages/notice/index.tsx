import { useState } from 'react'
import { NoticeScreen } from '../../../features/notices/notice-screen'
import { pageParam } from '../../../shell/navigation'
import { SignedInPage } from '../../../shell/session/signed-in-page'

export default function NoticePage() {
  // Read as the page opens: after a detour through sign-in the current page is no longer this one's router.
  const [noticeId] = useState(() => pageParam('id') ?? '')
  return (
    <SignedInPage title='通知' purpose='查看发给您的通知' back>
      {() => <NoticeScreen noticeId={noticeId} />}
    </SignedInPage>
  )
}
