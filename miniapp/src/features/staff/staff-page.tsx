import type { Me } from '@veterans/shared'
import Taro from '@tarojs/taro'
import type { ReactNode } from 'react'
import { ActionButton, Card, Paragraph } from '../../components'
import { PAGES } from '../../shell/navigation'
import { Page } from '../../shell/page'
import { useRequireSession } from '../../shell/session/use-require-session'

/**
 * A staff workspace page: staff and admins only; anyone else is asked to use the staff sign-in. `place` names the
 * page in that request (这一页 unless said otherwise).
 */
export function StaffPage({
  title,
  place = '这一页',
  children
}: {
  title: string
  place?: string
  children: (me: Me) => ReactNode
}) {
  const { me } = useRequireSession('staff')
  return (
    <Page title={title} back>
      {me ? (
        children(me)
      ) : (
        <Card>
          <Paragraph>{place}只对服务中心工作人员开放，请先用工作人员账号登录。</Paragraph>
          <ActionButton size='key' onClick={() => void Taro.redirectTo({ url: PAGES.staffLogin })}>
            工作人员登录
          </ActionButton>
        </Card>
      )}
    </Page>
  )
}
