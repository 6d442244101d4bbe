import type { StaffMessage } from '@veterans/shared'
import { maskName } from '@veterans/shared/rules'
import { Text, View } from '@tarojs/components'
import { a11y, Paragraph } from '../../components'
import { formatDateTime } from '../../lib/format'
import { MessageBody } from '../messaging/message-body'
import { AttachmentPhoto } from './attachment-photo'
import { INTERNAL_NOTE_HINT } from './labels'
import './staff-messaging.css'

/**
 * The conversation as staff see it: the resident's messages, replies, and internal notes (drawn apart and labelled,
 * so nobody takes them for something the resident saw). A log region: new entries are announced politely.
 */
export function EntryList({ entries }: { entries: StaffMessage[] }) {
  if (entries.length === 0) return <Paragraph muted>还没有消息。</Paragraph>
  return (
    <View className='entries' {...a11y('log', '对话记录')}>
      {entries.map((entry) => (
        <Entry key={entry.position} entry={entry} />
      ))}
    </View>
  )
}

function Entry({ entry }: { entry: StaffMessage }) {
  const kind = entry.internal
    ? 'entry entry--internal'
    : entry.authorRole === 'staff'
      ? 'entry entry--staff'
      : 'entry entry--resident'
  // The asker is shown masked here as everywhere in the inbox (the summary says who they are to the veteran).
  const who = entry.internal
    ? `内部备注 · ${entry.authorName}`
    : entry.authorRole === 'staff'
      ? `${entry.authorName}（工作人员）回复`
      : `${maskName(entry.authorName)}（提问人）`
  return (
    <View className={kind}>
      <View className='entry__meta'>
        <Text className='entry__who'>{who}</Text>
        <Text className='entry__time'>{formatDateTime(entry.createdAt)}</Text>
      </View>
      {entry.internal && <Text className='entry__internal-hint'>{INTERNAL_NOTE_HINT}</Text>}
      <MessageBody className='entry__body' body={entry.body || '（居民已注销账号，内容已删除）'} />
      {entry.attachments.length > 0 && (
        <View className='entry__photos'>
          {entry.attachments.map((upload, i) => (
            <AttachmentPhoto key={upload.id} upload={upload} label={`照片 ${i + 1}`} />
          ))}
        </View>
      )}
    </View>
  )
}
