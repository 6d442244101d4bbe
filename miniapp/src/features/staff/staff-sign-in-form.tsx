import Taro from '@tarojs/taro'
import { useState } from 'react'
import { useAction } from '../../api'
import { ActionButton, Notice, TextField } from '../../components'
import { PAGES } from '../../shell/navigation'
import { useSession } from '../../shell/session/session-context'
import { EnterSubmits } from '../staff-notices/enter-submits'

/** What to do after each refusal, added to the server's message. */
const NEXT_STEP: Record<string, string> = {
  INVALID_CREDENTIALS: '请检查用户名和密码（注意大小写）。连续输错 5 次账号会被锁定 15 分钟。',
  TOO_MANY_ATTEMPTS: '为保护账号安全，这个账号已暂时锁定，到时间后会自动解锁；忘记密码请联系管理员重置。'
}

export function StaffSignInForm() {
  const { signInStaff } = useSession()
  const [username, setUsername] = useState('')
  const [password, setPassword] = useState('')
  const [errors, setErrors] = useState<{ username?: string; password?: string }>({})
  const signIn = useAction(async () => {
    await signInStaff(username.trim(), password)
    return true
  })
  const submit = async () => {
    const next = {
      username: username.trim() ? undefined : '请填写用户名',
      password: password ? undefined : '请填写密码'
    }
    setErrors(next)
    if (next.username || next.password) return
    if (await signIn.run()) void Taro.redirectTo({ url: PAGES.staffHome })
  }
  const error = signIn.error
  return (
    <>
      {/* Enter in either field signs in, as on any sign-in page (a second Enter while signing in does nothing) */}
      <EnterSubmits
        onSubmit={() => {
          if (!signIn.pending) void submit()
        }}
      >
        <TextField
          label='用户名'
          value={username}
          onChange={setUsername}
          kind='username'
          maxLength={64}
          error={errors.username}
        />
        <TextField
          label='密码'
          value={password}
          onChange={setPassword}
          kind='password'
          maxLength={256}
          error={errors.password}
        />
      </EnterSubmits>
      {error && (
        <Notice tone='error'>
          {error.message}
          {NEXT_STEP[error.code] ? `。${NEXT_STEP[error.code]}` : ''}
        </Notice>
      )}
      <ActionButton size='key' busy={signIn.pending} busyText='正在登录…' onClick={() => void submit()}>
        登录
      </ActionButton>
    </>
  )
}
