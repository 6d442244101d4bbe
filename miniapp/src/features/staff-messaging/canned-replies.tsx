import type { CannedReply } from '@veterans/shared'
import { View } from '@tarojs/components'
import { useState } from 'react'
import { staffMessagingApi, useAction, useRequest } from '../../api'
import { ActionButton, Notice, Paragraph, TextField } from '../../components'
import { fieldsOrMessage } from '../staff-booking/messages'
import { Dialog } from './dialog'
import { ReplyBox } from './reply-box'

/**
 * 常用回复: the team's canned replies (shared by every staff member). Picking one puts its text into the reply box,
 * to be adapted before sending; a new one can be added here, starting from what is in the reply box.
 */
export function CannedReplies({
  open,
  onClose,
  onPick,
  draft
}: {
  open: boolean
  onClose: () => void
  onPick: (reply: CannedReply) => void
  draft: string
}) {
  const list = useRequest(() => staffMessagingApi.cannedReplies(), 'canned-replies', open)
  const [adding, setAdding] = useState(false)
  const [title, setTitle] = useState('')
  const [body, setBody] = useState('')
  const [problems, setProblems] = useState<{ title?: string; body?: string }>({})
  const create = useAction(async () => {
    const created = await staffMessagingApi.createCannedReply({ title: title.trim(), body: body.trim() })
    if (list.data)
      list.setData({ items: [...list.data.items, created].sort((a, b) => a.title.localeCompare(b.title, 'zh-CN')) })
    setAdding(false)
    setTitle('')
    setBody('')
    return created
  })
  const startAdding = () => {
    setBody(draft.trim())
    setAdding(true)
  }
  const save = () => {
    const next = { title: title.trim() ? undefined : '请填写标题', body: body.trim() ? undefined : '请填写回复内容' }
    setProblems(next)
    if (!next.title && !next.body) void create.run()
  }

  return (
    <Dialog title='常用回复' open={open} onClose={onClose}>
      {list.loading && !list.data && <Paragraph muted>正在读取…</Paragraph>}
      {list.error && <Notice tone='error'>没能读取常用回复：{list.error.message}</Notice>}
      {list.data && list.data.items.length === 0 && <Paragraph muted>还没有常用回复，可以在下面添加。</Paragraph>}
      {list.data && list.data.items.length > 0 && (
        <View className='canned-list'>
          {list.data.items.map((reply) => (
            <View className='canned-list__item' key={reply.id}>
              <Paragraph strong>{reply.title}</Paragraph>
              <Paragraph muted small>
                {reply.body}
              </Paragraph>
              <ActionButton
                variant='secondary'
                inline
                label={`插入常用回复：${reply.title}`}
                onClick={() => onPick(reply)}
              >
                插入
              </ActionButton>
            </View>
          ))}
        </View>
      )}
      {!adding ? (
        <ActionButton variant='secondary' onClick={startAdding}>
          新建常用回复
        </ActionButton>
      ) : (
        <View className='canned-new'>
          <TextField
            label='标题'
            hint='全中心共用，用一两个词说明用途'
            value={title}
            onChange={setTitle}
            maxLength={50}
            error={problems.title}
          />
          <ReplyBox
            label='常用回复内容'
            value={body}
            onChange={setBody}
            onSubmit={save}
            internal={false}
            error={problems.body}
          />
          {create.error && <Notice tone='error'>{fieldsOrMessage(create.error)}</Notice>}
          <ActionButton busy={create.pending} busyText='正在保存…' onClick={save}>
            保存常用回复
          </ActionButton>
          <ActionButton variant='secondary' onClick={() => setAdding(false)}>
            先不新建
          </ActionButton>
        </View>
      )}
    </Dialog>
  )
}
