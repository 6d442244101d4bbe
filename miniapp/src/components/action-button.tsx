import { Button } from '@tarojs/components'
import type { ReactNode } from 'react'

export interface ActionButtonProps {
  children: ReactNode
  onClick?: () => void
  variant?: 'primary' | 'secondary' | 'danger' | 'danger-solid' | 'plain'
  /** Key actions (sign in, submit, confirm) are larger, above all in 长辈版. */
  size?: 'normal' | 'key'
  inline?: boolean
  disabled?: boolean
  /** Shows that the action is on its way; a second tap does nothing. */
  busy?: boolean
  busyText?: string
  /** Accessible name when the visible text alone is not enough. */
  label?: string
  /** WeChat only: `share` opens the share sheet (the page supplies the content). */
  openType?: 'share'
}

/** A button: a real <button> in the browser, WeChat's <button> in the mini-program. */
export function ActionButton(props: ActionButtonProps) {
  const {
    children,
    onClick,
    variant = 'primary',
    size = 'normal',
    inline,
    disabled,
    busy,
    busyText = '请稍候…',
    label
  } = props
  const className = ['btn', `btn--${variant}`, size === 'key' ? 'btn--key' : '', inline ? 'btn--inline' : '']
    .filter(Boolean)
    .join(' ')
  const handleClick = () => {
    if (!busy && !disabled) onClick?.()
  }
  if (process.env.TARO_ENV === 'h5') {
    return (
      <button
        type='button'
        className={className}
        aria-label={label}
        aria-busy={busy ? 'true' : undefined}
        aria-disabled={busy ? 'true' : undefined}
        disabled={disabled}
        onClick={handleClick}
      >
        {busy ? busyText : children}
      </button>
    )
  }
  return (
    <Button
      className={className}
      ariaLabel={label}
      disabled={disabled}
      loading={busy}
      openType={props.openType}
      onClick={handleClick}
    >
      {busy ? busyText : children}
    </Button>
  )
}
