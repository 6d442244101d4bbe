import type { Me } from '@veterans/shared'
import Taro from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { ActionButton, Card, ConfirmInline, Notice, Paragraph } from '../../components'
import { openPage } from '../../shell/navigation'
import { Dialog } from '../staff-messaging/dialog'
import { formatCount, recipientCountLine } from './notice-words'
import { staffNoticeEditUrl, staffNoticesUrl } from './paths'
import type { StaffNoticeState } from './use-staff-notice'

const DONE_MESSAGES = {
  submit: '已提交审核。请另一位工作人员或管理员打开这条通知，审核通过后再发送。',
  approve: '已审核通过。现在可以发送了。',
  send: '已开始发送。收件人会陆续在小程序“消息”里看到，下面的数字会自动更新。',
  remove: '草稿已删除。'
} as const

/** The two-person rule, said to the author of a city-wide notice waiting for approval. */
const AUTHOR_CANNOT_APPROVE =
  '您是这条通知的起草人，不能审核自己起草的通知。发给全市的通知，要由另一位工作人员或管理员登录工作台，在“通知推送”的“待审核”里打开它，审核通过后才能发送。'

/**
 * 发送: a dialog that states how many people will receive it (counted again as it opens) and asks once more. Esc and
 * 先不发送 close it; the same send retried after a lost answer carries the same key (use-staff-notice.ts).
 */
function SendDialog({ state, open, onClose }: { state: StaffNoticeState; open: boolean; onClose: () => void }) {
  const preview = state.preview
  const reloadPreview = preview.reload
  useEffect(() => {
    if (open) void reloadPreview()
  }, [open, reloadPreview])
  // Sent: the dialog has done its work.
  useEffect(() => {
    if (state.done === 'send') onClose()
  }, [state.done, onClose])
  const count = preview.data?.count
  return (
    <Dialog title='确认发送' open={open} onClose={onClose}>
      {preview.loading && !preview.data ? (
        <Paragraph muted>正在计算收件人数…</Paragraph>
      ) : preview.data ? (
        <Paragraph strong>这条通知将发给{recipientCountLine(preview.data).replace(/^共/, '')}。</Paragraph>
      ) : (
        preview.error && <Notice tone='error'>没能算出收件人数：{preview.error.message}</Notice>
      )}
      <Paragraph>
        发送后，收件人马上能在小程序“消息”里看到，不能撤回。订阅了微信提醒的人还会收到一条微信消息（夜间 21:00 到次日
        8:00 的会在早上发出）。
      </Paragraph>
      {state.refusal && <Notice tone='error'>{state.refusal}</Notice>}
      <ActionButton
        size='key'
        busy={state.pending}
        busyText='正在发送…'
        disabled={!count}
        onClick={() => void state.run('send')}
      >
        {count ? `确定发送给 ${formatCount(count)} 人` : '没有收件人，不能发送'}
      </ActionButton>
      <ActionButton variant='secondary' onClick={onClose}>
        先不发送
      </ActionButton>
    </Dialog>
  )
}

/** The steps open to this staff member on this notice now, with refusals explained next to them. */
export function NoticeActions({ state, me }: { state: StaffNoticeState; me: Me }) {
  const notice = state.notice.data
  const [sending, setSending] = useState(false)
  useEffect(() => {
    if (state.done === 'remove') void Taro.redirectTo({ url: staffNoticesUrl })
  }, [state.done])
  if (!notice) return null
  const mine = notice.authorId === me.id
  const sendButton = (
    <ActionButton size='key' onClick={() => setSending(true)}>
      发送…
    </ActionButton>
  )

  return (
    <Card title='操作'>
      {state.done && <Notice tone='success'>{DONE_MESSAGES[state.done]}</Notice>}
      {state.refusal && !sending && <Notice tone='error'>{state.refusal}</Notice>}

      {notice.status === 'draft' &&
        (mine ? (
          <>
            <ActionButton variant='secondary' onClick={() => openPage(staffNoticeEditUrl(notice.id))}>
              修改草稿
            </ActionButton>
            {notice.cityWide ? (
              <>
                <Paragraph muted>
                  这条通知发给全市，要由另一位工作人员审核通过后才能发送。确认下面的人数和预览无误后提交审核，提交后不能再修改。
                </Paragraph>
                <ActionButton
                  size='key'
                  busy={state.pending}
                  busyText='正在提交…'
                  onClick={() => void state.run('submit')}
                >
                  提交审核
                </ActionButton>
              </>
            ) : (
              <>
                <Paragraph muted>确认下面的人数和预览无误后发送。</Paragraph>
                {sendButton}
              </>
            )}
            <ConfirmInline
              trigger='删除草稿'
              question='删除后不能恢复。确定删除这份草稿吗？'
              confirm='确定删除'
              keep='不删除，保留草稿'
              busy={state.pending}
              busyText='正在删除…'
              onConfirm={() => void state.run('remove')}
            />
          </>
        ) : (
          <Paragraph>这份草稿由{notice.authorName}起草，只有起草人可以修改和发送。</Paragraph>
        ))}

      {notice.status === 'pending' &&
        (mine ? (
          <Notice>{AUTHOR_CANNOT_APPROVE}</Notice>
        ) : (
          <>
            <Paragraph muted>请核对下面的收件人数和预览。审核通过后，您或起草人就可以发送。</Paragraph>
            <ActionButton
              size='key'
              busy={state.pending}
              busyText='正在提交…'
              onClick={() => void state.run('approve')}
            >
              审核通过
            </ActionButton>
          </>
        ))}

      {notice.status === 'approved' && (
        <>
          <Paragraph muted>已由{notice.approverName ?? '另一位工作人员'}审核通过，可以发送。</Paragraph>
          {sendButton}
        </>
      )}

      <SendDialog state={state} open={sending} onClose={() => setSending(false)} />
    </Card>
  )
}
