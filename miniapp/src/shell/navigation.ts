import Taro from '@tarojs/taro'
import type { NoticeAction } from '../components'
import { ANY_PAGE, GUARD_TIMINGS, NavigationGuard, type NavigationOrigin } from './navigation-guard'
import { isInAppUrl, isTabPage, PAGES, paramsOf, pathOf, urlWith, type PageParams } from './navigation-pages'
import { PARENT_NAMES, parentOf } from './navigation-parents'

export { PAGES, TAB_PAGES } from './navigation-pages'

const isH5 = process.env.TARO_ENV === 'h5'
const guard = new NavigationGuard()
/** A page that takes longer than this to appear (its code is still loading) gets a "正在打开…" sign meanwhile. */
const PATIENCE_DELAY_MS = 400
let patienceShownFor: string | null = null

type Method = 'navigateTo' | 'redirectTo' | 'switchTab' | 'navigateBack'

/**
 * Every page change goes through here, one at a time (see NavigationGuard). Returns false when it was ignored.
 * The change is over when the new page is shown: in the browser Taro reports that with an event (its promise
 * settles as soon as the address changes, long before the page's code has loaded); on WeChat the promise settles
 * once the page is open.
 */
function go(method: Method, url: string, origin: NavigationOrigin = 'tap'): boolean {
  const target = method === 'navigateBack' ? ANY_PAGE : method === 'switchTab' ? pathOf(url) : url
  if (!guard.tryStart(target, Date.now(), origin)) return false
  const change =
    method === 'navigateBack'
      ? Taro.navigateBack()
      : method === 'switchTab'
        ? Taro.switchTab({ url: target })
        : method === 'redirectTo'
          ? Taro.redirectTo({ url })
          : Taro.navigateTo({ url })
  Promise.resolve(change).then(
    () => {
      if (!isH5) arrived(target)
    },
    () => {
      guard.failed(target)
      endPatience()
    }
  )
  setTimeout(() => {
    if (!guard.isPending(target, Date.now())) return
    patienceShownFor = target
    void Taro.showLoading({ title: '正在打开…', mask: true })
  }, PATIENCE_DELAY_MS)
  // A change that never reports back (its code failed to load) must not leave the sign up.
  setTimeout(() => {
    if (patienceShownFor === target && !guard.isPending(target, Date.now())) endPatience()
  }, GUARD_TIMINGS.maxWaitMs + 50)
  return true
}

function arrived(path: string): void {
  guard.arrived(path, Date.now())
  endPatience()
}

function endPatience(): void {
  if (patienceShownFor === null) return
  patienceShownFor = null
  void Taro.hideLoading()
}

/**
 * Browser: for a moment after a page appears it ignores pointer input, so that the second tap of a double tap (or a
 * tap meant for the page before) does not press whatever is now under the finger. Automated browsers wait too.
 */
const ARRIVAL_QUIET_MS = 300
let quietTimer: ReturnType<typeof setTimeout> | undefined

function quietAfterArrival(): void {
  const body = document.body
  body.style.pointerEvents = 'none'
  clearTimeout(quietTimer)
  quietTimer = setTimeout(() => {
    body.style.pointerEvents = ''
  }, ARRIVAL_QUIET_MS)
}

if (isH5) {
  Taro.eventCenter.on('__afterTaroRouterChange', (change?: { toLocation?: { path?: string } }) => {
    quietAfterArrival()
    arrived(change?.toLocation?.path ?? ANY_PAGE)
  })
}

/** Opens a page: tab pages are switched to, others pushed on the stack. */
export function openPage(url: string): void {
  if (isTabPage(url)) {
    if (pathOf(url) !== currentPath()) go('switchTab', url)
  } else go('navigateTo', url)
}

/** Replaces the current page (a tab page is switched to). */
export function replacePage(url: string, origin: NavigationOrigin = 'tap'): void {
  go(isTabPage(url) ? 'switchTab' : 'redirectTo', url, origin)
}

/**
 * 返回: the previous page if there is one; otherwise (the browser reloaded the page, or it was opened from a link)
 * the page one step up in the app (选择时间 → 选择服务中心, a staff page → 工作台 …).
 */
export function goBack(): void {
  if (Taro.getCurrentPages().length > 1) go('navigateBack', ANY_PAGE)
  else replacePage(parentUrl() ?? PAGES.home)
}

/**
 * The way on from a dead end (a page that could not show what it is for): back to the previous page if there is
 * one, else one step up, named after where it leads ("返回选择时间", "返回首页"). A Notice's `action`.
 */
export function wayOn(): NoticeAction {
  if (Taro.getCurrentPages().length > 1) return { label: '返回上一页', onClick: goBack }
  const parent = parentUrl() ?? PAGES.home
  return { label: `返回${PARENT_NAMES[pathOf(parent)] ?? '上一步'}`, onClick: () => replacePage(parent) }
}

/** Where 返回 leads when there is no previous page (null on a tab page). */
export function parentUrl(url: string = currentPageUrl()): string | null {
  return parentOf(url, rememberedQuery)
}

function currentPath(): string {
  const path = Taro.getCurrentInstance().router?.path
  return path ? pathOf(path) : ''
}

/** The current page as a URL to come back to (its own query kept, Taro's internal ones dropped). */
export function currentPageUrl(): string {
  const router = Taro.getCurrentInstance().router
  const path = router?.path ? pathOf(router.path) : PAGES.home
  const query: Record<string, string> = {}
  for (const [key, value] of Object.entries(router?.params ?? {})) {
    if (typeof value === 'string' && key !== 'stamp' && !key.startsWith('$taro')) query[key] = decoded(value)
  }
  return urlWith(path, query)
}

/** Sends the person to sign in; afterwards they come back to `back` (default: where they are). */
export function goToSignIn(back: string = currentPageUrl()): void {
  // Pages call this by themselves as they open, so it is not held back by a tap that just opened them.
  go('navigateTo', urlWith(PAGES.login, { back }), 'page')
}

export function goToStaffSignIn(): void {
  go('navigateTo', PAGES.staffLogin, 'page')
}

/** After signing in: back to the page that asked (it is under us on the stack), or to `back`, or home. */
export function leaveSignIn(back: string | undefined): void {
  if (Taro.getCurrentPages().length > 1) {
    void Taro.navigateBack()
    return
  }
  const target = isInAppUrl(back) && pathOf(back) !== PAGES.login ? back : PAGES.home
  if (isTabPage(target)) void Taro.switchTab({ url: pathOf(target) })
  else void Taro.redirectTo({ url: target })
}

/** A query parameter of the current page. */
export function pageParam(name: string): string | undefined {
  const value = Taro.getCurrentInstance().router?.params?.[name]
  return typeof value === 'string' && value !== '' ? decoded(value) : undefined
}

function decoded(value: string): string {
  try {
    return decodeURIComponent(value)
  } catch {
    return value
  }
}

// The query each page had when last shown in this browser tab, so that 返回 after a reload can fill in what the
// page's own address lacks (see parentOf). Session storage: it lives as long as the tab, survives a reload.
const MEMORY_KEY = 'veterans.pageQueries'
const MEMORY_PAGES = 40

function readMemory(): Record<string, PageParams> {
  try {
    const saved: unknown = JSON.parse(window.sessionStorage.getItem(MEMORY_KEY) ?? '{}')
    return saved && typeof saved === 'object' ? (saved as Record<string, PageParams>) : {}
  } catch {
    return {}
  }
}

function rememberedQuery(path: string): PageParams | undefined {
  return isH5 ? readMemory()[path] : undefined
}

/** Notes the current page's query (browser only; WeChat keeps its page stack). Page calls it as a page opens. */
export function rememberCurrentPage(): void {
  if (!isH5) return
  const url = currentPageUrl()
  const memory = readMemory()
  delete memory[pathOf(url)]
  memory[pathOf(url)] = paramsOf(url)
  const kept = Object.entries(memory).slice(-MEMORY_PAGES)
  try {
    window.sessionStorage.setItem(MEMORY_KEY, JSON.stringify(Object.fromEntries(kept)))
  } catch {
    // Storage full or blocked (private mode): 返回 falls back to the plain parent.
  }
}

/**
 * An address that is no page of the app (a mistyped or outdated link) opens a plain page with a way home instead
 * of a blank screen. Taro calls this in the browser and on WeChat (where the redirect must happen at once).
 */
export function handleUnknownPages(): void {
  Taro.onPageNotFound(() => {
    void Taro.redirectTo({ url: PAGES.notFound })
  })
}
