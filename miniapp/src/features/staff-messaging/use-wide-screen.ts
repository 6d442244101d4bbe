import { useEffect, useState } from 'react'

/** The desk layout's breakpoint (as in staff-messaging.css): a table and two panes from here up. */
export const WIDE_QUERY = '(min-width: 1024px)'

/** Whether the browser window is desk-wide. Always false on WeChat (a phone). */
export function useWideScreen(): boolean {
  const media = process.env.TARO_ENV === 'h5' && typeof window !== 'undefined' ? window.matchMedia(WIDE_QUERY) : null
  const [wide, setWide] = useState(media?.matches ?? false)
  useEffect(() => {
    if (!media) return
    const update = () => setWide(media.matches)
    update()
    media.addEventListener('change', update)
    return () => media.removeEventListener('change', update)
    // eslint-disable-next-line react-hooks/exhaustive-deps -- one listener for the page's life
  }, [])
  return wide
}
