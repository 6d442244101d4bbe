import type { Me } from '@veterans/shared'
import { View } from '@tarojs/components'
import { useState } from 'react'
import { a11y, ActionButton, Card, Notice, Paragraph } from '../../components'
import { ChipGroup } from '../policies/chip-group'
import { CenterChoice } from '../staff-booking/center-choice'
import { useNow } from '../staff-booking/use-now'
import { ASSIGNEE_FILTERS, STATUS_FILTERS } from './labels'
import { QueueView } from './queue-view'
import { ThreadView } from './thread-view'
import { useQueue } from './use-queue'
import { useWideScreen } from './use-wide-screen'
import './staff-messaging.css'

const EMPTY = '这里没有咨询。'

/**
 * The queue is one center's: someone who may choose another (city staff, admins) is told so, since 工作台 counts the
 * open questions of every center they see and an empty list here would otherwise contradict it.
 */
function emptyText(queue: ReturnType<typeof useQueue>): string {
  const { canPick, center } = queue.staffCenter
  if (!canPick || !center) return EMPTY
  return `${center.name}没有这样的咨询。这里只列出一个服务中心的咨询：要看其他中心的，请在上方“服务中心”中选择。`
}

/**
 * 留言咨询: the center's queue, longest-waiting first, with its filters. On a phone a list whose rows open the thread
 * page; at a desk (≥ 1024 px) a table on the left and the chosen thread on the right, the same components.
 */
export function Inbox({ me }: { me: Me }) {
  const queue = useQueue(me)
  const wide = useWideScreen()
  const now = useNow()
  const [selectedId, setSelectedId] = useState('')
  const items = queue.items ?? []
  const statusWord = STATUS_FILTERS.find((s) => s.value === queue.status)!.label
  const assigneeWord = ASSIGNEE_FILTERS.find((a) => a.value === queue.assignee)!.label

  const list = (
    <View className='inbox__queue'>
      <CenterChoice staffCenter={queue.staffCenter} />
      <Card title='筛选'>
        <View className='inbox__filters'>
          <ChipGroup label='负责人' options={ASSIGNEE_FILTERS} value={queue.assignee} onChange={queue.setAssignee} />
          <ChipGroup label='状态' options={STATUS_FILTERS} value={queue.status} onChange={queue.setStatus} />
        </View>
        <Paragraph muted small>
          {queue.live ? '有新咨询和回复时，列表会自动更新。' : '列表每隔几秒自动刷新。'}
        </Paragraph>
      </Card>
      <Card
        plain
        title={`${assigneeWord} · ${statusWord}${queue.items ? `（${items.length}${queue.more ? '+' : ''} 条）` : ''}`}
      >
        {queue.loading && !queue.items && <Paragraph muted>正在读取…</Paragraph>}
        {queue.error && (
          <>
            <Notice tone='error'>没能读取咨询列表：{queue.error.message}</Notice>
            <ActionButton variant='secondary' onClick={() => void queue.refresh()}>
              重试
            </ActionButton>
          </>
        )}
        {queue.items && items.length === 0 && <Paragraph muted>{emptyText(queue)}</Paragraph>}
        {items.length > 0 && (
          <QueueView items={items} now={now} wide={wide} selectedId={selectedId} onSelect={setSelectedId} />
        )}
        {queue.more && (
          <Paragraph muted small>
            只显示等待最久的 100 条，处理后会显示后面的。
          </Paragraph>
        )}
      </Card>
    </View>
  )

  if (!wide) return list
  return (
    <View className='inbox inbox--split'>
      {list}
      <View className='inbox__pane' {...a11y('region', '咨询详情')}>
        {selectedId ? (
          <ThreadView key={selectedId} me={me} threadId={selectedId} onChanged={queue.changed} />
        ) : (
          <Card>
            <Paragraph muted>在左边的列表中选择一条咨询，在这里查看和回复。</Paragraph>
          </Card>
        )}
      </View>
    </View>
  )
}
