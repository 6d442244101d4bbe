import { View } from '@tarojs/components'
import type { ReactNode } from 'react'
import { a11y } from './a11y'
import { ActionButton } from './action-button'

/** What a person can do about a notice: a button under it. */
export interface NoticeAction {
  label: string
  onClick: () => void
}

/**
 * A message block. Errors are announced at once (role=alert); other news politely (role=status). An error that
 * leaves nothing else on the page should pass `action` (the way on from a dead end is the shell's `wayOn()`), so
 * that the page is not a dead end.
 */
export function Notice({
  tone = 'info',
  children,
  action
}: {
  tone?: 'info' | 'success' | 'error'
  children: ReactNode
  action?: NoticeAction
}) {
  const notice = (
    <View className={`notice notice--${tone}`} {...a11y(tone === 'error' ? 'alert' : 'status')}>
      {children}
    </View>
  )
  if (!action) return notice
  return (
    <>
      {notice}
      <ActionButton variant='secondary' onClick={action.onClick}>
        {action.label}
      </ActionButton>
    </>
  )
}
