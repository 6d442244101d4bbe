import type { Me } from '@veterans/shared'
import { ROLES } from '@veterans/shared/topics'
import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { ActionButton, Badge, Card, KeyValues, NavRow, Paragraph } from '../../components'
import { PAGES } from '../../shell/navigation'
import { useSession } from '../../shell/session/session-context'
import { inboxUrl } from '../staff-messaging/paths'
import { useOpenCount } from '../staff-messaging/use-open-count'
import { STAFF_ENTRIES } from './staff-entries'

/** The staff workspace: who is signed in, and the work their role may do. */
export function StaffHome({ me }: { me: Me }) {
  const { signOut } = useSession()
  const entries = STAFF_ENTRIES.filter((entry) => !entry.roles || entry.roles.includes(me.role))
  const openCount = useOpenCount(me)
  return (
    <>
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
            <NavRow
              key={entry.title}
              title={entry.title}
              url={entry.url}
              detail={entry.url === inboxUrl ? (openCount ?? undefined) : undefined}
            />
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
      <ActionButton variant='secondary' onClick={() => void signOut().then(() => Taro.switchTab({ url: PAGES.home }))}>
        退出登录
      </ActionButton>
    </>
  )
}
