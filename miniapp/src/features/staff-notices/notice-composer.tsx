import type { Me } from '@veterans/shared'
import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { ActionButton, Notice, Paragraph } from '../../components'
import { LoadFailedNotice } from '../staff/dead-end-notices'
import { EnterSubmits } from './enter-submits'
import { NoticeFormView } from './notice-form'
import { staffNoticeUrl } from './paths'
import { PhonePreview } from './phone-preview'
import { RecipientCount } from './recipient-count'
import { useNoticeForm } from './use-notice-form'
import './staff-notices.css'

/** Who the phone says sent it: the staff member's center (the server never shows a staff member's own name). */
const senderOf = (me: Me) => me.center?.name ?? 'M市退役军人事务局'

/**
 * 新建通知 / 修改草稿: the fields on the left and, beside them at a desk (below them on a phone), the recipient count
 * and the notice as a phone shows it. The draft saves itself as the staff member works; 下一步 opens the notice's
 * page, where it is checked once more and sent (or submitted for approval).
 */
export function NoticeComposer({ id, me }: { id?: string; me: Me }) {
  const state = useNoticeForm({ id, me })
  const [previewAt] = useState(() => new Date().toISOString())
  const source = state.source.data
  const cityWide = state.place.scope?.fixed === false && state.form.everyDistrict
  const locked = source && (source.status !== 'draft' || source.authorId !== me.id)

  const next = async () => {
    const savedId = await state.save(true)
    if (!savedId) return
    if (id && Taro.getCurrentPages().length > 1) void Taro.navigateBack()
    else void Taro.redirectTo({ url: staffNoticeUrl(savedId) })
  }

  if (state.source.loading || (id && !source && !state.source.error)) return <Paragraph muted>正在读取…</Paragraph>
  if (state.source.error) {
    return (
      <LoadFailedNotice
        error={state.source.error}
        notFound='没有找到这条通知。'
        retry={() => void state.source.reload()}
      />
    )
  }
  if (locked) {
    return (
      <Notice>
        {source.status !== 'draft'
          ? '这条通知已经提交审核或发送，不能再修改。'
          : `这份草稿由${source.authorName}起草，只有起草人可以修改。`}
      </Notice>
    )
  }

  const fields = (
    <View className='composer__fields'>
      <EnterSubmits onSubmit={() => void state.save(true)}>
        <NoticeFormView state={state} />
      </EnterSubmits>
      {state.problems.length > 0 && (
        <Notice tone='error'>
          <View>有 {state.problems.length} 处需要修改：</View>
          {state.problems.map((problem) => (
            <View key={problem}>· {problem}</View>
          ))}
        </Notice>
      )}
      {state.formError && <Notice tone='error'>{state.formError}</Notice>}
      <View className='composer__actions'>
        <ActionButton
          variant='secondary'
          busy={state.saveState === 'saving'}
          busyText='正在保存…'
          disabled={!state.ready}
          onClick={() => void state.save(true)}
        >
          保存草稿
        </ActionButton>
        <ActionButton size='key' disabled={!state.ready} onClick={() => void next()}>
          {cityWide ? '下一步：核对并提交审核' : '下一步：核对并发送'}
        </ActionButton>
      </View>
      <Paragraph muted small>
        在标题等输入框里按 Enter 也会保存草稿。下一步会再显示一次收件人数和预览，确认后才发送。
      </Paragraph>
    </View>
  )

  return (
    <View className='composer'>
      {fields}
      <View className='composer__side'>
        <RecipientCount
          preview={state.preview}
          error={state.previewError}
          saveState={state.saveState}
          savedAt={state.savedAt}
          complete={state.complete}
          hasDraft={!!state.savedId}
        />
        <PhonePreview
          notice={{
            title: state.form.title,
            body: state.form.body,
            sentAt: previewAt,
            senderName: senderOf(me),
            ...(state.form.policy ? { policyId: state.form.policy.id, policyTitle: state.form.policy.title } : {})
          }}
        />
      </View>
    </View>
  )
}
