import type { StaffAccount } from '@veterans/shared'

// Staff accounts as admins manage them: the form's checks (the server's rules, said before sending), the state in
// words, and a temporary password. Pure, so it is unit-tested.

/** The server's minimum for staff passwords. */
export const MIN_PASSWORD_LENGTH = 10

export interface NewAccountForm {
  username: string
  password: string
  displayName: string
  role: 'staff' | 'admin'
  centerId: string
}

export type AccountFormErrors = Partial<Record<keyof NewAccountForm, string>>

export function newAccountProblems(form: NewAccountForm): AccountFormErrors {
  const errors: AccountFormErrors = {}
  const username = form.username.trim()
  if (!username) errors.username = '请填写用户名'
  else if (!/^[A-Za-z0-9_.-]{3,32}$/.test(username))
    errors.username = '用户名用 3–32 个英文字母、数字或 _ . -，例如 zhangsan'
  if (form.password.length < MIN_PASSWORD_LENGTH) errors.password = `密码至少 ${MIN_PASSWORD_LENGTH} 位`
  if (!form.displayName.trim()) errors.displayName = '请填写姓名'
  else if (form.displayName.trim().length > 32) errors.displayName = '姓名最多 32 个字'
  if (form.role === 'staff' && !form.centerId) errors.centerId = '工作人员要选所在服务中心'
  return errors
}

/** The server's field errors (details.fields, paths like "/username") on the form's fields. */
export function fieldErrorsFrom(details: unknown): AccountFormErrors {
  const fields = (details as { fields?: Array<{ path?: string; message?: string }> } | undefined)?.fields ?? []
  const errors: AccountFormErrors = {}
  const known: ReadonlyArray<keyof NewAccountForm> = ['username', 'password', 'displayName', 'role', 'centerId']
  for (const field of fields) {
    const name = (field.path ?? '').replace(/^\//, '') as keyof NewAccountForm
    if (known.includes(name)) errors[name] = '请检查这一项'
  }
  return errors
}

/** An account's state in words: 已停用, 待改密码 (after a reset), or 正常. */
export function accountState(account: Pick<StaffAccount, 'disabled' | 'mustChangePassword'>): string {
  if (account.disabled) return '已停用'
  if (account.mustChangePassword) return '待改密码'
  return '正常'
}

// No 0/O, 1/l/I: a temporary password is read out over the phone or copied by hand.
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghjkmnpqrstuvwxyz23456789'

/** A temporary password of 12 characters from `random` (crypto where there is one). */
export function temporaryPassword(random: (n: number) => number[] = cryptoRandom): string {
  return random(12)
    .map((value) => ALPHABET[value % ALPHABET.length])
    .join('')
}

function cryptoRandom(n: number): number[] {
  const values = new Uint32Array(n)
  if (typeof crypto !== 'undefined' && typeof crypto.getRandomValues === 'function') crypto.getRandomValues(values)
  else for (let i = 0; i < n; i++) values[i] = Math.floor(Math.random() * 0x100000000)
  return [...values]
}

export interface PasswordChange {
  current: string
  next: string
  repeat: string
}

/** Checks of 修改密码 before sending. */
export function passwordChangeProblems(form: PasswordChange): Partial<Record<keyof PasswordChange, string>> {
  const errors: Partial<Record<keyof PasswordChange, string>> = {}
  if (!form.current) errors.current = '请填写现在的密码（或管理员给的临时密码）'
  if (form.next.length < MIN_PASSWORD_LENGTH) errors.next = `新密码至少 ${MIN_PASSWORD_LENGTH} 位`
  else if (form.next === form.current) errors.next = '新密码不能和现在的密码一样'
  if (!errors.next && form.repeat !== form.next) errors.repeat = '两次填写的新密码不一样'
  return errors
}
