import type { Message, Thread } from '@veterans/shared'
import { beijingToday } from '@veterans/shared/rules'
import { TOPICS } from '@veterans/shared/topics'
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { a11y, ActionButton, Card, ChoiceGroup, Notice, Paragraph, Term, useOpenPage } from '../../components'
import { wayOn } from '../../shell/navigation'
import { momentText } from '../booking/dates'
import { RATING_WORDS } from '../booking/status'
import { policyUrl } from '../policies/paths'
import { MAX_BODY } from './limits'
import { MessageBody } from './message-body'
import { MessageField } from './message-field'
import { MessagePhotos, PickedPhotos } from './photos'
import { STATUS_LABELS } from './thread-list'
import type { OutgoingMessage } from './thread-messages'
import { useConversation } from './use-conversation'
import { usePhotoPicker } from './use-photo-picker'
import './messaging.css'

const isH5 = process.env.TARO_ENV === 'h5'

function Span({ className, children }: { className: string; children: string }) {
  return isH5 ? <span className={className}>{children}</span> : <Text className={className}>{children}</Text>
}

function Bubble({ own, who, children }: { own: boolean; who: string; children: React.ReactNode }) {
  return (
    <View className={own ? 'bubble-row bubble-row--own' : 'bubble-row'} {...a11y('listitem')}>
      <Span className='bubble__who'>{who}</Span>
      {children}
    </View>
  )
}

/** A staff member's name, saying they are staff unless the name already does. */
const staffName = (name: string) => (name.includes('工作人员') ? name : `${name}（工作人员）`)

function SentMessage({ message, today }: { message: Message; today: string }) {
  const own = message.authorRole === 'resident'
  const who = own
    ? `我 · ${momentText(message.createdAt, today)}`
    : `${staffName(message.authorName)} · ${momentText(message.createdAt, today)}`
  return (
    <Bubble own={own} who={who}>
      <MessageBody className='bubble' body={message.body} />
      <MessagePhotos attachments={message.attachments} owner={own ? '我' : message.authorName} />
    </Bubble>
  )
}

function OutgoingBubble({ item, onRetry }: { item: OutgoingMessage; onRetry: () => void }) {
  const failed = item.state === 'failed'
  return (
    <Bubble own who='我'>
      <Span className={failed ? 'bubble bubble--failed' : 'bubble'}>{item.body}</Span>
      {failed ? (
        <>
          <Span className='bubble__state bubble__state--failed'>{`发送失败：${item.error ?? ''}`}</Span>
          <ActionButton variant='secondary' inline label={`重新发送：${item.body.slice(0, 20)}`} onClick={onRetry}>
            重新发送
          </ActionButton>
        </>
      ) : (
        <Span className='bubble__state'>正在发送…</Span>
      )}
    </Bubble>
  )
}

function ThreadFacts({ thread }: { thread: Thread }) {
  const openPage = useOpenPage()
  const today = beijingToday()
  return (
    <Card title='咨询信息'>
      <Paragraph strong>{thread.subject}</Paragraph>
      <Paragraph muted>
        {/* Short facts wrap whole: 长辈版 otherwise splits "今 / 天 21:05". */}
        <Term>{STATUS_LABELS[thread.status]}</Term> · <Term>{TOPICS[thread.category]}</Term> · {thread.centerName}答复 ·{' '}
        <Term>{momentText(thread.createdAt, today)} 提交</Term>
      </Paragraph>
      {thread.policyId && thread.policyTitle && (
        <ActionButton
          variant='secondary'
          label={`查看所问的政策：${thread.policyTitle}`}
          onClick={() => openPage(policyUrl(thread.policyId!))}
        >
          查看所问的政策
        </ActionButton>
      )}
    </Card>
  )
}

const RATING_OPTIONS = [5, 4, 3, 2, 1].map((score) => ({ value: String(score), label: RATING_WORDS[score]! }))

/** 评价: once, when staff have resolved the question; afterwards the given rating is shown. */
function RatingCard({ thread, rate }: { thread: Thread; rate: ReturnType<typeof useConversation>['rate'] }) {
  const [score, setScore] = useState('')
  const [missing, setMissing] = useState(false)
  if (thread.rating) {
    return (
      <Card title='您的评价'>
        <Paragraph strong>{RATING_WORDS[thread.rating]}</Paragraph>
        <Paragraph muted>谢谢您的评价。</Paragraph>
      </Card>
    )
  }
  if (thread.status !== 'resolved') return null
  const submit = () => {
    setMissing(!score)
    if (score) void rate.run(Number(score))
  }
  return (
    <Card title='评价这次答复'>
      <Paragraph>工作人员已把这个咨询标为“已解决”。您的评价只能提交一次。</Paragraph>
      <ChoiceGroup
        label='您对这次答复满意吗？'
        options={RATING_OPTIONS}
        value={score}
        onChange={setScore}
        error={missing ? '请选一个满意程度' : undefined}
      />
      {rate.error && <Notice tone='error'>{rate.error.message}</Notice>}
      <ActionButton size='key' busy={rate.pending} busyText='正在提交…' onClick={submit}>
        提交评价
      </ActionButton>
    </Card>
  )
}

function Composer({ thread, onSend }: { thread: Thread; onSend: ReturnType<typeof useConversation>['send'] }) {
  const picker = usePhotoPicker()
  const [text, setText] = useState('')
  const [problem, setProblem] = useState<string | undefined>(undefined)
  const send = () => {
    const body = text.trim()
    if (!body) return setProblem('请先写下要说的话')
    if (picker.uploading) return setProblem('照片还在上传，请稍等一下再发送')
    if (picker.failed) return setProblem('有照片没有传上去：请点“重试”，或把它删除')
    setProblem(undefined)
    onSend(body, picker.uploads)
    setText('')
    picker.clear()
  }
  const resolved = thread.status === 'resolved'
  return (
    <Card title='继续咨询'>
      {resolved && (
        <Notice>这个咨询已解决。如果还有问题，可以继续写，发送后咨询会重新打开，由工作人员再次答复。</Notice>
      )}
      <MessageField label='回复内容' value={text} onChange={setText} maxLength={MAX_BODY} rows={3} error={problem} />
      <PickedPhotos picker={picker} what='情况' />
      <ActionButton size='key' onClick={send}>
        {resolved ? '发送并重新打开咨询' : '发送'}
      </ActionButton>
    </Card>
  )
}

/** One written question: what was asked, the replies (live), writing back, and the rating once resolved. */
export function ConversationView({ threadId, userId }: { threadId: string; userId: string }) {
  const conversation = useConversation(threadId, userId)
  const { thread, threadError, messages, loaded, messagesError, outgoing, send, retry, rate, status } = conversation
  const today = beijingToday()

  if (threadError && !thread) {
    const gone = threadError.code === 'NOT_FOUND'
    return (
      <>
        <Notice tone='error' action={gone ? wayOn() : undefined}>
          {gone ? '没有找到这个咨询。' : `没能读取咨询：${threadError.message}`}
        </Notice>
        {!gone && (
          <ActionButton variant='secondary' onClick={() => void conversation.reload()}>
            重试
          </ActionButton>
        )}
      </>
    )
  }
  if (!thread) return <Paragraph muted>正在读取咨询…</Paragraph>

  return (
    <>
      <ThreadFacts thread={thread} />
      <Card title='对话'>
        {status === 'down' && <Paragraph muted>暂时连不上实时消息，每 15 秒自动查看一次新答复。</Paragraph>}
        {!loaded && !messagesError && <Paragraph muted>正在读取对话…</Paragraph>}
        {messagesError && !loaded && <Notice tone='error'>没能读取对话：{messagesError.message}</Notice>}
        <View className='bubbles' {...a11y('list', '对话记录')}>
          {messages.map((message) => (
            <SentMessage key={message.id} message={message} today={today} />
          ))}
          {outgoing.map((item) => (
            <OutgoingBubble key={item.key} item={item} onRetry={() => retry(item.key)} />
          ))}
        </View>
        {loaded && thread.status !== 'resolved' && messages.every((m) => m.authorRole === 'resident') && (
          <Paragraph muted>已转给{thread.centerName}，工作人员一般在 1 个工作日内答复。</Paragraph>
        )}
      </Card>
      <RatingCard thread={thread} rate={rate} />
      <Composer thread={thread} onSend={send} />
    </>
  )
}
