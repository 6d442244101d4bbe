import type { StaffAccount } from '@veterans/shared'
import { useState } from 'react'
import { staffAdminApi, useAction } from '../../api'
import { ActionButton, Card, ChoiceGroup, Notice, TextField, SelectField } from '../../components'
import { EnterSubmits } from '../staff-notices/enter-submits'
import {
  fieldErrorsFrom,
  MIN_PASSWORD_LENGTH,
  newAccountProblems,
  type AccountFormErrors,
  type NewAccountForm
} from './account-rules'

const EMPTY: NewAccountForm = { username: '', password: '', displayName: '', role: 'staff', centerId: '' }

export const ROLE_CHOICES = [
  { value: 'staff' as const, label: '工作人员' },
  { value: 'admin' as const, label: '管理员' }
]

/** 新建账号: username, a first password (≥ 10), name, role and center. Enter in a field submits. */
export function NewAccountForm({
  centers,
  onCreated
}: {
  centers: ReadonlyArray<{ value: string; label: string }>
  onCreated: (account: StaffAccount) => void
}) {
  const [form, setForm] = useState(EMPTY)
  const [errors, setErrors] = useState<AccountFormErrors>({})
  const [created, setCreated] = useState<string | null>(null)
  const set = <K extends keyof NewAccountForm>(key: K, value: NewAccountForm[K]) => setForm({ ...form, [key]: value })
  const create = useAction(async () => {
    const account = await staffAdminApi.createStaff({
      username: form.username.trim(),
      password: form.password,
      displayName: form.displayName.trim(),
      role: form.role,
      centerId: form.centerId || undefined
    })
    onCreated(account)
    setCreated(`已建立账号 ${account.username}（${account.displayName}）。请把用户名和密码当面或电话告诉本人。`)
    setForm(EMPTY)
    return account
  })
  const submit = async () => {
    setCreated(null)
    const problems = newAccountProblems(form)
    setErrors(problems)
    if (Object.keys(problems).length > 0) return
    await create.run()
  }
  const serverFields = create.error?.code === 'VALIDATION_FAILED' ? fieldErrorsFrom(create.error.details) : {}
  const error = (key: keyof NewAccountForm) => errors[key] ?? serverFields[key]
  return (
    <Card title='新建账号'>
      <EnterSubmits onSubmit={() => void submit()}>
        <TextField
          label='用户名'
          hint='登录用，英文字母或数字'
          kind='username'
          value={form.username}
          onChange={(v) => set('username', v)}
          maxLength={32}
          error={error('username')}
        />
        <TextField
          label='姓名'
          value={form.displayName}
          onChange={(v) => set('displayName', v)}
          maxLength={32}
          error={error('displayName')}
        />
        <TextField
          label='初始密码'
          hint={`至少 ${MIN_PASSWORD_LENGTH} 位`}
          kind='password'
          value={form.password}
          onChange={(v) => set('password', v)}
          maxLength={256}
          error={error('password')}
        />
        <ChoiceGroup label='角色' options={ROLE_CHOICES} value={form.role} onChange={(v) => set('role', v)} />
        <SelectField
          label={form.role === 'admin' ? '所在服务中心（可不选）' : '所在服务中心'}
          options={centers}
          value={form.centerId}
          onChange={(v) => set('centerId', v)}
          error={error('centerId')}
        />
      </EnterSubmits>
      {create.error && create.error.code !== 'VALIDATION_FAILED' && (
        <Notice tone='error'>{create.error.message}</Notice>
      )}
      {created && <Notice tone='success'>{created}</Notice>}
      <ActionButton busy={create.pending} busyText='正在建立…' onClick={() => void submit()}>
        建立账号
      </ActionButton>
    </Card>
  )
}
