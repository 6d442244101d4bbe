import type { NoticeStatus, StaffNoticeSummary } from '@veterans/shared'
import { Text, View } from '@tarojs/components'
import { useDidShow } from '@tarojs/taro'
import { useRef, useState } from 'react'
import type { Me } from '@veterans/shared'
import { ActionButton, Card, Notice, Paragraph } from '../../components'
import { formatDateTime } from '../../lib/format'
import { openPage } from '../../shell/navigation'
import { ChipGroup } from '../policies/chip-group'
import { useWideScreen } from '../staff-messaging/use-wide-screen'
import { EMPTY_LIST, STATUS_FILTERS, STATUS_LABELS } from './labels'
import { audienceSummary, formatCount, readLine, readRate, type AudienceNames } from './notice-words'
import { staffNoticeEditUrl, staffNoticeUrl } from './paths'
import { useNoticeList } from './use-notice-list'
import { useNoticeScope } from './use-notice-scope'
import './staff-notices.css'

const whenOf = (n: StaffNoticeSummary) =>
  n.sentAt ? `发送于 ${formatDateTime(n.sentAt)}` : `起草于 ${formatDateTime(n.createdAt)}`
const recipientsOf = (n: StaffNoticeSummary) =>
  n.status === 'sending' || n.status === 'sent' ? `${formatCount(n.recipients)} 人` : '—'

/** A link to the notice: a real link in the browser (Tab reaches it, Enter opens it). */
function TitleLink({ notice }: { notice: StaffNoticeSummary }) {
  const url = staffNoticeUrl(notice.id)
  return (
    <a className='notice-row__link' href={url} onClick={(event) => (event.preventDefault(), openPage(url))}>
      {notice.title}
    </a>
  )
}

function NoticeCard({ notice, names }: { notice: StaffNoticeSummary; names: AudienceNames }) {
  const audience = audienceSummary(notice, names)
  const reach = notice.status === 'sending' || notice.status === 'sent' ? readLine(notice.read, notice.recipients) : ''
  const meta = [STATUS_LABELS[notice.status], notice.authorName, whenOf(notice)].join(' · ')
  if (process.env.TARO_ENV === 'h5') {
    return (
      <li className='card notice-row'>
        <h3 className='notice-row__title'>
          <TitleLink notice={notice} />
        </h3>
        <p className='notice-row__meta'>{meta}</p>
        <p className='notice-row__meta'>发给：{audience}</p>
        {reach && (
          <p className='notice-row__meta'>
            收件 {recipientsOf(notice)} · {reach}
          </p>
        )}
      </li>
    )
  }
  const url = staffNoticeUrl(notice.id)
  return (
    <View
      className='card notice-row'
      ariaRole='link'
      ariaLabel={`${notice.title}，${meta}，发给${audience}${reach ? `，${reach}` : ''}`}
      onClick={() => openPage(url)}
    >
      <Text className='notice-row__title'>{notice.title}</Text>
      <Text className='notice-row__meta'>{meta}</Text>
      <Text className='notice-row__meta'>发给：{audience}</Text>
      {reach && (
        <Text className='notice-row__meta'>
          收件 {recipientsOf(notice)} · {reach}
        </Text>
      )}
    </View>
  )
}

function NoticeTable({ items, names }: { items: StaffNoticeSummary[]; names: AudienceNames }) {
  return (
    <table className='notice-table'>
      <thead>
        <tr>
          <th scope='col'>标题</th>
          <th scope='col'>状态</th>
          <th scope='col'>发给</th>
          <th scope='col'>收件人</th>
          <th scope='col'>阅读率</th>
          <th scope='col'>时间</th>
        </tr>
      </thead>
      <tbody>
        {items.map((notice) => {
          const reached = notice.status === 'sending' || notice.status === 'sent'
          return (
            <tr key={notice.id}>
              <td>
                <TitleLink notice={notice} />
                <span className='notice-table__author'>{notice.authorName}</span>
              </td>
              <td>{STATUS_LABELS[notice.status]}</td>
              <td>{audienceSummary(notice, names)}</td>
              <td className='notice-table__number'>{recipientsOf(notice)}</td>
              <td className='notice-table__number'>{reached ? readRate(notice.read, notice.recipients) : '—'}</td>
              <td>{whenOf(notice)}</td>
            </tr>
          )
        })}
      </tbody>
    </table>
  )
}

/** 通知推送: the notices by status (a table at a desk, cards on a phone), and 新建通知. */
export function StaffNoticeList({ me }: { me: Me }) {
  const [status, setStatus] = useState<NoticeStatus>('draft')
  const list = useNoticeList(status)
  const place = useNoticeScope(me)
  const wide = useWideScreen()
  const names = { districtName: place.districtName }
  // Back from a notice or the composer: the list may have changed.
  const shownBefore = useRef(false)
  useDidShow(() => {
    if (shownBefore.current) void list.reload()
    shownBefore.current = true
  })
  const items = list.items ?? []

  return (
    <>
      <View className='staff-tools'>
        <ActionButton size='key' onClick={() => openPage(staffNoticeEditUrl())}>
          新建通知
        </ActionButton>
        <ChipGroup label='按状态查看' options={STATUS_FILTERS} value={status} onChange={setStatus} />
      </View>
      {list.error && (
        <>
          <Notice tone='error'>没能读取通知：{list.error.message}</Notice>
          <ActionButton variant='secondary' onClick={() => void list.reload()}>
            重试
          </ActionButton>
        </>
      )}
      {list.loading && !list.items && <Paragraph muted>正在读取…</Paragraph>}
      {list.items && (
        <Card plain title={`${STATUS_LABELS[status]}（${items.length}${list.hasMore ? '+' : ''} 条）`}>
          {items.length === 0 ? (
            <Paragraph muted>{EMPTY_LIST[status]}</Paragraph>
          ) : wide ? (
            <NoticeTable items={items} names={names} />
          ) : process.env.TARO_ENV === 'h5' ? (
            <ul className='notice-rows'>
              {items.map((notice) => (
                <NoticeCard key={notice.id} notice={notice} names={names} />
              ))}
            </ul>
          ) : (
            <View>
              {items.map((notice) => (
                <NoticeCard key={notice.id} notice={notice} names={names} />
              ))}
            </View>
          )}
        </Card>
      )}
      {list.loadMore.error && <Notice tone='error'>没能加载更多：{list.loadMore.error.message}</Notice>}
      {list.items && list.hasMore && (
        <ActionButton variant='secondary' busy={list.loadMore.pending} onClick={() => void list.loadMore.run()}>
          {`加载更多（已显示 ${items.length} 条）`}
        </ActionButton>
      )}
    </>
  )
}
