import type { StaffPolicyListItem } from '@veterans/shared'
import { Text, View } from '@tarojs/components'
import { useDidShow } from '@tarojs/taro'
import { useRef, useState } from 'react'
import { staffPoliciesApi } from '../../api'
import { ActionButton, Card, Notice, Paragraph } from '../../components'
import { formatDateTime } from '../../lib/format'
import { openPage } from '../../shell/navigation'
import { ChipGroup } from '../policies/chip-group'
import { staffEditUrl, staffPolicyUrl } from '../policies/paths'
import { PolicyCardList } from '../policies/policy-card'
import { SearchBox } from '../policies/search-box'
import { LevelTag, ValidityTag } from '../policies/tags'
import { usePaged } from '../policies/use-paged'
import { STAFF_LIST_STATES, WORKFLOW_LABELS, type StaffListState } from './labels'
import { staffListQuery } from './list-query'
import '../policies/policies.css'

const EMPTY: Record<StaffListState, string> = {
  draft: '没有草稿。',
  pending: '没有等待审核的政策。',
  published: '没有已发布的政策。',
  repealed: '没有已废止的政策。'
}

function StaffPolicyRow({ policy }: { policy: StaffPolicyListItem }) {
  const url = staffPolicyUrl(policy.id)
  const meta = `${WORKFLOW_LABELS[policy.workflow]} · 起草人 ${policy.authorName} · 修改于 ${formatDateTime(policy.updatedAt)}`
  if (process.env.TARO_ENV === 'h5') {
    return (
      <li className='card result'>
        <h3 className='result__title'>
          <a className='result__link' href={url} onClick={(event) => (event.preventDefault(), openPage(url))}>
            {policy.title}
          </a>
        </h3>
        <p className='result__meta'>{policy.docNumber}</p>
        <p className='result__meta'>{meta}</p>
        {policy.workflow === 'published' && (
          <div className='result__badges'>
            <ValidityTag validity={policy.validity} />
            <LevelTag level={policy.level} />
          </div>
        )}
      </li>
    )
  }
  return (
    <View className='card result' ariaRole='link' ariaLabel={`${policy.title}，${meta}`} onClick={() => openPage(url)}>
      <Text className='result__title'>{policy.title}</Text>
      <Text className='result__meta'>{policy.docNumber}</Text>
      <Text className='result__meta'>{meta}</Text>
    </View>
  )
}

/** 政策发布: policies by workflow state, newest edits first, with search and 加载更多; and the way to draft a new one. */
export function StaffPolicyList() {
  const [state, setState] = useState<StaffListState>('pending')
  const [text, setText] = useState('')
  const [q, setQ] = useState('')
  const query = staffListQuery(state, q)
  const list = usePaged((offset) => staffPoliciesApi.list({ ...query, offset }), JSON.stringify(query))
  // Only the list asked for now, never the previous state's list under the new state's heading and count.
  const data = list.current ? list.data : undefined
  // Back from a policy (deleted, submitted, approved there): the list shows where things stand now.
  const shown = useRef(false)
  useDidShow(() => {
    if (shown.current) void list.reload()
    shown.current = true
  })

  return (
    <>
      <View className='staff-tools'>
        <ActionButton size='key' onClick={() => openPage(staffEditUrl({}))}>
          起草新政策
        </ActionButton>
        <ChipGroup label='按状态查看' options={STAFF_LIST_STATES} value={state} onChange={setState} />
        <SearchBox
          value={text}
          onChange={setText}
          onSubmit={(value) => setQ(value.trim())}
          onClear={() => (setText(''), setQ(''))}
        />
      </View>
      {list.error && (
        <>
          <Notice tone='error'>没能读取政策：{list.error.message}</Notice>
          <ActionButton variant='secondary' onClick={() => void list.reload()}>
            重试
          </ActionButton>
        </>
      )}
      {list.loading && <Paragraph muted>正在读取…</Paragraph>}
      {data && (
        <Card plain title={`${STAFF_LIST_STATES.find((s) => s.value === state)!.label}（${data.total} 份）`}>
          {data.items.length === 0 ? (
            <Paragraph muted>{EMPTY[state]}</Paragraph>
          ) : (
            <PolicyCardList>
              {data.items.map((policy) => (
                <StaffPolicyRow key={policy.id} policy={policy} />
              ))}
            </PolicyCardList>
          )}
        </Card>
      )}
      {list.loadMore.error && <Notice tone='error'>没能加载更多：{list.loadMore.error.message}</Notice>}
      {data && list.hasMore && (
        <ActionButton variant='secondary' busy={list.loadMore.pending} onClick={() => void list.loadMore.run()}>
          {`加载更多（已显示 ${data.items.length} 份，共 ${data.total} 份）`}
        </ActionButton>
      )}
    </>
  )
}
