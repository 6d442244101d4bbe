import { VETERAN_CATEGORIES } from '@veterans/shared/topics'
import { useState } from 'react'
import { ActionButton, Card, KeyValues, NavRow, Notice, Paragraph, TextField } from '../../components'
import { useBindIdentity } from '../../features/identity/use-bind-identity'
import { PAGES } from '../../shell/navigation'
import { SignedInPage } from '../../shell/session/signed-in-page'

export default function IdentityPage() {
  const bind = useBindIdentity()
  const [name, setName] = useState('')
  const [idNumber, setIdNumber] = useState('')
  const [justBound, setJustBound] = useState(false)

  return (
    <SignedInPage title='退役军人身份认证' purpose='认证退役军人身份' back>
      {(me) =>
        me.veteran ? (
          <>
            {justBound && <Notice tone='success'>认证成功！现在可以预约服务、邀请家人了。</Notice>}
            <Card title='已认证'>
              <KeyValues
                rows={[
                  ['姓名', me.veteran.name],
                  ['身份证号', me.veteran.idNumberMasked],
                  ['类别', VETERAN_CATEGORIES[me.veteran.category]]
                ]}
              />
            </Card>
            <Card flush>
              <NavRow title='邀请家人关联' detail='生成邀请码' url={PAGES.family} />
            </Card>
          </>
        ) : (
          <>
            <Card>
              <Paragraph>请照着身份证填写姓名和号码。与退役军人事务局的登记信息一致，就完成认证。</Paragraph>
              <TextField label='姓名' value={name} onChange={setName} maxLength={32} error={bind.errors.name} />
              <TextField
                label='身份证号码'
                hint='18 位，最后一位可能是字母 X'
                value={idNumber}
                onChange={setIdNumber}
                kind='idcard'
                maxLength={22}
                error={bind.errors.idNumber}
              />
              {bind.errors.form && <Notice tone='error'>{bind.errors.form}</Notice>}
              <ActionButton
                size='key'
                busy={bind.pending}
                busyText='正在核对…'
                onClick={() => void bind.submit(name, idNumber).then((ok) => ok && setJustBound(true))}
              >
                提交认证
              </ActionButton>
              <Paragraph muted small>
                您的身份证号码加密保存，只用于确认您的身份。
              </Paragraph>
            </Card>
            <Card flush>
              <NavRow title='我是退役军人的家属' detail='输入邀请码' url={PAGES.family} />
            </Card>
          </>
        )
      }
    </SignedInPage>
  )
}
