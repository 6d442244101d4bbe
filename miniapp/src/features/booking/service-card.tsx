import type { Service } from '@veterans/shared'
import { ActionButton, Card, KeyValues, Paragraph } from '../../components'
import { DocumentList } from './document-list'

/** One service of the catalog: what it is, how long it takes, what to bring, where it is offered. */
export function ServiceCard({
  service,
  centerCount,
  onChoose
}: {
  service: Service
  centerCount: number
  onChoose: () => void
}) {
  return (
    <Card title={service.name}>
      <Paragraph>{service.description}</Paragraph>
      <KeyValues
        rows={[
          ['大约需要', `${service.durationMinutes} 分钟`],
          ['可办理的地方', centerCount > 0 ? `${centerCount} 个服务中心` : '暂无']
        ]}
      />
      <Paragraph strong>需要带：</Paragraph>
      <DocumentList documents={service.requiredDocuments} />
      <ActionButton label={`选这项服务：${service.name}`} disabled={centerCount === 0} onClick={onChoose}>
        选这项服务
      </ActionButton>
    </Card>
  )
}
