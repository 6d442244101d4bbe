import type { PolicyListItem } from '@veterans/shared'
import { View } from '@tarojs/components'
import { useState } from 'react'
import { policiesApi, useAction } from '../../api'
import { ActionButton, Notice, Paragraph, TextField } from '../../components'
import { policyUrl } from '../policies/paths'
import { Dialog } from './dialog'
import { policyLinkText } from './queue-rules'

/** 插入政策链接: search the published policies and put one's title, number and where to read it into the reply. */
export function PolicyLinkPicker({
  open,
  onClose,
  onPick,
  initialQuery
}: {
  open: boolean
  onClose: () => void
  onPick: (text: string) => void
  initialQuery?: string
}) {
  const [q, setQ] = useState(initialQuery ?? '')
  const search = useAction(
    async (text: string) => (await policiesApi.search({ q: text.trim() || undefined, limit: 10 })).items
  )
  const [results, setResults] = useState<PolicyListItem[] | undefined>(undefined)
  const run = async () => {
    const found = await search.run(q)
    if (found) setResults(found)
  }
  const field = <TextField label='搜索政策' hint='标题、文号或关键词' value={q} onChange={setQ} maxLength={200} />
  return (
    <Dialog title='插入政策链接' open={open} onClose={onClose}>
      {process.env.TARO_ENV === 'h5' ? (
        // A form of one field: Enter searches.
        <form
          role='search'
          onSubmit={(event) => {
            event.preventDefault()
            void run()
          }}
        >
          {field}
        </form>
      ) : (
        field
      )}
      <ActionButton variant='secondary' busy={search.pending} busyText='正在搜索…' onClick={() => void run()}>
        搜索
      </ActionButton>
      {search.error && <Notice tone='error'>没能搜索政策：{search.error.message}</Notice>}
      {results && results.length === 0 && <Paragraph muted>没有找到，换个词试试。</Paragraph>}
      {results && results.length > 0 && (
        <View className='canned-list'>
          {results.map((policy) => (
            <View className='canned-list__item' key={policy.id}>
              <Paragraph strong>{policy.title}</Paragraph>
              {policy.docNumber && (
                <Paragraph muted small>
                  {policy.docNumber}
                </Paragraph>
              )}
              <ActionButton
                variant='secondary'
                inline
                label={`插入政策链接：${policy.title}`}
                onClick={() => onPick(policyLinkText(policy, policyUrl(policy.id)))}
              >
                插入
              </ActionButton>
            </View>
          ))}
        </View>
      )}
    </Dialog>
  )
}
