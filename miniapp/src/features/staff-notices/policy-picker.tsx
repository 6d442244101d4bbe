import type { StaffPolicyListItem } from '@veterans/shared'
import { useState } from 'react'
import { staffPoliciesApi, useAction } from '../../api'
import { ActionButton, Notice, Paragraph, TextField } from '../../components'
import { EnterSubmits } from './enter-submits'
import type { PolicyChoice } from './notice-form-state'

/**
 * One published policy in force, found by a word of its title or its document number: the policy a notice links to,
 * or the one whose eligibility picks its veterans. Enter in the search field searches.
 */
export function PublishedPolicyPicker(props: {
  label: string
  chosenLabel: string
  value: PolicyChoice | null
  onChange: (value: PolicyChoice | null) => void
  clearText: string
  error?: string
}) {
  const { label, chosenLabel, value, onChange, clearText, error } = props
  const [q, setQ] = useState('')
  const find = useAction((text: string) =>
    staffPoliciesApi.list({ q: text, workflow: 'published', validity: 'in_force', limit: 5 })
  )
  const [found, setFound] = useState<StaffPolicyListItem[] | null>(null)
  const search = () => {
    if (!q.trim()) return
    void find.run(q.trim()).then((result) => result && setFound(result.items))
  }

  if (value) {
    return (
      <>
        <Paragraph>{chosenLabel}</Paragraph>
        <Paragraph strong>《{value.title}》</Paragraph>
        {error && <Notice tone='error'>{error}</Notice>}
        <ActionButton variant='secondary' onClick={() => (onChange(null), setFound(null))}>
          {clearText}
        </ActionButton>
      </>
    )
  }
  return (
    <EnterSubmits onSubmit={search}>
      <TextField
        label={label}
        hint='输入标题里的词或文号，按 Enter 查找'
        value={q}
        onChange={setQ}
        maxLength={100}
        error={error}
      />
      <ActionButton variant='secondary' busy={find.pending} busyText='正在查找…' onClick={search} disabled={!q.trim()}>
        查找政策
      </ActionButton>
      {find.error && <Notice tone='error'>没能查找政策：{find.error.message}</Notice>}
      {found && found.length === 0 && <Paragraph muted>没有找到现行有效的政策，换个词试试。</Paragraph>}
      {found?.map((policy) => (
        <ActionButton
          key={policy.id}
          variant='plain'
          label={`选择政策：${policy.title}`}
          onClick={() => onChange({ id: policy.id, title: policy.title })}
        >
          {`选这份：《${policy.title}》${policy.docNumber}`}
        </ActionButton>
      ))}
    </EnterSubmits>
  )
}
