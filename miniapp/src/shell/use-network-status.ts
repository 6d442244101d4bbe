import Taro from '@tarojs/taro'
import { useEffect, useState } from 'react'

/** Whether the phone has a network connection now (browser online events; WeChat's network status). */
export function useNetworkStatus(): boolean {
  const [online, setOnline] = useState(true)
  useEffect(() => {
    if (process.env.TARO_ENV === 'h5') {
      const update = () => setOnline(navigator.onLine)
      update()
      window.addEventListener('online', update)
      window.addEventListener('offline', update)
      return () => {
        window.removeEventListener('online', update)
        window.removeEventListener('offline', update)
      }
    }
    const listener = (result: { isConnected: boolean }) => setOnline(result.isConnected)
    Taro.getNetworkType()
      .then((result) => setOnline(result.networkType !== 'none'))
      .catch(() => {})
    Taro.onNetworkStatusChange(listener)
    return () => Taro.offNetworkStatusChange(listener)
  }, [])
  return online
}
