import type { StaffAccount } from '@veterans/shared'
import { useState } from 'react'
import { staffAdminApi, useAction } from '../../api'
import { ActionButton, ChoiceGroup, KeyValues, Notice, Paragraph, TextField, SelectField } from '../../components'
import { Dialog } from '../staff-messaging/dialog'
import { EnterSubmits } from '../staff-notices/enter-submits'
import { MIN_PASSWORD_LENGTH, temporaryPassword } from './account-rules'
import { ROLE_CHOICES } from './new-account-form'

type Centers = ReadonlyArray<{ value: string; label: string }>

/**
 * 重置密码: a temporary password (suggested, can be changed), then shown once it is set so the admin can pass it on.
 * The account must choose its own at the next sign-in, and its open sessions end.
 */
export function ResetPasswordDialog({ account, onClose }: { account: StaffAccount; onClose: () => void }) {
  const [password, setPassword] = useState(() => temporaryPassword())
  const [done, setDone] = useState(false)
  const reset = useAction(async () => {
    await staffAdminApi.resetPassword(account.id, { password })
    setDone(true)
    return true
  })
  const tooShort = password.length < MIN_PASSWORD_LENGTH
  const submit = () => {
    if (!tooShort && !done) void reset.run()
  }
  return (
    <Dialog title={`重置密码：${account.displayName}`} open onClose={onClose}>
      {done ? (
        <>
          <Notice tone='success'>密码已重置。{account.displayName}下次登录时要先改成自己的密码。</Notice>
          <KeyValues
            rows={[
              ['用户名', account.username],
              ['临时密码', password]
            ]}
          />
          <Paragraph muted small>
            请当面或电话告诉本人，不要用聊天软件发送。关闭后这里不再显示这个密码。
          </Paragraph>
          <ActionButton onClick={onClose}>完成</ActionButton>
        </>
      ) : (
        <EnterSubmits onSubmit={submit}>
          <Paragraph>设一个临时密码。重置后，这个账号已登录的地方都会退出。</Paragraph>
          <TextField
            label='临时密码'
            hint={`至少 ${MIN_PASSWORD_LENGTH} 位，已为您生成一个`}
            value={password}
            onChange={setPassword}
            maxLength={256}
            error={tooShort ? `至少 ${MIN_PASSWORD_LENGTH} 位` : undefined}
          />
          {reset.error && <Notice tone='error'>{reset.error.message}</Notice>}
          <ActionButton busy={reset.pending} busyText='正在重置…' disabled={tooShort} onClick={submit}>
            重置密码
          </ActionButton>
        </EnterSubmits>
      )}
    </Dialog>
  )
}

/** 修改: name, role and center of an account. Making the last admin a staff member is refused (LAST_ADMIN). */
export function EditAccountDialog({
  account,
  centers,
  onSaved,
  onClose
}: {
  account: StaffAccount
  centers: Centers
  onSaved: (account: StaffAccount) => void
  onClose: () => void
}) {
  const [displayName, setDisplayName] = useState(account.displayName)
  const [role, setRole] = useState(account.role)
  const [centerId, setCenterId] = useState(account.centerId ?? '')
  const [problem, setProblem] = useState<string | undefined>()
  const save = useAction(async () => {
    const saved = await staffAdminApi.updateStaff(account.id, {
      displayName: displayName.trim(),
      role,
      centerId: centerId || null
    })
    onSaved(saved)
    onClose()
    return saved
  })
  const submit = () => {
    const next = !displayName.trim()
      ? '请填写姓名'
      : role === 'staff' && !centerId
        ? '工作人员要选所在服务中心'
        : undefined
    setProblem(next)
    if (!next) void save.run()
  }
  return (
    <Dialog title={`修改账号：${account.username}`} open onClose={onClose}>
      <EnterSubmits onSubmit={submit}>
        <TextField label='姓名' value={displayName} onChange={setDisplayName} maxLength={32} />
        <ChoiceGroup label='角色' options={ROLE_CHOICES} value={role} onChange={setRole} />
        <SelectField label='所在服务中心' options={centers} value={centerId} onChange={setCenterId} />
        <Paragraph muted small>
          改了角色或服务中心，这个账号要重新登录。
        </Paragraph>
        {problem && <Notice tone='error'>{problem}</Notice>}
        {save.error && (
          <Notice tone='error'>
            {save.error.code === 'LAST_ADMIN' ? `不能保存：${save.error.message}。` : save.error.message}
          </Notice>
        )}
        <ActionButton busy={save.pending} busyText='正在保存…' onClick={submit}>
          保存
        </ActionButton>
      </EnterSubmits>
    </Dialog>
  )
}
