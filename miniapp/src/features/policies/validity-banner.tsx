import type { PolicyDetail } from '@veterans/shared'
import { Text, View } from '@tarojs/components'
import { Card, NavRow } from '../../components'
import { formatCalendarDate, formatDate } from '../../lib/format'
import { policyUrl } from './paths'
import './policies.css'

/** Tones of .notice. */
type Banner = { tone: 'success' | 'info' | 'error'; title: string; text?: string }

function bannerOf(policy: PolicyDetail): Banner {
  switch (policy.validity) {
    case 'in_force':
      return {
        tone: 'success',
        title: '现行有效',
        text: policy.effectiveTo ? `有效期至${formatCalendarDate(policy.effectiveTo)}。` : undefined
      }
    case 'not_yet_effective':
      return { tone: 'info', title: '尚未施行', text: `本政策将于${formatCalendarDate(policy.effectiveFrom)}起施行。` }
    case 'expired':
      return {
        tone: 'error',
        title: '已失效',
        text: `本政策${policy.effectiveTo ? `已于${formatCalendarDate(policy.effectiveTo)}到期，` : ''}不再执行，内容仅供查阅。`
      }
    case 'superseded':
      return {
        tone: 'error',
        title: '已被新政策替代',
        text: '本政策已被新政策替代，内容仅供查阅，办理时请以新政策为准。'
      }
    case 'repealed':
      return {
        tone: 'error',
        title: '已废止',
        text: `本政策${policy.repealedAt ? `已于${formatDate(policy.repealedAt)}` : '已'}废止，不再执行，内容仅供查阅。`
      }
  }
}

/** Whether the policy applies today, said at the top in words, with links to the policy it replaced or that replaced it. */
export function ValidityBanner({ policy }: { policy: PolicyDetail }) {
  const banner = bannerOf(policy)
  const h5 = process.env.TARO_ENV === 'h5'
  return (
    <>
      <View className={`notice notice--${banner.tone} validity-banner`}>
        {h5 ? (
          <strong className='validity-banner__title'>{banner.title}</strong>
        ) : (
          <Text className='validity-banner__title'>{banner.title}</Text>
        )}
        {banner.text && (h5 ? <span>{banner.text}</span> : <Text>{banner.text}</Text>)}
      </View>
      {(policy.supersededBy || policy.supersedes) && (
        <Card flush>
          {policy.supersededBy && (
            <NavRow
              title={`《${policy.supersededBy.title}》`}
              detail='新政策'
              url={policyUrl(policy.supersededBy.id)}
            />
          )}
          {policy.supersedes && (
            <NavRow title={`《${policy.supersedes.title}》`} detail='旧政策' url={policyUrl(policy.supersedes.id)} />
          )}
        </Card>
      )}
    </>
  )
}
