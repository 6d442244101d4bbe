import { View } from '@tarojs/components'
import { useEffect, useId, useRef, type ReactNode } from 'react'
import { ActionButton, a11y, Heading } from '../../components'
import './staff-messaging.css'

/**
 * A modal panel (canned replies, a policy link). In the browser a native <dialog> opened with showModal(): the page
 * behind is inert, Tab stays inside, Esc closes it, and focus returns to the button that opened it. On WeChat a
 * panel over the page with the same 关闭 button.
 */
export function Dialog({
  title,
  open,
  onClose,
  children
}: {
  title: string
  open: boolean
  onClose: () => void
  children: ReactNode
}) {
  const id = useId()
  const ref = useRef<HTMLDialogElement>(null)
  useEffect(() => {
    const dialog = ref.current
    if (!dialog) return
    if (open && !dialog.open) dialog.showModal()
    if (!open && dialog.open) dialog.close()
  }, [open])

  if (process.env.TARO_ENV === 'h5') {
    return (
      <dialog
        ref={ref}
        className='inbox-dialog'
        aria-labelledby={id}
        onCancel={(event) => {
          event.preventDefault() // Esc: close through our state, so it stays the one source of truth
          onClose()
        }}
      >
        {open && (
          <>
            <div className='inbox-dialog__head'>
              <Heading level={2} id={id}>
                {title}
              </Heading>
              <ActionButton variant='secondary' inline onClick={onClose}>
                关闭
              </ActionButton>
            </div>
            {children}
          </>
        )}
      </dialog>
    )
  }
  if (!open) return null
  return (
    <View className='inbox-dialog inbox-dialog--weapp' {...a11y('dialog', title)}>
      <View className='inbox-dialog__head'>
        <Heading level={2}>{title}</Heading>
        <ActionButton variant='secondary' inline onClick={onClose}>
          关闭
        </ActionButton>
      </View>
      {children}
    </View>
  )
}
