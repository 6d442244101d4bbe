import type { StaffThread } from '@veterans/shared'
import { TOPICS } from '@veterans/shared/topics'
import { Text, View } from '@tarojs/components'
import { formatDateTime } from '../../lib/format'
import { openPage } from '../../shell/navigation'
import { staffThreadUrl } from './paths'
import { waitedFor } from './queue-rules'
import { dueText, SlaMark, StatusPill } from './sla-mark'
import './staff-messaging.css'

interface QueueViewProps {
  items: StaffThread[]
  now: Date
  /** Desk layout: a table, and choosing a row shows the thread beside it instead of opening its page. */
  wide: boolean
  selectedId?: string
  onSelect: (id: string) => void
}

const waitingText = (thread: StaffThread, now: Date) =>
  thread.waitingSince ? `${formatDateTime(thread.waitingSince)}（已等 ${waitedFor(thread.waitingSince, now)}）` : '—'

/**
 * The queue: a table at a desk (one row per thread, the subject a link), a list of cards on a phone. Either way the
 * subject opens the thread; the SLA marks are words (已超时, 即将超时) with colour as a second cue.
 */
export function QueueView(props: QueueViewProps) {
  if (process.env.TARO_ENV !== 'h5') return <WeappList {...props} />
  return props.wide ? <QueueTable {...props} /> : <QueueList {...props} />
}

function SubjectLink({
  thread,
  wide,
  selected,
  onSelect
}: {
  thread: StaffThread
  wide: boolean
  selected: boolean
  onSelect: (id: string) => void
}) {
  const url = staffThreadUrl(thread.id)
  return (
    <a
      className='queue__subject'
      href={url}
      aria-current={selected ? 'true' : undefined}
      onClick={(event) => {
        event.preventDefault()
        if (wide) onSelect(thread.id)
        else openPage(url)
      }}
    >
      {thread.subject}
    </a>
  )
}

function QueueTable({ items, now, wide, selectedId, onSelect }: QueueViewProps) {
  return (
    <table className='queue-table'>
      <caption className='visually-hidden'>咨询列表，等待最久的在前</caption>
      <thead>
        <tr>
          <th scope='col'>咨询</th>
          <th scope='col'>提问人</th>
          <th scope='col'>等待自</th>
          <th scope='col'>答复时限</th>
          <th scope='col'>负责人</th>
        </tr>
      </thead>
      <tbody>
        {items.map((thread) => (
          <tr
            key={thread.id}
            className={thread.id === selectedId ? 'queue-table__row queue-table__row--selected' : 'queue-table__row'}
          >
            <td>
              <SubjectLink thread={thread} wide={wide} selected={thread.id === selectedId} onSelect={onSelect} />
              <span className='queue__meta'>
                {TOPICS[thread.category]} <StatusPill thread={thread} />
              </span>
            </td>
            <td>{thread.residentNameMasked}</td>
            <td>{waitingText(thread, now)}</td>
            <td>
              {dueText(thread)} <SlaMark thread={thread} />
            </td>
            <td>{thread.assignee?.displayName ?? '未分配'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

function QueueList({ items, now, wide, selectedId, onSelect }: QueueViewProps) {
  return (
    <ul className='queue-list'>
      {items.map((thread) => (
        <li key={thread.id} className='card queue-card'>
          <h3 className='queue-card__title'>
            <SubjectLink thread={thread} wide={wide} selected={thread.id === selectedId} onSelect={onSelect} />
          </h3>
          <p className='queue__meta'>
            <StatusPill thread={thread} /> <SlaMark thread={thread} /> {TOPICS[thread.category]} ·{' '}
            {thread.residentNameMasked}
          </p>
          <p className='queue__line'>等待自：{waitingText(thread, now)}</p>
          <p className='queue__line'>答复时限：{dueText(thread)}</p>
          <p className='queue__line'>负责人：{thread.assignee?.displayName ?? '未分配'}</p>
        </li>
      ))}
    </ul>
  )
}

function WeappList({ items, now }: QueueViewProps) {
  return (
    <View className='queue-list'>
      {items.map((thread) => {
        const sla = thread.slaState === 'breached' ? '，已超时' : thread.slaState === 'due_soon' ? '，即将超时' : ''
        return (
          <View
            key={thread.id}
            className='card queue-card'
            hoverClass='queue-card--pressed'
            ariaRole='link'
            ariaLabel={`${thread.subject}${sla}，${thread.residentNameMasked}，等待自 ${waitingText(thread, now)}`}
            onClick={() => openPage(staffThreadUrl(thread.id))}
          >
            <Text className='queue-card__title'>{thread.subject}</Text>
            <View className='queue__meta'>
              <StatusPill thread={thread} /> <SlaMark thread={thread} />
              <Text>
                {TOPICS[thread.category]} · {thread.residentNameMasked}
              </Text>
            </View>
            <Text className='queue__line'>等待自：{waitingText(thread, now)}</Text>
            <Text className='queue__line'>答复时限：{dueText(thread)}</Text>
            <Text className='queue__line'>负责人：{thread.assignee?.displayName ?? '未分配'}</Text>
          </View>
        )
      })}
    </View>
  )
}
