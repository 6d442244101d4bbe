import type { Me } from '@veterans/shared'
import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import { useState } from 'react'
import { passwordApi, useAction } from '../../api'
import { ActionButton, Card, Notice, Paragraph, TextField } from '../../components'
import { PAGES, replacePage } from '../../shell/navigation'
import { useSession } from '../../shell/session/session-context'
import { EnterSubmits } from '../staff-notices/enter-submits'
import { MIN_PASSWORD_LENGTH, passwordChangeProblems, type PasswordChange } from './account-rules'
import './staff-admin.css'

const EMPTY: PasswordChange = { current: '', next: '', repeat: '' }

/**
 * 修改密码: the current password, the new one twice. An account whose password an admin reset is sent here after
 * signing in and stays until it has chosen its own (shell/page.tsx); then it goes on to 工作台.
 */
export function ChangePassword({ me }: { me: Me }) {
  const { reloadMe, signOut } = useSession()
  const [form, setForm] = useState(EMPTY)
  const [errors, setErrors] = useState<Partial<Record<keyof PasswordChange, string>>>({})
  const [done, setDone] = useState(false)
  const forced = Boolean(me.mustChangePassword)
  const change = useAction(async () => {
    await passwordApi.change({ currentPassword: form.current, newPassword: form.next })
    setDone(true)
    setForm(EMPTY)
    await reloadMe() // the "must change" mark goes, and with it the way back to every page
    return true
  })
  const submit = () => {
    const problems = passwordChangeProblems(form)
    setErrors(problems)
    if (Object.keys(problems).length === 0) void change.run()
  }
  const wrongCurrent = change.error?.code === 'INVALID_CREDENTIALS'
  return (
    <View className='password-form'>
      {forced && !done && (
        <Notice tone='info'>管理员为您重置了密码。请先设一个只有您自己知道的新密码，然后才能继续使用工作台。</Notice>
      )}
      {done ? (
        <Card>
          <Notice tone='success'>密码已修改。下次登录请用新密码。</Notice>
          <ActionButton size='key' onClick={() => replacePage(PAGES.staffHome)}>
            回到工作台
          </ActionButton>
        </Card>
      ) : (
        <Card title='设置新密码'>
          <EnterSubmits onSubmit={submit}>
            <TextField
              label={forced ? '临时密码' : '现在的密码'}
              kind='password'
              value={form.current}
              onChange={(current) => setForm({ ...form, current })}
              maxLength={256}
              error={errors.current ?? (wrongCurrent ? '密码不对，请再输一次（注意大小写）' : undefined)}
            />
            <TextField
              label='新密码'
              hint={`至少 ${MIN_PASSWORD_LENGTH} 位，不要用生日、电话号码`}
              kind='password'
              value={form.next}
              onChange={(next) => setForm({ ...form, next })}
              maxLength={256}
              error={errors.next}
            />
            <TextField
              label='再输一次新密码'
              kind='password'
              value={form.repeat}
              onChange={(repeat) => setForm({ ...form, repeat })}
              maxLength={256}
              error={errors.repeat}
            />
          </EnterSubmits>
          {change.error && !wrongCurrent && <Notice tone='error'>{change.error.message}</Notice>}
          <ActionButton size='key' busy={change.pending} busyText='正在保存…' onClick={submit}>
            修改密码
          </ActionButton>
          {forced && (
            <ActionButton
              variant='plain'
              onClick={() => void signOut().then(() => Taro.switchTab({ url: PAGES.home }))}
            >
              先退出登录
            </ActionButton>
          )}
        </Card>
      )}
      {!forced && !done && (
        <Paragraph muted small>
          忘记了现在的密码？请联系管理员重置。
        </Paragraph>
      )}
    </View>
  )
}
