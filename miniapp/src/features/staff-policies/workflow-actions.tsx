import type { Me, StaffPolicy } from '@veterans/shared'
import { useEffect, useRef, useState } from 'react'
import { ActionButton, Card, KeyValues, Notice, Paragraph, TextField } from '../../components'
import { formatDateTime } from '../../lib/format'
import { goBack, openPage } from '../../shell/navigation'
import { policyUrl, staffEditUrl } from '../policies/paths'
import { mayDelete, stateOf } from './labels'
import type { StaffPolicyState } from './use-staff-policy'

const DONE_MESSAGES = {
  submit: '已提交审核。请另一位工作人员或管理员审核。',
  approve: '已审核通过并发布。居民现在可以查到这份政策。',
  sendBack: '已退回草稿，由起草人修改后重新提交审核。',
  repeal: '已废止。居民仍能查阅，但会看到“已废止”。'
} as const

/** The two-person rule, said to the author of a policy waiting for approval: who may approve it, and where. */
const AUTHOR_CANNOT_APPROVE =
  '您是这份政策的起草人，不能审核自己起草的政策。按规定，要由您以外的另一位工作人员或管理员登录工作台，在“政策发布”的“待审核”里打开它，审核通过后才会发布。'

// Back to draft: the author withdraws it to change it; a reviewer sends it back with what to change.
const WITHDRAW = {
  trigger: '撤回修改',
  question: '撤回后，这份政策回到草稿，您可以修改后重新提交审核。',
  confirm: '确定撤回',
  note: { label: '撤回原因', required: true }
}
const SEND_BACK = {
  trigger: '退回修改',
  question: '退回后，这份政策回到草稿，由起草人修改后重新提交。',
  confirm: '确定退回',
  note: { label: '需要修改的地方', required: true }
}

/** Where the policy stands in the workflow, and who did what when. */
export function WorkflowStatus({ policy }: { policy: StaffPolicy }) {
  const rows: [string, string][] = [
    ['状态', stateOf(policy)],
    ['起草人', policy.authorName],
    ['最后修改', formatDateTime(policy.updatedAt)]
  ]
  if (policy.submittedAt) rows.push(['提交审核', formatDateTime(policy.submittedAt)])
  if (policy.approverName) rows.push(['审核人', policy.approverName])
  if (policy.publishedAt) rows.push(['发布时间', formatDateTime(policy.publishedAt)])
  if (policy.repealedAt) rows.push(['废止时间', formatDateTime(policy.repealedAt)])
  return (
    <Card title='流程状态'>
      <Paragraph muted>发布流程：起草 → 提交审核 → 另一位工作人员审核通过后发布。</Paragraph>
      <KeyValues rows={rows} />
      {policy.workflow === 'draft' && policy.reviewNote && <Notice>审核意见：{policy.reviewNote}</Notice>}
      {policy.repealReason && <Paragraph>废止原因：{policy.repealReason}</Paragraph>}
    </Card>
  )
}

/** A step that asks first, on the page (approve, repeal): the question, an optional note, and two large buttons. */
function AskFirst(props: {
  trigger: string
  question: string
  confirm: string
  danger?: boolean
  note?: { label: string; required?: boolean }
  busy: boolean
  onConfirm: (note: string) => void
}) {
  const [asking, setAsking] = useState(false)
  const [note, setNote] = useState('')
  const [noteError, setNoteError] = useState<string>()
  // Once the step has been tried (done or refused, said in the notice above), the question is put away.
  const wasBusy = useRef(false)
  useEffect(() => {
    if (wasBusy.current && !props.busy) setAsking(false)
    wasBusy.current = props.busy
  }, [props.busy])
  if (!asking) {
    return (
      <ActionButton
        variant={props.danger ? 'danger' : 'primary'}
        size={props.danger ? 'normal' : 'key'}
        onClick={() => setAsking(true)}
      >
        {props.trigger}
      </ActionButton>
    )
  }
  const confirm = () => {
    if (props.note?.required && !note.trim()) {
      setNoteError(`请填写${props.note.label}`)
      return
    }
    props.onConfirm(note.trim())
  }
  return (
    <>
      <Paragraph strong>{props.question}</Paragraph>
      {props.note && (
        <TextField label={props.note.label} value={note} onChange={setNote} maxLength={500} error={noteError} />
      )}
      <ActionButton variant={props.danger ? 'danger-solid' : 'primary'} size='key' busy={props.busy} onClick={confirm}>
        {props.confirm}
      </ActionButton>
      <ActionButton variant='secondary' onClick={() => setAsking(false)}>
        取消
      </ActionButton>
    </>
  )
}

/** The steps open to this staff member on this policy now, with refusals explained next to them. */
export function WorkflowActions({ state, me }: { state: StaffPolicyState; me: Me }) {
  const policy = state.policy.data
  if (!policy) return null
  const mine = policy.authorId === me.id
  const repealed = policy.validity === 'repealed'
  if (state.deleted) {
    return (
      <Card title='操作'>
        <Notice tone='success' action={{ label: '返回政策列表', onClick: goBack }}>
          草稿《{policy.title}》已删除。
        </Notice>
      </Card>
    )
  }
  return (
    <Card title='操作'>
      {state.done && <Notice tone='success'>{DONE_MESSAGES[state.done]}</Notice>}
      {state.refusal && <Notice tone='error'>{state.refusal}</Notice>}

      {policy.workflow === 'draft' &&
        (mine ? (
          <>
            <ActionButton variant='secondary' onClick={() => openPage(staffEditUrl({ id: policy.id }))}>
              修改草稿
            </ActionButton>
            <Paragraph muted>
              确认下面的预览无误后，提交给另一位工作人员审核。提交后不能再修改，除非您撤回或审核人退回。
            </Paragraph>
            <ActionButton size='key' busy={state.pending} busyText='正在提交…' onClick={() => void state.run('submit')}>
              提交审核
            </ActionButton>
          </>
        ) : (
          <Paragraph>这份草稿由{policy.authorName}起草，只有起草人可以修改和提交审核。</Paragraph>
        ))}
      {mayDelete(policy, me) && (
        <AskFirst
          trigger='删除草稿'
          question={`删除后，草稿《${policy.title}》就没有了，不能恢复。确定删除吗？`}
          confirm='确定删除'
          danger
          busy={state.pending}
          onConfirm={() => void state.remove()}
        />
      )}

      {policy.workflow === 'pending' && (
        <>
          {mine ? (
            // The author is not offered approval at all (the server still refuses it: 403 SELF_APPROVAL).
            <Notice>{AUTHOR_CANNOT_APPROVE}</Notice>
          ) : (
            <AskFirst
              trigger='审核通过并发布'
              question='发布后，居民马上就能查到这份政策。请确认下面的预览内容无误。确定发布吗？'
              confirm='确定发布'
              busy={state.pending}
              onConfirm={() => void state.run('approve')}
            />
          )}
          <AskFirst
            {...(mine ? WITHDRAW : SEND_BACK)}
            danger
            busy={state.pending}
            onConfirm={(note) => void state.run('sendBack', note)}
          />
        </>
      )}

      {policy.workflow === 'published' && (
        <>
          <ActionButton variant='secondary' onClick={() => openPage(policyUrl(policy.id))}>
            打开居民看到的页面
          </ActionButton>
          {!repealed && policy.validity !== 'superseded' && (
            <>
              <ActionButton variant='secondary' onClick={() => openPage(staffEditUrl({ supersedes: policy.id }))}>
                起草新版本替代它
              </ActionButton>
              <AskFirst
                trigger='废止这份政策'
                question='废止后，这份政策不再执行；居民仍能查阅，但会看到“已废止”。此操作不能撤销。确定废止吗？'
                confirm='确定废止'
                danger
                note={{ label: '废止原因（可不填）' }}
                busy={state.pending}
                onConfirm={(reason) => void state.run('repeal', reason)}
              />
            </>
          )}
        </>
      )}
    </Card>
  )
}
