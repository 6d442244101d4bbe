import type { SignOutReason } from '../../api'

/** Why the person is no longer signed in, said plainly, with what to do. */
export const ENDED_MESSAGES: Partial<Record<SignOutReason, string>> = {
  expired: '登录已过期，请重新登录。',
  reused: '为保护您的账号安全，已退出登录，请重新登录。',
  closed: '您的账号已注销，相关个人信息已删除。感谢您的使用。'
}
