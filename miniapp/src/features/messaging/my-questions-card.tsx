import type { Thread } from '@veterans/shared'
import { beijingToday } from '@veterans/shared/rules'
import { TOPICS } from '@veterans/shared/topics'
import { Text, View } from '@tarojs/components'
import { a11y, ActionButton, Card, Notice, Paragraph, Term, useOpenPage } from '../../components'
import { momentText } from '../booking/dates'
import { Line } from '../booking/line'
import { conversationUrl, newQuestionUrl } from './pages'
import { STATUS_LABELS } from './thread-list'
import type { useMyThreads } from './use-my-threads'
import '../booking/booking.css'
import './messaging.css'

const isH5 = process.env.TARO_ENV === 'h5'

function Pill({ className, children }: { className: string; children: string }) {
  return isH5 ? (
    <span className={`pill ${className}`}>{children}</span>
  ) : (
    <Text className={`pill ${className}`}>{children}</Text>
  )
}

/** What WeChat's screen reader says for a thread: everything on the card, in one sentence. */
function threadLabel(thread: Thread, today: string): string {
  const unread = thread.unreadCount > 0 ? `，${thread.unreadCount} 条新答复` : ''
  return `${thread.subject}，${STATUS_LABELS[thread.status]}${unread}，${TOPICS[thread.category]}，最近 ${momentText(thread.lastMessageAt, today)}`
}

/** One question as a link to its conversation. */
function ThreadLink({ thread, today }: { thread: Thread; today: string }) {
  const openPage = useOpenPage()
  const url = conversationUrl(thread.id)
  const className = thread.unreadCount > 0 ? 'thread-link thread-link--unread' : 'thread-link'
  const content = (
    <>
      <Line tone='title'>{thread.subject}</Line>
      <Line>
        <Pill className={`thread-status thread-status--${thread.status}`}>{STATUS_LABELS[thread.status]}</Pill>
        {thread.unreadCount > 0 && <Pill className='unread-dot'>{`${thread.unreadCount} 条新答复`}</Pill>}
        {TOPICS[thread.category]}
      </Line>
      <Line tone='muted'>
        <Term>{thread.centerName}</Term> · <Term>{`最近 ${momentText(thread.lastMessageAt, today)}`}</Term>
      </Line>
    </>
  )
  if (isH5) {
    return (
      <a
        className={className}
        href={url}
        onClick={(event) => {
          event.preventDefault()
          openPage(url)
        }}
      >
        {content}
      </a>
    )
  }
  return (
    <View
      className={className}
      hoverClass='nav-row--pressed'
      ariaRole='link'
      ariaLabel={threadLabel(thread, today)}
      onClick={() => openPage(url)}
    >
      {content}
    </View>
  )
}

/** 我的咨询: the person's written questions (newest activity first), and 写信咨询 to ask a new one. */
export function MyQuestionsCard({ threads: state }: { threads: ReturnType<typeof useMyThreads> }) {
  const openPage = useOpenPage()
  const { first, threads, unread, nextCursor, loadMore } = state
  const today = beijingToday()
  return (
    <Card title='我的咨询'>
      <Paragraph>有问题可以写信问工作人员，一般 1 个工作日内答复。</Paragraph>
      <ActionButton size='key' onClick={() => openPage(newQuestionUrl())}>
        写信咨询
      </ActionButton>
      {first.loading && !first.data && <Paragraph muted>正在读取您的咨询…</Paragraph>}
      {first.error && !first.data && <Notice tone='error'>没能读取您的咨询：{first.error.message}</Notice>}
      {first.data && threads.length === 0 && <Paragraph muted>您还没有写过咨询。</Paragraph>}
      {threads.length > 0 && <Paragraph strong>{unread > 0 ? `有 ${unread} 条新答复` : '没有新答复'}</Paragraph>}
      {threads.length > 0 && (
        <View className='list' {...a11y('list', '我写过的咨询')}>
          {threads.map((thread) => (
            <View key={thread.id} {...a11y('listitem')}>
              <ThreadLink thread={thread} today={today} />
            </View>
          ))}
        </View>
      )}
      {nextCursor && (
        <ActionButton variant='secondary' onClick={() => void loadMore()}>
          查看更早的咨询
        </ActionButton>
      )}
    </Card>
  )
}
