import { ActionButton, Notice, Paragraph } from '../../components'
import { openPage, PAGES } from '../../shell/navigation'
import { NoticeView } from './notice-view'
import { useNotice } from './use-notice'

/** A notice on its own page: read from the server, marked read as it opens; its linked policy opens the policy. */
export function NoticeScreen({ noticeId }: { noticeId: string }) {
  const notice = useNotice(noticeId)
  if (!noticeId || notice.error?.code === 'NOT_FOUND')
    return (
      <>
        <Notice tone='error'>没有找到这条通知。它可能不是发给您的，或者已被撤回。</Notice>
        <ActionButton variant='secondary' onClick={() => openPage(PAGES.messages)}>
          回到消息
        </ActionButton>
      </>
    )
  if (notice.error && !notice.data)
    return (
      <>
        <Notice tone='error'>没能读取这条通知：{notice.error.message}</Notice>
        <ActionButton variant='secondary' onClick={() => void notice.reload()}>
          重试
        </ActionButton>
      </>
    )
  if (!notice.data) return <Paragraph muted>正在读取通知…</Paragraph>
  return <NoticeView notice={notice.data} />
}
