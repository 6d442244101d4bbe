import type { KeyboardEvent, ReactNode } from 'react'
import { isSubmitEnter } from './keyboard'

/**
 * Enter in any one-line field inside submits this part of the page (saves the draft; searches a picker). Not a
 * <form>: the composer holds pickers with their own Enter, and forms cannot nest. An inner part keeps its Enter to
 * itself. On WeChat the keyboard's 完成 key does nothing here; the buttons are there.
 */
export function EnterSubmits({ onSubmit, children }: { onSubmit: () => void; children: ReactNode }) {
  if (process.env.TARO_ENV !== 'h5') return <>{children}</>
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const target = event.target as HTMLInputElement
    if (
      !isSubmitEnter({
        key: event.key,
        isComposing: event.nativeEvent.isComposing,
        tagName: target.tagName,
        type: target.type
      })
    )
      return
    event.preventDefault()
    event.stopPropagation()
    onSubmit()
  }
  return <div onKeyDown={onKeyDown}>{children}</div>
}
