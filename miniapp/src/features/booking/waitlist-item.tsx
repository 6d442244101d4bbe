import type { WaitlistEntry } from '@veterans/shared'
import { beijingToday } from '@veterans/shared/rules'
import { View } from '@tarojs/components'
import type { ActionState } from '../../api'
import { ActionButton, ConfirmInline } from '../../components'
import { openPage } from '../../shell/navigation'
import { whenText } from './dates'
import { Line } from './line'
import { bookingDetailUrl } from './pages'
import { waitlistStatusText } from './status'

/** A waitlist (候补) entry: where it stands, and leaving it (or opening the booking it became). */
export function WaitlistItem({
  entry,
  leave,
  forSomeoneElse
}: {
  entry: WaitlistEntry
  leave: ActionState<[string], boolean>
  forSomeoneElse: boolean
}) {
  const when = whenText(entry.startsAt, entry.endsAt, beijingToday())
  return (
    <View className='list__item'>
      <Line tone='title'>{entry.serviceName}</Line>
      <Line>{when}</Line>
      <Line tone='muted'>{entry.centerName}</Line>
      {forSomeoneElse && <Line tone='muted'>为 {entry.veteranNameMasked} 候补</Line>}
      <Line tone={entry.status === 'waiting' || entry.status === 'promoted' ? 'good' : 'muted'}>
        {waitlistStatusText(entry)}
      </Line>
      {entry.status === 'promoted' && entry.bookingId && (
        <ActionButton variant='secondary' onClick={() => openPage(bookingDetailUrl(entry.bookingId!))}>
          查看这个预约
        </ActionButton>
      )}
      {entry.status === 'waiting' && (
        <ConfirmInline
          busyText='正在取消…'
          trigger='不再候补'
          triggerLabel={`不再候补：${entry.serviceName} ${when}`}
          question={`确定不再候补 ${when} 的“${entry.serviceName}”吗？`}
          confirm='确定不再候补'
          keep='继续候补'
          busy={leave.pending}
          onConfirm={() => void leave.run(entry.id)}
        />
      )}
    </View>
  )
}
