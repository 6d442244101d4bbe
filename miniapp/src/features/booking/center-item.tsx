import type { Center } from '@veterans/shared'
import { View } from '@tarojs/components'
import { ActionButton, Badge, KeyValues } from '../../components'
import { centerLevelLabel } from '../reference/center-level'
import { CallButton } from './call-button'
import { distanceText } from './centers'
import { Line } from './line'
import { MapButton } from './map-button'

/** A service center: where it is, when it is open, its phone (tap to call), the map on WeChat, and 选这里. */
export function CenterItem({
  center,
  distance,
  onChoose
}: {
  center: Center
  distance?: number
  onChoose: () => void
}) {
  return (
    <View className='list__item'>
      <Line tone='title'>
        {center.name} <Badge>{centerLevelLabel(center)}</Badge>
      </Line>
      <KeyValues
        rows={[
          ...(distance !== undefined ? ([['距离', `约 ${distanceText(distance)}`]] as [string, string][]) : []),
          ['地址', center.address],
          ['办公时间', center.openingHours],
          ['电话', center.phone]
        ]}
      />
      <ActionButton label={`在这里办理：${center.name}`} onClick={onChoose}>
        在这里办理
      </ActionButton>
      <CallButton phone={center.phone} what='' />
      <MapButton center={center} />
    </View>
  )
}
