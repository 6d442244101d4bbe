import type { Center } from '@veterans/shared'
import { Text, View } from '@tarojs/components'
import { centerLevelLabel } from '../reference/center-level'
import { CallButton } from './call-button'
import { ChoiceRow } from './choice-row'
import { distanceText } from './centers'
import { Line } from './line'

/**
 * A service center in a compact row: name, level, distance when known and the address on one line; the row
 * chooses it, and its phone is a tap target of its own beside it. Opening hours and the map come on the next step.
 */
export function CenterItem({
  center,
  distance,
  current,
  onChoose
}: {
  center: Center
  distance?: number
  /** 改约: the center the booking is at now. */
  current?: boolean
  onChoose: () => void
}) {
  const level = centerLevelLabel(center)
  const far = distance !== undefined ? `约 ${distanceText(distance)}` : ''
  const about = [level, far, current ? '现在约在这里' : ''].filter(Boolean).join(' · ')
  return (
    <View className='center-row'>
      <ChoiceRow
        label={`在这里办理：${center.name}，${about}，${center.address}`}
        title={center.name}
        details={
          <>
            <Line tone='muted'>{about}</Line>
            <OneLine>{center.address}</OneLine>
          </>
        }
        onChoose={onChoose}
      />
      <CallButton phone={center.phone} what='' inline />
    </View>
  )
}

/** The address on one line, cut with … when longer (the whole of it is on the next step). */
function OneLine({ children }: { children: string }) {
  if (process.env.TARO_ENV === 'h5') return <span className='row__line one-line'>{children}</span>
  return <Text className='row__line one-line'>{children}</Text>
}
