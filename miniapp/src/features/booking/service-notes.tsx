import { useState } from 'react'
import type { Service } from '@veterans/shared'
import { ActionButton, Card, Paragraph } from '../../components'
import { DocumentList } from './document-list'

/**
 * What to know before choosing a center, in two lines: how long it takes and how many things to bring, with the
 * list a tap away, so the centers start within the first screen. The confirm step and the booking show the list again.
 */
export function ServiceNotes({ service }: { service: Service }) {
  const [open, setOpen] = useState(false)
  const count = service.requiredDocuments.length
  return (
    <Card title='办理须知'>
      <Paragraph>
        大约需要 {service.durationMinutes} 分钟{count > 0 ? `，请带上 ${count} 样材料。` : '，不需要带材料。'}
      </Paragraph>
      {count > 0 &&
        (open ? (
          <>
            <Paragraph muted>{service.description}</Paragraph>
            <DocumentList documents={service.requiredDocuments} />
          </>
        ) : (
          <ActionButton variant='plain' inline onClick={() => setOpen(true)}>
            查看要带的材料
          </ActionButton>
        ))}
    </Card>
  )
}
