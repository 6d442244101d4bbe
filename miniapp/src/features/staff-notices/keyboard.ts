/**
 * Whether a key press in a field means "submit": Enter in a one-line text field, not while an input method is
 * still composing Chinese (that Enter picks the characters), and never in a multi-line field or on a button.
 */
export function isSubmitEnter(key: { key: string; isComposing: boolean; tagName: string; type?: string }): boolean {
  if (key.key !== 'Enter' || key.isComposing) return false
  if (key.tagName !== 'INPUT') return false
  // password too: Enter in the password field signs in (工作人员登录) and saves a new password (修改密码)
  return ['text', 'search', 'tel', 'number', 'email', 'password', ''].includes(key.type ?? '')
}
