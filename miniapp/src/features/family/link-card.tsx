import type { Relation } from '@veterans/shared'
import { RELATIONS } from '@veterans/shared/topics'
import { useState } from 'react'
import { ActionButton, Card, ChoiceGroup, Notice, Paragraph, TextField } from '../../components'
import { linkCardWords } from './link-words'
import type { useFamilyLinks } from './use-family'

const RELATION_OPTIONS = (Object.keys(RELATIONS) as Relation[]).map((value) => ({ value, label: RELATIONS[value] }))

/** A family member enters the veteran's invite code and says how they are related. */
export function LinkCard({
  links,
  initialCode,
  readerIsVeteran
}: {
  links: ReturnType<typeof useFamilyLinks>
  initialCode?: string
  readerIsVeteran: boolean
}) {
  const [code, setCode] = useState(initialCode ?? '')
  const [relation, setRelation] = useState<Relation | ''>('')
  const [linked, setLinked] = useState(false)
  const words = linkCardWords(readerIsVeteran)
  return (
    <Card title={words.title}>
      <Paragraph>{words.steps}</Paragraph>
      <TextField
        label='邀请码'
        hint='8 位字母或数字'
        value={code}
        onChange={(value) => {
          setCode(value)
          setLinked(false)
        }}
        kind='code'
        maxLength={12}
        error={links.codeError}
      />
      <ChoiceGroup
        label='您是他的'
        options={RELATION_OPTIONS}
        value={relation}
        onChange={setRelation}
        error={links.relationError}
      />
      {links.linkError && <Notice tone='error'>{links.linkError}</Notice>}
      {linked && <Notice tone='success'>关联成功！</Notice>}
      <ActionButton
        size='key'
        busy={links.linking}
        busyText='正在关联…'
        onClick={() =>
          void links.submitLink(code, relation).then((ok) => {
            if (!ok) return
            setLinked(true)
            setCode('')
            setRelation('')
          })
        }
      >
        确认关联
      </ActionButton>
    </Card>
  )
}
