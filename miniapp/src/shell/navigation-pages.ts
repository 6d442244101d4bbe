// Every page path of the app (as src/app.config.ts lists them) and URL helpers, free of Taro so the navigation rules
// can be unit-tested.

export const PAGES = {
  home: '/pages/home/index',
  booking: '/pages/booking/index',
  policies: '/pages/policies/index',
  messages: '/pages/messages/index',
  me: '/pages/me/index',
  login: '/pages/login/index',
  profile: '/pages/profile/index',
  identity: '/pages/identity/index',
  family: '/pages/family/index',
  myData: '/pages/my-data/index',
  notFound: '/pages/not-found/index',
  staffLogin: '/staff/pages/login/index',
  staffHome: '/staff/pages/home/index'
} as const

/** The booking pages outside the tab bar: the `booking` subpackage (loaded when first opened on WeChat). */
export const BOOKING_PAGES = {
  centers: '/booking/pages/centers/index',
  slots: '/booking/pages/slots/index',
  confirm: '/booking/pages/confirm/index',
  mine: '/booking/pages/mine/index',
  detail: '/booking/pages/detail/index'
} as const

/** Staff pages of booking, in the `staff` subpackage. */
export const STAFF_BOOKING_PAGES = {
  schedule: '/staff/pages/schedule/index',
  scheduleBatch: '/staff/pages/schedule-batch/index',
  dayBoard: '/staff/pages/day-board/index'
} as const

/** The staff inbox (messaging), in the `staff` subpackage. */
export const STAFF_MESSAGING_PAGES = {
  inbox: '/staff/pages/inbox/index',
  thread: '/staff/pages/thread/index'
} as const

/** The policy pages outside the tab: reading (the `policy` subpackage) and authoring (the `staff` subpackage). */
export const POLICY_PAGES = {
  detail: '/policy/pages/detail/index',
  ask: '/policy/pages/ask/index',
  staffList: '/staff/pages/policies/index',
  staffPolicy: '/staff/pages/policy/index',
  staffEdit: '/staff/pages/policy-edit/index'
} as const

/** Staff notices (通知推送), in the `staff` subpackage: the list, one notice (its sending and reach), the composer. */
export const STAFF_NOTICE_PAGES = {
  list: '/staff/pages/notices/index',
  notice: '/staff/pages/notice/index',
  edit: '/staff/pages/notice-edit/index'
} as const

/** 退役军人信息 (the registry), in the `staff` subpackage: search, one record, its form, the import wizard. */
export const STAFF_REGISTRY_PAGES = {
  list: '/staff/pages/veterans/index',
  veteran: '/staff/pages/veteran/index',
  edit: '/staff/pages/veteran-edit/index',
  import: '/staff/pages/import/index'
} as const

/** 数据统计 and 人员与审计 (admins), and changing one's own password, in the `staff` subpackage. */
export const STAFF_ADMIN_PAGES = {
  dashboard: '/staff/pages/dashboard/index',
  accounts: '/staff/pages/staff-accounts/index',
  audit: '/staff/pages/audit/index',
  password: '/staff/pages/password/index'
} as const

/** Written questions to staff outside the 消息 tab: the `messages` subpackage. */
export const MESSAGES_PAGES = {
  newQuestion: '/messages/pages/new/index',
  conversation: '/messages/pages/thread/index',
  notice: '/messages/pages/notice/index',
  settings: '/messages/pages/settings/index'
} as const

export const TAB_PAGES: readonly string[] = [PAGES.home, PAGES.booking, PAGES.policies, PAGES.messages, PAGES.me]

export type PageParams = Readonly<Record<string, string | undefined>>

export const pathOf = (url: string): string => url.split('?')[0] ?? url

export const isTabPage = (url: string): boolean => TAB_PAGES.includes(pathOf(url))

/** A page URL with its query (empty values left out). */
export function urlWith(path: string, query: PageParams): string {
  const parts = Object.entries(query)
    .filter((entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1] !== '')
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value)}`)
  return parts.length > 0 ? `${path}?${parts.join('&')}` : path
}

/** The query of a URL as plain values (decoded). */
export function paramsOf(url: string): Record<string, string> {
  const query = url.includes('?') ? url.slice(url.indexOf('?') + 1) : ''
  const params: Record<string, string> = {}
  for (const part of query.split('&')) {
    if (!part) continue
    const [key = '', value = ''] = part.split('=')
    try {
      params[decodeURIComponent(key)] = decodeURIComponent(value.replace(/\+/g, ' '))
    } catch {
      // A malformed escape (a hand-edited address): skip that parameter rather than fail the page.
    }
  }
  return params
}

/** Only paths inside the app ("/pages/…", "/booking/pages/…"), never another site or a script URL. */
export const isInAppUrl = (url: string | undefined): url is string =>
  !!url && /^\/[a-z-]+\/[a-z0-9/_-]+(\?|$)/i.test(url)
