import type { VeteranDetail as Detail } from '@veterans/shared'
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { ActionButton, a11y, Card, KeyValues, Notice, Paragraph } from '../../components'
import { formatCalendarDate, formatDateTime } from '../../lib/format'
import { openPage, wayOn } from '../../shell/navigation'
import { staffThreadUrl } from '../staff-messaging/paths'
import { bookingStatusLabel, GENDERS, threadStatusLabel, VETERAN_CATEGORIES, VETERAN_STATUSES } from './labels'
import { veteranEditUrl } from './paths'
import { RevealDialog } from './reveal-dialog'
import { useReveal, type RevealState } from './use-reveal'
import { useVeteran } from './use-veteran'
import './staff-registry.css'

const orDash = (value: string | null | undefined) => value || '—'
const dateOrDash = (value: string | null) => (value ? formatCalendarDate(value) : '—')

/** Each field beside its label: two columns of pairs at a desk, one on a phone. */
function Pairs({ rows }: { rows: ReadonlyArray<[string, string]> }) {
  return (
    <View className='registry-kv'>
      <KeyValues rows={rows} />
    </View>
  )
}

function Revealed({ reveal }: { reveal: RevealState }) {
  if (!reveal.pii) return null
  return (
    <View className='registry-revealed' {...a11y('region', '完整证件号和手机号')}>
      <KeyValues
        rows={[
          ['完整身份证号', reveal.pii.idNumber],
          ['完整手机号', reveal.pii.phone ?? '未登记']
        ]}
      />
      <View className='registry-revealed__foot'>
        <Text className='registry-revealed__countdown'>{reveal.secondsLeft} 秒后自动隐藏</Text>
        <ActionButton inline variant='secondary' onClick={reveal.hide}>
          立即隐藏
        </ActionButton>
      </View>
    </View>
  )
}

function Basics({ detail, reveal, onReveal }: { detail: Detail; reveal: RevealState; onReveal: () => void }) {
  const v = detail.veteran
  return (
    <Card title='基本信息'>
      <Pairs
        rows={[
          ['姓名', v.name],
          ['身份证号', v.idNumberMasked],
          ['性别', GENDERS[v.gender]],
          ['出生日期', formatCalendarDate(v.birthDate)],
          ['户籍区县', detail.districtName],
          ['人员类别', VETERAN_CATEGORIES[v.category]],
          ['状态', VETERAN_STATUSES[v.status]],
          ['手机号', orDash(v.phoneMasked)],
          ['伤残等级', v.disabilityLevel === null ? '无' : `${v.disabilityLevel} 级`],
          ['微信绑定', v.bound ? '已绑定' : '未绑定'],
          ['家属', detail.familyCount > 0 ? `已关联 ${detail.familyCount} 人` : '没有关联的家属'],
          ['最后修改', formatDateTime(v.updatedAt)]
        ]}
      />
      <Revealed reveal={reveal} />
      {!reveal.pii && (
        <View className='registry-actions'>
          <ActionButton inline variant='secondary' onClick={onReveal}>
            查看完整证件号
          </ActionButton>
        </View>
      )}
    </Card>
  )
}

function Service({ detail }: { detail: Detail }) {
  const v = detail.veteran
  return (
    <Card title='服役经历'>
      <Pairs
        rows={[
          ['入伍日期', dateOrDash(v.enlistDate)],
          ['退役日期', dateOrDash(v.dischargeDate)],
          ['服役部队', orDash(v.servedUnit)],
          ['备注', orDash(v.notes)]
        ]}
      />
    </Card>
  )
}

function Bookings({ detail }: { detail: Detail }) {
  return (
    <Card title={detail.bookings.length > 0 ? `预约（最近 ${detail.bookings.length} 次）` : '预约'}>
      {detail.bookings.length === 0 ? (
        <Paragraph muted>没有预约记录。</Paragraph>
      ) : (
        <View className='registry-history'>
          {detail.bookings.map((booking) => (
            <View key={booking.id} className='registry-history__item'>
              <Text className='registry-history__title'>
                {booking.serviceName} · {bookingStatusLabel(booking.status)}
              </Text>
              <Text className='registry-history__meta'>
                {formatDateTime(booking.startsAt)} · {booking.centerName}
              </Text>
            </View>
          ))}
        </View>
      )}
    </Card>
  )
}

function Threads({ detail }: { detail: Detail }) {
  return (
    <Card title={detail.threads.length > 0 ? `咨询留言（最近 ${detail.threads.length} 条）` : '咨询留言'}>
      {detail.threads.length === 0 ? (
        <Paragraph muted>没有书面咨询。</Paragraph>
      ) : (
        <View className='registry-history'>
          {detail.threads.map((thread) => {
            const url = staffThreadUrl(thread.id)
            const meta = `${threadStatusLabel(thread.status)} · 最后消息 ${formatDateTime(thread.lastMessageAt)}`
            return process.env.TARO_ENV === 'h5' ? (
              <div key={thread.id} className='registry-history__item'>
                <a className='registry__name' href={url} onClick={(event) => (event.preventDefault(), openPage(url))}>
                  {thread.subject}
                </a>
                <span className='registry-history__meta'>{meta}</span>
              </div>
            ) : (
              <View
                key={thread.id}
                className='registry-history__item'
                ariaRole='link'
                ariaLabel={`${thread.subject}，${meta}`}
                onClick={() => openPage(url)}
              >
                <Text className='registry-history__title registry-history__title--link'>{thread.subject}</Text>
                <Text className='registry-history__meta'>{meta}</Text>
              </View>
            )
          })}
        </View>
      )}
    </Card>
  )
}

/**
 * One record: its fields (label beside value, two columns at a desk), service history, bookings and written
 * questions (each opens the staff thread page), how many family members are linked; 查看完整证件号 with a reason,
 * and 编辑.
 */
export function VeteranDetailView({ id }: { id: string }) {
  const detail = useVeteran(id)
  const reveal = useReveal(id)
  const [asking, setAsking] = useState(false)

  if (!id)
    return (
      <Notice tone='error' action={wayOn()}>
        没有指明要看哪一条记录。
      </Notice>
    )
  if (detail.error)
    return (
      <Notice
        tone='error'
        action={detail.error.code === 'NOT_FOUND' ? wayOn() : { label: '重试', onClick: () => void detail.reload() }}
      >
        {detail.error.code === 'NOT_FOUND' ? '没有这条记录，或它不在您的辖区内。' : `没能读取：${detail.error.message}`}
      </Notice>
    )
  if (!detail.data) return <Paragraph muted>正在读取…</Paragraph>

  const data = detail.data
  return (
    <View className='registry-detail'>
      <View className='registry-actions'>
        <ActionButton inline onClick={() => openPage(veteranEditUrl(id))}>
          编辑
        </ActionButton>
      </View>
      <View className='registry-detail__grid'>
        <Basics detail={data} reveal={reveal} onReveal={() => setAsking(true)} />
        <Service detail={data} />
        <Bookings detail={data} />
        <Threads detail={data} />
      </View>
      <RevealDialog open={asking} onClose={() => setAsking(false)} reveal={reveal} />
    </View>
  )
}
