import type { Notice } from '@veterans/shared'
import { Text, View } from '@tarojs/components'
import { a11y, Card, Paragraph } from '../../components'
import { NoticeView } from '../notices/notice-view'
import './staff-notices.css'

type PreviewNotice = Pick<Notice, 'title' | 'body' | 'sentAt' | 'senderName' | 'policyId' | 'policyTitle'>

/**
 * The notice exactly as a phone shows it (the residents' own NoticeView), in a phone-sized frame with the page's
 * title bar, so it is not mistaken for the real thing. The linked policy does not open from the preview.
 */
export function PhonePreview({ notice }: { notice: PreviewNotice }) {
  const empty = !notice.title.trim() && !notice.body.trim()
  return (
    <Card plain title='预览：手机上看到的样子'>
      <View className='phone-frame' {...a11y('region', '手机预览')}>
        <View className='phone-frame__bar'>
          {process.env.TARO_ENV === 'h5' ? <span>通知</span> : <Text>通知</Text>}
        </View>
        <View className='phone-frame__screen'>
          {empty ? (
            <Paragraph muted>填写标题和正文后，这里显示居民看到的样子。</Paragraph>
          ) : (
            <NoticeView notice={{ ...notice, title: notice.title || '（标题）' }} onOpenPolicy={() => undefined} />
          )}
        </View>
      </View>
    </Card>
  )
}
