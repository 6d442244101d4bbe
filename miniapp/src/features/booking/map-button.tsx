import type { Center } from '@veterans/shared'
import Taro from '@tarojs/taro'
import { ActionButton } from '../../components'

/** WeChat's map with the center marked, from where it can navigate. The browser build has no map. */
export function MapButton({
  center,
  inline
}: {
  center: Pick<Center, 'name' | 'address' | 'location'>
  inline?: boolean
}) {
  if (process.env.TARO_ENV === 'h5' || !center.location) return null
  const { lat, lng } = center.location
  return (
    <ActionButton
      variant='secondary'
      inline={inline}
      label={`看地图、导航：${center.name}`}
      onClick={() =>
        void Taro.openLocation({
          latitude: lat,
          longitude: lng,
          name: center.name,
          address: center.address,
          scale: 16
        }).catch(() => {})
      }
    >
      看地图、导航
    </ActionButton>
  )
}
