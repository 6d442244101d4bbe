import { useState } from 'react'
import { ActionButton, Card, Notice, TextField } from '../../components'
import { useProfileForm } from '../../features/profile/use-profile-form'
import { useSession } from '../../shell/session/session-context'
import { SignedInPage } from '../../shell/session/signed-in-page'

export default function ProfilePage() {
  const { me } = useSession()
  const form = useProfileForm()
  const [displayName, setDisplayName] = useState(me?.displayName ?? '')
  const [phone, setPhone] = useState('')
  // On WeChat the profile may arrive after the page (silent sign-in at launch): fill the name in once it does.
  // Only when the person becomes known (adjusted while rendering), not on every profile change.
  const [knownId, setKnownId] = useState(me?.id)
  if (knownId !== me?.id) {
    setKnownId(me?.id)
    if (me && !displayName) setDisplayName(me.displayName)
  }

  return (
    <SignedInPage title='修改资料' purpose='修改称呼和手机号码' back>
      {(person) => (
        <Card>
          <TextField
            label='称呼'
            hint='服务中心工作人员会这样称呼您'
            value={displayName}
            onChange={setDisplayName}
            maxLength={32}
            error={form.errors.displayName}
          />
          <TextField
            label='手机号码'
            hint={
              person.phoneMasked ? `现在的号码：${person.phoneMasked}。不修改请留空。` : '用于服务中心联系您，11 位数字'
            }
            value={phone}
            onChange={setPhone}
            kind='phone'
            maxLength={13}
            error={form.errors.phone}
          />
          {form.formError && !form.errors.displayName && !form.errors.phone && (
            <Notice tone='error'>{form.formError}</Notice>
          )}
          {form.saved && <Notice tone='success'>已保存。</Notice>}
          <ActionButton
            size='key'
            busy={form.pending}
            busyText='正在保存…'
            onClick={() => void form.save(displayName, phone).then((ok) => ok && setPhone(''))}
          >
            保存
          </ActionButton>
        </Card>
      )}
    </SignedInPage>
  )
}
