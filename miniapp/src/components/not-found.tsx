import Taro from '@tarojs/taro'
import { PAGES } from '../features/navigation'
import { ActionButton } from './action-button'
import { Card } from './card'
import { Page } from './page'
import { Paragraph } from './paragraph'

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
