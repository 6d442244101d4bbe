import type { Center, Topic } from '@veterans/shared'
import { TOPICS } from '@veterans/shared/topics'
import { useEffect, useState } from 'react'
import { policiesApi, referenceApi, useRequest } from '../../api'
import { ActionButton, Card, ChoiceGroup, Notice, Paragraph, TextField } from '../../components'
import { replacePage } from '../../shell/navigation'
import { useSession } from '../../shell/session/session-context'
import { HotlineCard } from '../reference/hotline-card'
import { MAX_BODY, MAX_SUBJECT } from './limits'
import { MessageField } from './message-field'
import { conversationUrl } from './pages'
import { PickedPhotos } from './photos'
import type { QuestionDraft } from './question-form'
import { useNewQuestion } from './use-new-question'
import { usePhotoPicker } from './use-photo-picker'
import './messaging.css'

const TOPIC_OPTIONS = (Object.keys(TOPICS) as Topic[]).map((code) => ({ value: code, label: TOPICS[code] }))

/** The center that answers unless the person picks another: their district's, as the server decides it. */
function defaultCenterOf(centers: readonly Center[], districtCode: string | undefined): Center | undefined {
  const district = districtCode
    ? centers.find((c) => c.level === 'district' && c.districtCode === districtCode)
    : undefined
  return district ?? centers.find((c) => c.level === 'city')
}

/** Which center answers: the default said plainly, with the choice of another on request. */
function CenterChoice({ value, onChange }: { value: string; onChange: (id: string) => void }) {
  const { me } = useSession()
  const [choosing, setChoosing] = useState(false)
  const centers = useRequest(() => referenceApi.centers(), 'centers', me !== null)
  const list = (centers.data?.items ?? []).filter((c) => c.level === 'city' || c.level === 'district')
  // A family member's question goes to their veteran's district, which only the server knows.
  const known = me?.veteran || me?.familyOf.length === 0 ? defaultCenterOf(list, me?.veteran?.districtCode) : undefined
  const chosen = list.find((c) => c.id === value)
  const answering = chosen?.name ?? known?.name ?? '您家人户籍所在区的服务中心'
  return (
    <>
      <Paragraph strong>答复的服务中心：{answering}</Paragraph>
      {!choosing && list.length > 0 && (
        <ActionButton variant='secondary' onClick={() => setChoosing(true)}>
          换一个服务中心
        </ActionButton>
      )}
      {choosing && (
        <ChoiceGroup
          label='由哪个服务中心答复'
          hint='一般选您户籍所在区的服务中心；不清楚就选市退役军人服务中心。'
          options={list.map((c) => ({ value: c.id, label: c.name }))}
          value={value || known?.id || ''}
          onChange={onChange}
        />
      )}
    </>
  )
}

/** The policy the question is about, named on the form (staff see it with the question). */
function AboutPolicy({ title, docNumber }: { title: string; docNumber: string }) {
  return (
    <Card title='您咨询的政策'>
      <Paragraph strong>《{title}》</Paragraph>
      <Paragraph muted>文号：{docNumber}</Paragraph>
      <Paragraph muted>工作人员会看到您问的是这份政策。</Paragraph>
    </Card>
  )
}

/**
 * 写信咨询: a new written question — topic, center, subject, text, up to four photos. From a policy, it is linked
 * to that policy; from a search that found nothing, it starts with the words searched for.
 */
export function NewQuestionView({ policyId, query }: { policyId?: string; query?: string }) {
  const picker = usePhotoPicker()
  const { submit, errors, clearError } = useNewQuestion(policyId, picker)
  const [draft, setDraft] = useState<QuestionDraft>({
    category: '',
    centerId: '',
    subject: query ? `想了解有关“${query}”的政策`.slice(0, MAX_SUBJECT) : '',
    body: ''
  })
  const set = <K extends keyof QuestionDraft>(key: K, value: QuestionDraft[K]) => {
    setDraft((d) => ({ ...d, [key]: value }))
    if (key !== 'centerId') clearError(key)
  }

  // Asked from a policy: its topic and title to start with (the person can change both).
  const policy = useRequest(() => policiesApi.get(policyId ?? ''), `ask-${policyId}`, !!policyId)
  useEffect(() => {
    const data = policy.data
    if (!data) return
    setDraft((d) => ({
      ...d,
      category: d.category || data.category,
      subject: d.subject || `关于《${data.title}》的咨询`.slice(0, MAX_SUBJECT)
    }))
  }, [policy.data])

  const send = async () => {
    const thread = await submit.run(draft)
    if (thread) replacePage(conversationUrl(thread.id, { justAsked: true }))
  }
  const hasErrors = Object.keys(errors).length > 0
  // Photos finished or removed: their notice goes.
  const photosSettled = !picker.uploading && !picker.failed
  useEffect(() => {
    if (photosSettled) clearError('photos')
  }, [photosSettled, clearError])

  return (
    <>
      <Notice>
        工作人员一般在 1 个工作日内书面答复（周末、节假日顺延），答复会出现在“消息”里。急事请直接拨打下面的服务热线。
      </Notice>
      {policy.data && <AboutPolicy title={policy.data.title} docNumber={policy.data.docNumber} />}
      {policy.error && <Notice tone='error'>没能读取这份政策：{policy.error.message}。您仍然可以写下问题。</Notice>}
      {query && (
        <Card title='您在找的政策'>
          <Paragraph>您搜索了“{query}”，没有找到合适的政策。写下您的情况，工作人员会帮您查找适用的政策。</Paragraph>
        </Card>
      )}
      <Card title='写下您的问题'>
        <ChoiceGroup
          label='问题类别'
          options={TOPIC_OPTIONS}
          value={draft.category}
          onChange={(v) => set('category', v)}
          error={errors.category}
        />
        <CenterChoice value={draft.centerId} onChange={(id) => set('centerId', id)} />
        <TextField
          label='标题'
          hint='一句话说明想问什么'
          value={draft.subject}
          onChange={(v) => set('subject', v)}
          maxLength={MAX_SUBJECT}
          error={errors.subject}
        />
        <MessageField
          label='内容'
          hint='写清楚您的情况和想问的事情'
          value={draft.body}
          onChange={(v) => set('body', v)}
          maxLength={MAX_BODY}
          error={errors.body}
        />
        <PickedPhotos picker={picker} />
        {errors.photos && <Notice tone='error'>{errors.photos}</Notice>}
        {hasErrors && !errors.photos && <Notice tone='error'>还有没填好的地方，请按红字提示修改。</Notice>}
        {submit.error && (
          <Notice tone='error'>没能提交：{submit.error.message}。请检查网络后再点一次“提交咨询”，不会重复提交。</Notice>
        )}
        <ActionButton size='key' busy={submit.pending} busyText='正在提交…' onClick={() => void send()}>
          提交咨询
        </ActionButton>
      </Card>
      <HotlineCard />
    </>
  )
}
