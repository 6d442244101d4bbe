import { View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { useEffect, type ReactNode } from 'react'
import { a11y, Heading } from '../components'
import { BackButton } from './back-button'
import { rememberCurrentPage, replacePage } from './navigation'
import { OfflineBanner } from './offline-banner'
import { useSession, useTheme } from './session/session-context'
import { isStaff } from './session/use-require-session'
import { StaffNav } from './staff-nav/staff-nav'
import { isStaffWorkspacePage, passwordGateTarget } from './staff-nav/staff-nav-items'

/**
 * The frame of every page: design tokens (and 长辈版) on the root, the offline notice, the main landmark and the
 * page's <h1>. Pages put their content inside; pages that are not tabs pass `back` (a 返回 button in the browser).
 * Each page notes its address as it opens, so that 返回 after a reload knows the way up (navigation.ts).
 * Staff pages get the side navigation at a desk, and an account that must change its password is sent to do so.
 */
export function Page({ title, children, back }: { title: string; children: ReactNode; back?: boolean }) {
  const theme = useTheme()
  const { me } = useSession()
  const path = useRouter().path ?? ''
  useEffect(rememberCurrentPage, [])
  const gate = isStaff(me) ? passwordGateTarget(me?.mustChangePassword, path) : null
  useEffect(() => {
    if (gate) replacePage(gate, 'page')
  }, [gate])
  const desk = process.env.TARO_ENV === 'h5' && me !== null && isStaff(me) && isStaffWorkspacePage(path)
  return (
    <View className={desk ? `${theme.className} page--staff` : theme.className} style={theme.style}>
      {desk && <StaffNav me={me} url={path} />}
      <View className='page__main' {...a11y('main')}>
        <OfflineBanner />
        {back && <BackButton />}
        <Heading level={1}>{title}</Heading>
        {children}
      </View>
    </View>
  )
}
