import { View } from '@tarojs/components'
import { useEffect, type ReactNode } from 'react'
import { a11y, Heading } from '../components'
import { BackButton } from './back-button'
import { rememberCurrentPage } from './navigation'
import { OfflineBanner } from './offline-banner'
import { useTheme } from './session/session-context'

/**
 * The frame of every page: design tokens (and 长辈版) on the root, the offline notice, the main landmark and the
 * page's <h1>. Pages put their content inside; pages that are not tabs pass `back` (a 返回 button in the browser).
 * Each page notes its address as it opens, so that 返回 after a reload knows the way up (navigation.ts).
 */
export function Page({ title, children, back }: { title: string; children: ReactNode; back?: boolean }) {
  const theme = useTheme()
  useEffect(rememberCurrentPage, [])
  return (
    <View className={theme.className} style={theme.style}>
      <View className='page__main' {...a11y('main')}>
        <OfflineBanner />
        {back && <BackButton />}
        <Heading level={1}>{title}</Heading>
        {children}
      </View>
    </View>
  )
}
