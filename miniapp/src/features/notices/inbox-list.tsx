import type { InboxEntry } from '@veterans/shared'
import { beijingToday } from '@veterans/shared/rules'
import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import { a11y, ActionButton, Card, Notice, Paragraph, useOpenPage } from '../../components'
import { momentText } from '../booking/dates'
import { entryKey, entryLabel, entrySpokenName, entryTarget } from './inbox-entries'
import type { useInbox } from './use-inbox'
import '../booking/booking.css'
import './notices.css'

const isH5 = process.env.TARO_ENV === 'h5'

function Span({ className, hidden, children }: { className: string; hidden?: boolean; children?: ReactNode }) {
  if (isH5)
    return (
      <span className={className} aria-hidden={hidden ? 'true' : undefined}>
        {children}
      </span>
    )
  return (
    <Text className={className} {...a11y(undefined, undefined, { hidden })}>
      {children}
    </Text>
  )
}

/** One entry: unread ones with a dot and a bold title (and "未读" said to screen readers); the whole entry is the tap target. */
function EntryRow({ entry, today, onOpen }: { entry: InboxEntry; today: string; onOpen: (entry: InboxEntry) => void }) {
  const openPage = useOpenPage()
  const url = entryTarget(entry)
  const when = momentText(entry.at, today)
  const className = `inbox-entry${entry.read ? '' : ' inbox-entry--unread'}${url ? ' inbox-entry--link' : ''}`
  const content = (
    <>
      <Span className='inbox-entry__head'>
        {!entry.read && <Span className='inbox-entry__dot' hidden />}
        {!entry.read && isH5 && <span className='sr-only'>未读，</span>}
        <Span className={`pill inbox-entry__kind inbox-entry__kind--${entry.kind}`}>{entryLabel(entry)}</Span>
        <Span className='inbox-entry__title'>{entry.title}</Span>
      </Span>
      {entry.summary && <Span className='inbox-entry__summary'>{entry.summary}</Span>}
      <Span className='inbox-entry__time'>{when}</Span>
    </>
  )
  const open = () => {
    onOpen(entry)
    if (url) openPage(url)
  }
  if (isH5) {
    if (!url) return <div className={className}>{content}</div>
    return (
      <a
        className={className}
        href={url}
        onClick={(event) => {
          event.preventDefault()
          open()
        }}
      >
        {content}
      </a>
    )
  }
  return (
    <View
      className={className}
      hoverClass={url ? 'inbox-entry--pressed' : 'none'}
      ariaRole={url ? 'link' : undefined}
      ariaLabel={entrySpokenName(entry, when)}
      onClick={open}
    >
      {content}
    </View>
  )
}

/**
 * 通知: notices and notifications in one list, newest first. Tapping opens the notice, or what a notification is
 * about (a booking, a conversation …) and marks it read; an entry with nowhere to go is marked read by its button.
 */
export function InboxCard({ inbox }: { inbox: ReturnType<typeof useInbox> }) {
  const { first, items, unreadCount, nextCursor, opened, markRead, markAllRead, loadMore } = inbox
  const today = beijingToday()
  const error = markRead.error ?? markAllRead.error
  return (
    <Card title='通知'>
      {first.loading && !first.data && <Paragraph muted>正在读取通知…</Paragraph>}
      {first.error && !first.data && <Notice tone='error'>没能读取通知：{first.error.message}</Notice>}
      {first.data && items.length === 0 && (
        <Paragraph muted>还没有通知。政策通知、预约结果、候补成功、时段变动等会在这里告诉您。</Paragraph>
      )}
      {first.data && items.length > 0 && (
        <>
          <Paragraph strong>{unreadCount > 0 ? `有 ${unreadCount} 条未读通知` : '通知都已读过'}</Paragraph>
          {unreadCount > 0 && (
            <ActionButton
              variant='secondary'
              busy={markAllRead.pending}
              busyText='正在标记…'
              onClick={() => void markAllRead.run()}
            >
              全部标为已读
            </ActionButton>
          )}
        </>
      )}
      {error && <Notice tone='error'>{error.message}</Notice>}
      {items.length > 0 && (
        <View className='list inbox' {...a11y('list', '通知列表')}>
          {items.map((entry) => (
            <View key={entryKey(entry)} className='inbox__item' {...a11y('listitem')}>
              <EntryRow entry={entry} today={today} onOpen={opened} />
              {!entry.read && !entryTarget(entry) && (
                <ActionButton
                  variant='plain'
                  label={`标为已读：${entry.title}`}
                  onClick={() => void markRead.run(entry)}
                >
                  标为已读
                </ActionButton>
              )}
            </View>
          ))}
        </View>
      )}
      {loadMore.error && <Notice tone='error'>{loadMore.error.message}</Notice>}
      {nextCursor && (
        <ActionButton
          variant='secondary'
          busy={loadMore.pending}
          busyText='正在读取…'
          onClick={() => void loadMore.run()}
        >
          查看更早的通知
        </ActionButton>
      )}
    </Card>
  )
}
