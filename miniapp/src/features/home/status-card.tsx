import { RELATIONS, ROLES, VETERAN_CATEGORIES } from '@veterans/shared/topics'
import { ActionButton, Badge, Card, Notice, Paragraph, Term } from '../../components'
import { greetingFor } from '../../lib/format'
import { goToSignIn, openPage, PAGES } from '../../shell/navigation'
import { ENDED_MESSAGES } from '../../shell/session/ended-messages'
import { useSession } from '../../shell/session/session-context'
import { isStaff } from '../../shell/session/use-require-session'

/** Who the person is on this platform, and the one next step that matters for them. */
export function StatusCard() {
  const { status, me, endedReason } = useSession()
  const greeting = greetingFor(new Date())

  if (status === 'starting') return <Paragraph muted>正在登录，请稍候…</Paragraph>
  if (!me) {
    return (
      <Card title={`${greeting}！`}>
        {endedReason && ENDED_MESSAGES[endedReason] && (
          <Notice tone={endedReason === 'closed' ? 'success' : 'info'}>{ENDED_MESSAGES[endedReason]}</Notice>
        )}
        <Paragraph>欢迎使用M市退役军人服务。登录后可以认证身份、关联家人，预约办事、查看政策。</Paragraph>
        <ActionButton size='key' onClick={() => goToSignIn()}>
          登录
        </ActionButton>
      </Card>
    )
  }

  const title = `${greeting}，${me.displayName}`
  if (isStaff(me)) {
    return (
      <Card title={title}>
        <Paragraph>
          您已用{ROLES[me.role]}账号登录{me.center ? `（${me.center.name}）` : ''}。
        </Paragraph>
        <ActionButton size='key' onClick={() => openPage(PAGES.staffHome)}>
          进入工作台
        </ActionButton>
      </Card>
    )
  }
  if (me.veteran) {
    return (
      <Card title={title}>
        <Paragraph>
          <Badge>已认证</Badge>
          退役军人 {me.veteran.name}
          <Term>（{VETERAN_CATEGORIES[me.veteran.category]}）</Term>
        </Paragraph>
        <Paragraph muted>可以邀请家人关联您的账号，由他们帮您预约和查看通知。</Paragraph>
        <ActionButton variant='secondary' onClick={() => openPage(PAGES.family)}>
          邀请家人
        </ActionButton>
      </Card>
    )
  }
  if (me.familyOf.length > 0) {
    return (
      <Card title={title}>
        {me.familyOf.map((link) => (
          <Paragraph key={link.linkId}>
            <Badge>家属</Badge>
            您是退役军人 {link.veteranNameMasked} 的{RELATIONS[link.relation]}
          </Paragraph>
        ))}
        <Paragraph muted>您可以帮家人预约服务、查看政策和通知。</Paragraph>
      </Card>
    )
  }
  return (
    <Card title={title}>
      <Paragraph>您还没有认证退役军人身份。认证后才能预约服务、查看为您匹配的政策。</Paragraph>
      <ActionButton size='key' onClick={() => openPage(PAGES.identity)}>
        认证退役军人身份
      </ActionButton>
      <ActionButton variant='secondary' onClick={() => openPage(PAGES.family)}>
        我是家属，输入邀请码
      </ActionButton>
    </Card>
  )
}
