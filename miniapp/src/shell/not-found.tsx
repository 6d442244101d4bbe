import Taro from '@tarojs/taro'
import { ActionButton, Card, Paragraph } from '../components'
import { PAGES } from './navigation'
import { Page } from './page'

/** Shown for an address that is no page of the app (a mistyped or outdated link): say so, and offer the way home. */
export function NotFound() {
  return (
    <Page title='没有找到这个页面'>
      <Card>
        <Paragraph>这个网址打不开：可能输错了，或者页面已经不在了。</Paragraph>
        <ActionButton size='key' onClick={() => void Taro.switchTab({ url: PAGES.home })}>
          回到首页
        </ActionButton>
      </Card>
    </Page>
  )
}
