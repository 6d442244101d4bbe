import { MessageSettings } from '../../../features/notices/message-settings'
import { SignedInPage } from '../../../shell/session/signed-in-page'

export default function MessageSettingsPage() {
  return (
    <SignedInPage title='消息设置' purpose='设置哪些消息告诉您、哪些也用微信提醒' back>
      {() => <MessageSettings />}
    </SignedInPage>
  )
}
