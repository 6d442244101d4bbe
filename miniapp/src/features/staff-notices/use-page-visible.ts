import { useDidHide, useDidShow } from '@tarojs/taro'
import { useEffect, useState } from 'react'

/**
 * Whether this page is what the person sees: false after navigating to another page or putting the app (or, in a
 * browser, the tab) in the background. Refreshing stops while it is false.
 */
export function usePageVisible(): boolean {
  const [shown, setShown] = useState(true)
  const [tabVisible, setTabVisible] = useState(
    () => typeof document === 'undefined' || document.visibilityState !== 'hidden'
  )
  useDidShow(() => setShown(true))
  useDidHide(() => setShown(false))
  useEffect(() => {
    if (process.env.TARO_ENV !== 'h5' || typeof document === 'undefined') return
    const update = () => setTabVisible(document.visibilityState !== 'hidden')
    document.addEventListener('visibilitychange', update)
    return () => document.removeEventListener('visibilitychange', update)
  }, [])
  return shown && tabVisible
}
