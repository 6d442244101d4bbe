import Taro from '@tarojs/taro'
import { useState } from 'react'
import { ApiError, useAction } from '../../api'
import { ActionButton, Notice, TextField } from '../../components'
import { checkDevName } from '../../lib/validation'
import { leaveSignIn } from '../navigation'
import { useSession } from './session-context'

/** Browser / dev-WeChat mode: a name becomes the code `dev:<name>`. */
export function DevSignInForm({ back }: { back: string | undefined }) {
  const { signInWithWechatCode } = useSession()
  const [name, setName] = useState('')
  const [nameError, setNameError] = useState<string | undefined>()
  const signIn = useAction(async (value: string) => {
    await signInWithWechatCode(`dev:${value}`)
    return true
  })
  const submit = async () => {
    const problem = checkDevName(name)
    setNameError(problem)
    if (problem) return
    if (await signIn.run(name.trim())) leaveSignIn(back)
  }
  return (
    <>
      <TextField
        label='名字'
        hint='英文字母或数字，例如 laowang'
        value={name}
        onChange={setName}
        kind='username'
        maxLength={64}
        error={nameError}
      />
      {signIn.error && <Notice tone='error'>{signIn.error.message}</Notice>}
      <ActionButton size='key' busy={signIn.pending} busyText='正在登录…' onClick={() => void submit()}>
        登录
      </ActionButton>
    </>
  )
}

/** WeChat: wx.login gives a one-time code; the server exchanges it for the person's openid. */
export function WechatSignInButton({ back }: { back: string | undefined }) {
  const { signInWithWechatCode } = useSession()
  const signIn = useAction(async () => {
    const { code } = await Taro.login().catch(() => {
      throw new ApiError('WECHAT_UNAVAILABLE', 0, '微信登录没有成功，请检查网络后再试')
    })
    await signInWithWechatCode(code)
    return true
  })
  return (
    <>
      {signIn.error && <Notice tone='error'>{signIn.error.message}</Notice>}
      <ActionButton
        size='key'
        busy={signIn.pending}
        busyText='正在登录…'
        onClick={() => void signIn.run().then((ok) => ok && leaveSignIn(back))}
      >
        微信一键登录
      </ActionButton>
    </>
  )
}
