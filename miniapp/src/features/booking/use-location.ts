import Taro from '@tarojs/taro'
import { useCallback, useEffect, useState } from 'react'
import type { Coordinates } from './centers'

export type LocationState = { status: 'unknown' | 'asking' | 'refused' } | { status: 'known'; at: Coordinates }

/**
 * The phone's location, only to put the nearest centers first. Asked for when the person taps the button (or at
 * once on WeChat if they allowed it before); a refusal is fine: the list is then ordered by district.
 */
export function useLocation() {
  const [state, setState] = useState<LocationState>({ status: 'unknown' })

  const locate = useCallback(async () => {
    setState({ status: 'asking' })
    try {
      // gcj02: the coordinate system of the centers' map positions and of WeChat's map.
      const result = await Taro.getLocation({ type: process.env.TARO_ENV === 'h5' ? 'wgs84' : 'gcj02' })
      setState({ status: 'known', at: { lat: result.latitude, lng: result.longitude } })
    } catch {
      setState({ status: 'refused' })
    }
  }, [])

  useEffect(() => {
    if (process.env.TARO_ENV === 'h5') return
    Taro.getSetting()
      .then((settings) => {
        if (settings.authSetting['scope.userLocation'] === true) void locate()
      })
      .catch(() => {})
  }, [locate])

  return { state, locate }
}
