import { View } from '@tarojs/components'
import type { ReactNode } from 'react'
import { replacePage, wayOn } from '../features/navigation'
import { a11y } from './a11y'
import { ActionButton } from './action-button'

/**
 * What a person can do about a notice. `true`: the way on from a dead end (back to the previous page, or one step
 * up in the app, e.g. 返回首页); a `url`: that page, in place of this one (重新选择时间); `onClick`: anything else.
 */
export type NoticeAction = true | { label: string; url: string } | { label: string; onClick: () => void }

/**
 * A message block. Errors are announced at once (role=alert); other news politely (role=status). An error that
 * leaves nothing else on the page should pass `action`, so that the page is not a dead end.
 */
export function Notice({ tone = 'info', children, action }: { tone?: 'info' | 'success' | 'error'; children: ReactNode; action?: NoticeAction }) {
  const notice = (
    <View className={`notice notice--${tone}`} {...a11y(tone === 'error' ? 'alert' : 'status')}>
      {children}
    </View>
  )
  if (!action) return notice
  const way = action === true ? wayOn() : 'url' in action ? { label: action.label, go: () => replacePage(action.url) } : { label: action.label, go: action.onClick }
  return (
    <>
      {notice}
      <ActionButton variant='secondary' onClick={way.go}>
        {way.label}
      </ActionButton>
    </>
  )
}
