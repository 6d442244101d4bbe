/**
 * Accessibility attributes for Taro components, per platform. In the browser Taro's View renders a custom element
 * that passes `role` and `aria-*` through; on WeChat the same meaning is `aria-role` / `aria-label`, which
 * config/weapp-aria-plugin.js lets through Taro's templates.
 */
export type A11yProps = Record<string, string | boolean | undefined>

export function a11y(role?: string, label?: string, extra: { hidden?: boolean; level?: number } = {}): A11yProps {
  if (process.env.TARO_ENV === 'h5') {
    return {
      role,
      'aria-label': label,
      'aria-hidden': extra.hidden ? 'true' : undefined,
      'aria-level': extra.level ? String(extra.level) : undefined
    }
  }
  return { ariaRole: role, ariaLabel: label, ariaHidden: extra.hidden ? 'true' : undefined }
}
