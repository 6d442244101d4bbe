import Taro from '@tarojs/taro'

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
  staffLogin: '/staff/pages/login/index',
  staffHome: '/staff/pages/home/index'
} as const

const TAB_PAGES: readonly string[] = [PAGES.home, PAGES.booking, PAGES.policies, PAGES.messages, PAGES.me]

const pathOf = (url: string) => url.split('?')[0] ?? url

/** Opens a page: tab pages are switched to, others pushed on the stack. */
export function openPage(url: string): void {
  const path = pathOf(url)
  if (TAB_PAGES.includes(path)) void Taro.switchTab({ url: path })
  else void Taro.navigateTo({ url })
}

/** The current page as a URL to come back to (its own query kept, Taro's internal ones dropped). */
export function currentPageUrl(): string {
  const router = Taro.getCurrentInstance().router
  const path = router?.path ? pathOf(router.path) : PAGES.home
  const query = Object.entries(router?.params ?? {})
    .filter(([key, value]) => typeof value === 'string' && key !== 'stamp' && !key.startsWith('$taro'))
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`)
  return query.length > 0 ? `${path}?${query.join('&')}` : path
}

/** Sends the person to sign in; afterwards they come back to `back` (default: where they are). */
export function goToSignIn(back: string = currentPageUrl()): void {
  void Taro.navigateTo({ url: `${PAGES.login}?back=${encodeURIComponent(back)}` })
}

export function goToStaffSignIn(): void {
  void Taro.navigateTo({ url: PAGES.staffLogin })
}

/** After signing in: back to the page that asked (it is under us on the stack), or to `back`, or home. */
export function leaveSignIn(back: string | undefined): void {
  if (Taro.getCurrentPages().length > 1) {
    void Taro.navigateBack()
    return
  }
  const target = back && back.startsWith('/') && pathOf(back) !== PAGES.login ? back : PAGES.home
  if (TAB_PAGES.includes(pathOf(target))) void Taro.switchTab({ url: pathOf(target) })
  else void Taro.redirectTo({ url: target })
}

/** A query parameter of the current page. */
export function pageParam(name: string): string | undefined {
  const value = Taro.getCurrentInstance().router?.params?.[name]
  return typeof value === 'string' && value !== '' ? decodeURIComponent(value) : undefined
}
