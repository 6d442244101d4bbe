import type { NotificationInput } from '../notifications/service'

/** What a person is told about their account's safety (kind security.*: always in the inbox). */
export const securityNotices = {
  /** A refresh token was presented twice: that login was ended, in case someone else holds a copy of it. */
  loginRevoked: (userId: string, at: string): NotificationInput => ({
    userId,
    kind: 'security.login_revoked',
    title: '账号安全提醒：一处登录已退出',
    body: '您的一处登录凭证被重复使用，为保护账号安全，这处登录已退出。如果不是您本人操作，请重新登录；如发现异常，请联系服务中心。',
    data: {},
    push: {
      fields: { title: '一处登录已退出', time: at, detail: '如非本人操作，请重新登录' },
      page: 'pages/me/index',
      urgent: true
    }
  })
}
