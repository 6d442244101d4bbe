import type { Notice } from '@veterans/shared'
import { Text, View } from '@tarojs/components'
import { Card, Heading, Paragraph, useOpenPage } from '../../components'
import { MarkdownView } from '../../components/markdown/markdown-view'
import { formatDateTime } from '../../lib/format'
import { policyUrl } from '../policies/paths'
import './notices.css'

/** A piece of a line that wraps as one word (inline-block): it breaks inside only when longer than a line. */
function Part({ children }: { children: string }) {
  if (process.env.TARO_ENV === 'h5') return <span className='notice-view__part'>{children}</span>
  return <Text className='notice-view__part'>{children}</Text>
}

export type NoticeViewProps = {
  notice: Pick<Notice, 'title' | 'body' | 'sentAt' | 'senderName' | 'policyId' | 'policyTitle'>
  /** Opens the linked policy; without it the card opens the policy page itself. */
  onOpenPolicy?: (id: string) => void
}

/**
 * A notice as the phone shows it (under the page's own 通知 title): its title, who sent it and when, the body through the same safe Markdown renderer as
 * policies, and the linked policy as a card to open. The staff composer's preview renders exactly this.
 */
export function NoticeView({ notice, onOpenPolicy }: NoticeViewProps) {
  const openPage = useOpenPage()
  const { policyId } = notice
  const openPolicy = policyId
    ? () => (onOpenPolicy ? onOpenPolicy(policyId) : openPage(policyUrl(policyId)))
    : undefined
  const sent = Number.isNaN(Date.parse(notice.sentAt)) ? '' : formatDateTime(notice.sentAt)
  return (
    <View className='notice-view'>
      <Card>
        <Heading level={2}>{notice.title}</Heading>
        <Paragraph muted small>
          {/* Who and when each move to the next line whole: not "服务中 / 心" nor "2026年12 / 月5日". */}
          <Part>{notice.senderName}</Part>
          {sent && (
            <>
              {' · '}
              <Part>{sent}</Part>
            </>
          )}
        </Paragraph>
        <MarkdownView markdown={notice.body} topHeading={3} />
      </Card>
      {policyId && openPolicy && (
        <PolicyLinkCard title={notice.policyTitle ?? '相关政策'} url={policyUrl(policyId)} onOpen={openPolicy} />
      )}
    </View>
  )
}

/** The linked policy: the whole card is the tap target (a real link in the browser). */
function PolicyLinkCard({ title, url, onOpen }: { title: string; url: string; onOpen: () => void }) {
  if (process.env.TARO_ENV === 'h5') {
    return (
      <a
        className='card notice-policy'
        href={url}
        onClick={(event) => {
          event.preventDefault()
          onOpen()
        }}
      >
        <span className='notice-policy__label'>相关政策</span>
        <span className='notice-policy__title'>{title}</span>
        <span className='notice-policy__action'>查看政策全文 ›</span>
      </a>
    )
  }
  return (
    <View
      className='card notice-policy'
      hoverClass='notice-policy--pressed'
      ariaRole='link'
      ariaLabel={`相关政策：${title}，查看政策全文`}
      onClick={onOpen}
    >
      <Text className='notice-policy__label'>相关政策</Text>
      <Text className='notice-policy__title'>{title}</Text>
      <Text className='notice-policy__action'>查看政策全文 ›</Text>
    </View>
  )
}
