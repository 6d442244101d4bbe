import { useState } from 'react'
import { staffPoliciesApi, useAction } from '../../api'
import { ActionButton, Notice, Paragraph, TextField } from '../../components'
import type { PolicyForm } from './policy-form-state'

/**
 * Which published policy this one replaces (optional). When this one is approved the old one is marked superseded
 * from this one's start date and links to it. Found by title or document number among policies in force.
 */
export function SupersedePicker(props: {
  value: PolicyForm['supersedes']
  onChange: (value: PolicyForm['supersedes']) => void
  error?: string
}) {
  const { value, onChange, error } = props
  const [q, setQ] = useState('')
  const find = useAction((text: string) =>
    staffPoliciesApi.list({ q: text, workflow: 'published', validity: 'in_force', limit: 5 })
  )
  const [found, setFound] = useState<Awaited<ReturnType<typeof staffPoliciesApi.list>>['items'] | null>(null)

  if (value) {
    return (
      <>
        <Paragraph>本政策发布后，将替代：</Paragraph>
        <Paragraph strong>
          《{value.title}》{value.docNumber}
        </Paragraph>
        {error && <Notice tone='error'>{error}</Notice>}
        <ActionButton variant='secondary' onClick={() => onChange(null)}>
          不替代旧政策
        </ActionButton>
      </>
    )
  }
  return (
    <>
      <Paragraph muted>
        如果这是某份现行政策的新版本，找到旧政策并选中它；发布后旧政策会标为“已被替代”，并指向本政策。
      </Paragraph>
      <TextField
        label='查找要替代的政策'
        hint='输入标题里的词或文号'
        value={q}
        onChange={setQ}
        maxLength={100}
        error={error}
      />
      <ActionButton
        variant='secondary'
        busy={find.pending}
        onClick={() => void find.run(q.trim()).then((result) => result && setFound(result.items))}
        disabled={!q.trim()}
      >
        查找
      </ActionButton>
      {find.error && <Notice tone='error'>{find.error.message}</Notice>}
      {found && found.length === 0 && <Paragraph muted>没有找到现行有效的政策，换个词试试。</Paragraph>}
      {found?.map((policy) => (
        <ActionButton
          key={policy.id}
          variant='plain'
          onClick={() => onChange({ id: policy.id, title: policy.title, docNumber: policy.docNumber })}
        >
          {`选这份：《${policy.title}》${policy.docNumber}`}
        </ActionButton>
      ))}
    </>
  )
}
