import type { FamilyOf } from '@veterans/shared'
import { RELATIONS } from '@veterans/shared/topics'
import { View } from '@tarojs/components'
import { Card, Notice, Paragraph } from '../../components'
import { ConfirmInline } from '../../components'
import type { useFamilyLinks } from './use-family'

/** The veterans this person is linked to as family, each with an unlink. */
export function LinkedVeteransCard({
  familyOf,
  links
}: {
  familyOf: FamilyOf[]
  links: ReturnType<typeof useFamilyLinks>
}) {
  if (familyOf.length === 0) return null
  return (
    <Card title='我关联的退役军人'>
      {links.unlink.error && <Notice tone='error'>{links.unlink.error.message}</Notice>}
      {familyOf.map((link) => (
        <View className='list__item' key={link.linkId}>
          <Paragraph strong>
            {link.veteranNameMasked}（您是他的{RELATIONS[link.relation]}）
          </Paragraph>
          <ConfirmInline
            trigger='解除关联'
            triggerLabel={`解除关联：${link.veteranNameMasked}`}
            question={`解除后，您将不能再帮${link.veteranNameMasked}预约服务。确定解除吗？`}
            confirm='确定解除'
            busy={links.unlink.pending}
            onConfirm={() => void links.unlink.run(link.linkId)}
          />
        </View>
      ))}
    </Card>
  )
}
