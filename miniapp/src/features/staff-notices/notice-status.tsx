import type { StaffNotice } from '@veterans/shared'
import { Card, KeyValues, Paragraph } from '../../components'
import { formatDateTime } from '../../lib/format'
import { STATUS_LABELS } from './labels'
import { audienceSummary, type AudienceNames } from './notice-words'

/** Where the notice stands, whom it goes to in words, and who did what when. */
export function NoticeStatusCard({ notice, names }: { notice: StaffNotice; names: AudienceNames }) {
  const rows: [string, string][] = [
    ['状态', STATUS_LABELS[notice.status]],
    ['发给', audienceSummary(notice, names)],
    ['起草人', notice.authorName],
    ['最后修改', formatDateTime(notice.updatedAt)]
  ]
  if (notice.policyTitle) rows.push(['相关政策', `《${notice.policyTitle}》`])
  if (notice.approverName) rows.push(['审核人', notice.approverName])
  if (notice.sentAt) rows.push(['发送时间', formatDateTime(notice.sentAt)])
  return (
    <Card title='通知状态'>
      <Paragraph muted>
        {notice.cityWide
          ? '发送流程：起草 → 提交审核 → 另一位工作人员审核通过 → 发送。'
          : '发送流程：起草 → 核对收件人数和预览 → 发送。'}
      </Paragraph>
      <KeyValues rows={rows} />
    </Card>
  )
}
