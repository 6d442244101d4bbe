import { RELATIONS } from '@veterans/shared/topics'
import { View } from '@tarojs/components'
import { Card, Notice, Paragraph, Term } from '../../components'
import { formatDate } from '../../lib/format'
import { ConfirmInline } from '../../components'
import type { useFamilyMembers } from './use-family'

/** The family members linked to a veteran, each removable after a plain confirmation. */
export function MembersCard({ family }: { family: ReturnType<typeof useFamilyMembers> }) {
  const { members, removeMember } = family
  const items = members.data?.items ?? []
  return (
    <Card title='已关联的家人'>
      {members.loading && !members.data && <Paragraph muted>正在读取…</Paragraph>}
      {members.error && <Notice tone='error'>{members.error.message}</Notice>}
      {members.data && items.length === 0 && <Paragraph muted>还没有家人关联您的账号。</Paragraph>}
      {removeMember.error && <Notice tone='error'>{removeMember.error.message}</Notice>}
      {items.map((member) => (
        <View className='list__item' key={member.linkId}>
          <Paragraph strong>
            {member.displayName}
            <Term>（{RELATIONS[member.relation]}）</Term>
          </Paragraph>
          <Paragraph muted small>
            {formatDate(member.createdAt)} 关联
          </Paragraph>
          <ConfirmInline
            trigger='解除关联'
            triggerLabel={`解除关联：${member.displayName}`}
            question={`解除后，${member.displayName}将不能再帮您预约和查看通知。确定解除吗？`}
            confirm='确定解除'
            busy={removeMember.pending}
            onConfirm={() => void removeMember.run(member.linkId)}
          />
        </View>
      ))}
    </Card>
  )
}
