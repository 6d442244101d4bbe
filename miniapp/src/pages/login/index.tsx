import { Card, Notice, NavRow, Paragraph } from '../../components'
import { PAGES, pageParam } from '../../shell/navigation'
import { Page } from '../../shell/page'
import { DevSignInForm, WechatSignInButton } from '../../shell/session/sign-in-forms'

/**
 * Sign-in. In WeChat: one tap, wx.login. In the browser (and in WeChat builds made with TARO_APP_DEV_SIGNIN=1) the
 * server runs in dev-WeChat mode, so a name stands in for a WeChat account.
 */
export default function LoginPage() {
  const back = pageParam('back')
  const devForm = process.env.TARO_ENV === 'h5' || process.env.TARO_APP_DEV_SIGNIN === '1'
  return (
    <Page title='登录' back>
      {devForm ? (
        <Card>
          <Notice>这是网页体验版：不用微信，填一个英文名字就能登录。同一个名字下次登录还是同一个账号。</Notice>
          <DevSignInForm back={back} />
        </Card>
      ) : (
        <Card>
          <Paragraph>用您的微信账号登录，不需要另外注册。</Paragraph>
          <WechatSignInButton back={back} />
        </Card>
      )}
      <Card flush>
        <NavRow title='我是工作人员' detail='用户名密码登录' url={PAGES.staffLogin} />
      </Card>
    </Page>
  )
}
