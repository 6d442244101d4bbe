import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import type { PushDelivery, PushDeliveryStatus } from '@veterans/shared'
import { staffNoticesApi, useRequest } from '../../api'
import { ActionButton, Card, Notice, Paragraph } from '../../components'
import { formatDateTime } from '../../lib/format'
import { ChipGroup } from '../policies/chip-group'
import { DELIVERY_LABELS } from './labels'
import './staff-notices.css'

type Filter = 'all' | PushDeliveryStatus
const FILTERS: { value: Filter; label: string }[] = [
  { value: 'all', label: '全部' },
  ...(Object.keys(DELIVERY_LABELS) as PushDeliveryStatus[]).map((value) => ({
    value,
    label: DELIVERY_LABELS[value]
  }))
]
const LIMIT = 50

function describe(row: PushDelivery): string {
  const parts: string[] = [DELIVERY_LABELS[row.status]]
  if (row.sentAt) parts.push(`送达 ${formatDateTime(row.sentAt)}`)
  else if (row.status !== 'failed_permanent' && row.nextAttemptAt)
    parts.push(`预计 ${formatDateTime(row.nextAttemptAt)} 发送`)
  if (row.attempts > 1) parts.push(`已尝试 ${row.attempts} 次`)
  if (row.lastError && row.status !== 'sent') parts.push(`原因：${row.lastError}`)
  return parts.join(' · ')
}

/**
 * Per recipient, where the WeChat subscription message stands (names masked by the server). Refreshed with the
 * figures above; hidden when the server does not offer the list.
 */
export function DeliveryList({ noticeId, version }: { noticeId: string; version: string }) {
  const [filter, setFilter] = useState<Filter>('all')
  const list = useRequest(
    () =>
      staffNoticesApi.deliveries({
        sourceType: 'notice',
        sourceId: noticeId,
        ...(filter === 'all' ? {} : { status: filter }),
        limit: LIMIT
      }),
    // The figures above changed (`version`): this list is read again too.
    `deliveries-${noticeId}-${filter}-${version}`
  )
  const reload = list.reload

  if (list.error?.status === 404) return null
  const rows = list.data?.items ?? []
  return (
    <Card title='微信消息送达明细'>
      <ChipGroup label='按状态查看' options={FILTERS} value={filter} onChange={setFilter} />
      {list.error && (
        <>
          <Notice tone='error'>没能读取送达明细：{list.error.message}</Notice>
          <ActionButton variant='secondary' onClick={() => void reload()}>
            重试
          </ActionButton>
        </>
      )}
      {list.data && rows.length === 0 && <Paragraph muted>这里没有记录。</Paragraph>}
      {rows.length > 0 &&
        (process.env.TARO_ENV === 'h5' ? (
          <table className='delivery-table'>
            <thead>
              <tr>
                <th scope='col'>收件人</th>
                <th scope='col'>状态</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id}>
                  <td>{row.recipientNameMasked}</td>
                  <td>{describe(row)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <View className='list'>
            {rows.map((row) => (
              <View className='list__item' key={row.id}>
                <Text className='delivery__name'>{row.recipientNameMasked}</Text>
                <Text className='delivery__state'>{describe(row)}</Text>
              </View>
            ))}
          </View>
        ))}
      {list.data?.nextCursor && (
        <Paragraph muted small>
          只显示前 {LIMIT} 条，可以按状态筛选查看。
        </Paragraph>
      )}
    </Card>
  )
}
