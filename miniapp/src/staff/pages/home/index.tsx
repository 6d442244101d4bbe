import { ROLES } from '@veterans/shared/topics'
import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { ActionButton, Badge, Card, KeyValues, NavRow, Page, Paragraph } from '../../../components'
import { PAGES } from '../../../features/navigation'
import { useSession } from '../../../features/session/session-context'
import { useRequireSession } from '../../../features/session/use-require-session'
import { STAFF_ENTRIES } from '../../../features/staff/staff-entries'

export default function StaffHomePage() {
  const { me } = useRequireSession('staff')
  const { signOut } = useSession()
  if (!me) {
    return (
      <Page title='工作台' back>
        <Card>
          <Paragraph>工作台只对服务中心工作人员开放，请先用工作人员账号登录。</Paragraph>
          <ActionButton size='key' onClick={() => void Taro.redirectTo({ url: PAGES.staffLogin })}>
            工作人员登录
          </ActionButton>
        </Card>
      </Page>
    )
  }
  const entries = STAFF_ENTRIES.filter((entry) => !entry.roles || entry.roles.includes(me.role))
  return (
    <Page title='工作台' back>
      <Card title='当前登录'>
        <KeyValues
          rows={[
            ['姓名', me.displayName],
            ['角色', ROLES[me.role]],
            ['所在中心', me.center?.name ?? '市退役军人事务局']
          ]}
        />
      </Card>
      <Card title='工作事项'>
        {entries.map((entry) =>
          entry.url ? (
            <NavRow key={entry.title} title={entry.title} url={entry.url} />
          ) : (
            <View className='list__item' key={entry.title}>
              <Paragraph strong>
                {entry.title} <Badge>{entry.status}</Badge>
              </Paragraph>
              <Paragraph muted small>
                {entry.description}
              </Paragraph>
            </View>
          )
        )}
      </Card>
      <ActionButton
        variant='secondary'
        onClick={() => void signOut().then(() => Taro.switchTab({ url: PAGES.home }))}
      >
        退出登录
      </ActionButton>
    </Page>
  )
}
