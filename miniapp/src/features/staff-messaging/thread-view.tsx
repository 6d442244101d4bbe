import type { Me, StaffThread, StaffThreadDetail } from '@veterans/shared'
import { beijingToday } from '@veterans/shared/rules'
import { TOPICS, VETERAN_CATEGORIES } from '@veterans/shared/topics'
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { ActionButton, Card, KeyValues, Notice, Paragraph } from '../../components'
import { formatDateTime } from '../../lib/format'
import { openPage } from '../../shell/navigation'
import { LoadFailedNotice } from '../staff/dead-end-notices'
import { whenText } from '../booking/dates'
import { BOOKING_STATUS_WORDS } from '../booking/status'
import { ChipGroup } from '../policies/chip-group'
import { policyUrl } from '../policies/paths'
import { fieldsOrMessage } from '../staff-booking/messages'
import { useNow } from '../staff-booking/use-now'
import { AssignColleague } from './assign-colleague'
import { CannedReplies } from './canned-replies'
import { EntryList } from './entry-list'
import { ASKER_ROLE_WORDS, INTERNAL_NOTE_HINT } from './labels'
import { insertIntoDraft, waitedFor } from './queue-rules'
import { PolicyLinkPicker } from './policy-link-picker'
import { ReplyBox } from './reply-box'
import { dueText, SlaMark, StatusPill } from './sla-mark'
import { useStaffThread } from './use-thread'
import './staff-messaging.css'

type Mode = 'reply' | 'note'
const MODES = [
  { value: 'reply' as const, label: '回复居民' },
  { value: 'note' as const, label: '内部备注' }
]

/**
 * One thread, for staff: who asks (masked) and about what, their upcoming bookings, the conversation with internal
 * notes, and the work on it (assign to me or a colleague, reply or note, canned replies, a policy link, resolve /
 * reopen). The same view is the thread page on phones and the right-hand pane of the inbox at a desk.
 */
export function ThreadView({
  me,
  threadId,
  onChanged
}: {
  me: Me
  threadId: string
  onChanged?: (thread: StaffThread) => void
}) {
  const state = useStaffThread(threadId, onChanged)
  const thread = state.detail.data
  if (state.detail.error) {
    return (
      <LoadFailedNotice
        error={state.detail.error}
        notFound='没有找到这条咨询（可能属于其他服务中心）。'
        retry={() => void state.detail.reload()}
        besideList={onChanged !== undefined}
      />
    )
  }
  if (!thread) return <Paragraph muted>正在读取…</Paragraph>
  return (
    <>
      <Summary me={me} thread={thread} state={state} />
      <Card title='对话'>
        {state.entriesError && <Notice tone='error'>没能读取对话：{state.entriesError.message}</Notice>}
        {state.entries ? <EntryList entries={state.entries} /> : <Paragraph muted>正在读取…</Paragraph>}
      </Card>
      <Composer key={thread.id} thread={thread} state={state} />
      <Bookings thread={thread} />
    </>
  )
}

function Summary({
  me,
  thread,
  state
}: {
  me: Me
  thread: StaffThreadDetail
  state: ReturnType<typeof useStaffThread>
}) {
  const now = useNow()
  const asker = `${thread.residentNameMasked}（${ASKER_ROLE_WORDS[thread.residentRole]}）`
  const veteran = thread.veteran
    ? `${thread.veteran.nameMasked}（${VETERAN_CATEGORIES[thread.veteran.category]}）`
    : '未关联'
  const waiting = thread.waitingSince
    ? `${formatDateTime(thread.waitingSince)} 起，已等 ${waitedFor(thread.waitingSince, now)}`
    : '没有在等答复'
  const mine = thread.assignee?.id === me.id
  const actionError = state.assign.error ?? state.setStatus.error
  return (
    <Card title={thread.subject}>
      <View className='thread-tags'>
        <StatusPill thread={thread} />
        <SlaMark thread={thread} />
      </View>
      <KeyValues
        rows={[
          ['类别', TOPICS[thread.category]],
          ['服务中心', thread.centerName],
          ['提问人', asker],
          ['退役军人', veteran],
          ['负责人', thread.assignee ? thread.assignee.displayName : '未分配'],
          ['等待', waiting],
          ['答复时限', dueText(thread)]
        ]}
      />
      {thread.policyId && (
        <View className='thread-policy'>
          <Text className='thread-policy__label'>所问政策：</Text>
          <PolicyLink id={thread.policyId} title={thread.policyTitle ?? '查看政策'} />
        </View>
      )}
      <View className='thread-actions'>
        {!mine && (
          <ActionButton
            variant='secondary'
            inline
            busy={state.assign.pending}
            busyText='正在分配…'
            onClick={() => void state.assign.run()}
          >
            分配给我
          </ActionButton>
        )}
        {thread.status !== 'resolved' ? (
          <ActionButton
            variant='secondary'
            inline
            busy={state.setStatus.pending}
            busyText='正在修改…'
            onClick={() => void state.setStatus.run('resolved')}
          >
            标记已解决
          </ActionButton>
        ) : (
          <ActionButton
            variant='secondary'
            inline
            busy={state.setStatus.pending}
            busyText='正在修改…'
            onClick={() => void state.setStatus.run('open')}
          >
            重新打开
          </ActionButton>
        )}
      </View>
      <AssignColleague key={thread.id} me={me} thread={thread} assign={state.assign} />
      {mine && (
        <Paragraph muted small>
          这条咨询由您负责。
        </Paragraph>
      )}
      {actionError && <Notice tone='error'>{fieldsOrMessage(actionError)}</Notice>}
    </Card>
  )
}

function PolicyLink({ id, title }: { id: string; title: string }) {
  const url = policyUrl(id)
  if (process.env.TARO_ENV === 'h5') {
    return (
      <a className='link' href={url} onClick={(event) => (event.preventDefault(), openPage(url))}>
        {title}
      </a>
    )
  }
  return (
    <View className='link' ariaRole='link' ariaLabel={`所问政策：${title}`} onClick={() => openPage(url)}>
      {title}
    </View>
  )
}

function Composer({ thread, state }: { thread: StaffThreadDetail; state: ReturnType<typeof useStaffThread> }) {
  const [mode, setMode] = useState<Mode>('reply')
  const [draft, setDraft] = useState('')
  const [problem, setProblem] = useState<string | undefined>()
  const [sent, setSent] = useState<string | null>(null)
  const [picker, setPicker] = useState<'canned' | 'policy' | null>(null)
  const internal = mode === 'note'

  const send = async (resolve = false) => {
    setSent(null)
    if (!draft.trim()) {
      setProblem(internal ? '请填写备注内容' : '请填写回复内容')
      return
    }
    setProblem(undefined)
    if (await state.post.run(draft.trim(), internal, resolve && !internal)) {
      setDraft('')
      setSent(internal ? '内部备注已保存。' : resolve ? '已回复，并标记为已解决。' : '已回复，居民会收到通知。')
    }
  }
  const insert = (text: string) => {
    setDraft((current) => insertIntoDraft(current, text))
    setPicker(null)
  }

  return (
    <Card title={internal ? '写内部备注' : '回复'}>
      <ChipGroup
        label='写什么'
        options={MODES}
        value={mode}
        onChange={(next) => {
          setMode(next)
          setSent(null)
          setProblem(undefined)
        }}
        segmented
      />
      {internal && <Notice tone='info'>{INTERNAL_NOTE_HINT}，只有工作人员能看到。</Notice>}
      {!internal && (
        <View className='thread-actions'>
          <ActionButton variant='secondary' inline onClick={() => setPicker('canned')}>
            常用回复
          </ActionButton>
          <ActionButton variant='secondary' inline onClick={() => setPicker('policy')}>
            插入政策链接
          </ActionButton>
        </View>
      )}
      <ReplyBox
        label={internal ? '内部备注' : '回复内容'}
        value={draft}
        onChange={setDraft}
        onSubmit={() => void send()}
        internal={internal}
        error={problem}
      />
      {state.post.error && (
        <Notice tone='error'>没有发出去：{fieldsOrMessage(state.post.error)}。可以再点一次，不会重复发送。</Notice>
      )}
      {sent && <Notice tone='success'>{sent}</Notice>}
      <ActionButton size='key' busy={state.post.pending} busyText='正在发送…' onClick={() => void send()}>
        {internal ? '保存内部备注' : '发送回复'}
      </ActionButton>
      {!internal && thread.status !== 'resolved' && (
        <ActionButton
          variant='secondary'
          busy={state.post.pending}
          busyText='正在发送…'
          onClick={() => void send(true)}
        >
          发送并标记已解决
        </ActionButton>
      )}
      <CannedReplies
        open={picker === 'canned'}
        onClose={() => setPicker(null)}
        onPick={(reply) => insert(reply.body)}
        draft={draft}
      />
      <PolicyLinkPicker
        open={picker === 'policy'}
        onClose={() => setPicker(null)}
        onPick={insert}
        initialQuery={thread.policyTitle ?? ''}
      />
    </Card>
  )
}

function Bookings({ thread }: { thread: StaffThreadDetail }) {
  const today = beijingToday()
  return (
    <Card title='近期预约'>
      {thread.upcomingBookings.length === 0 ? (
        <Paragraph muted>没有即将到来的预约。</Paragraph>
      ) : (
        thread.upcomingBookings.map((booking) => (
          <View className='list__item' key={booking.id}>
            <Paragraph strong>
              {booking.serviceName} · {BOOKING_STATUS_WORDS[booking.status]}
            </Paragraph>
            <Paragraph muted small>
              {whenText(booking.startsAt, booking.endsAt, today)} · {booking.centerName} · {booking.veteranNameMasked}
            </Paragraph>
          </View>
        ))
      )}
    </Card>
  )
}
