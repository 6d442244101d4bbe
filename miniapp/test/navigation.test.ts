import { describe, expect, it } from 'vitest'
import { keepTogether } from '../src/components/keep-together'
import { ANY_PAGE, NavigationGuard } from '../src/shell/navigation-guard'
import {
  BOOKING_PAGES,
  isInAppUrl,
  PAGES,
  paramsOf,
  POLICY_PAGES,
  STAFF_BOOKING_PAGES,
  urlWith
} from '../src/shell/navigation-pages'
import { PARENT_NAMES, PARENT_RULES, parentOf } from '../src/shell/navigation-parents'
import appConfig from './app-pages'

describe('one page change at a time', () => {
  const timings = { sameTargetMs: 500, maxWaitMs: 8000 }
  const slots = urlWith(BOOKING_PAGES.slots, { serviceId: 's1', centerId: 'c1' })

  it('ignores further taps while the page is on its way, whatever they ask for', () => {
    const guard = new NavigationGuard(timings)
    expect(guard.tryStart(slots, 0)).toBe(true)
    expect(guard.tryStart(slots, 150)).toBe(false)
    expect(guard.tryStart(BOOKING_PAGES.mine, 1900)).toBe(false)
    expect(guard.tryStart(ANY_PAGE, 1900)).toBe(false)
    expect(guard.isPending(slots, 1900)).toBe(true)
  })

  it('once the page is there, ignores only a late request for that same page, for a moment', () => {
    const guard = new NavigationGuard(timings)
    guard.tryStart(slots, 0)
    guard.arrived(BOOKING_PAGES.slots, 2000)
    expect(guard.isPending(slots, 2000)).toBe(false)
    expect(guard.tryStart(slots, 2100)).toBe(false)
    expect(guard.tryStart(urlWith(BOOKING_PAGES.slots, { serviceId: 's2', centerId: 'c1' }), 2100)).toBe(true)
    guard.arrived(BOOKING_PAGES.slots, 2150)
    expect(guard.tryStart(BOOKING_PAGES.confirm, 2160)).toBe(true)
    guard.arrived(BOOKING_PAGES.confirm, 2200)
    expect(guard.tryStart(BOOKING_PAGES.confirm, 2700)).toBe(true)
  })

  it('does not end a change when some other page appears (the browser’s own back, a tab)', () => {
    const guard = new NavigationGuard(timings)
    guard.tryStart(slots, 0)
    guard.arrived(PAGES.booking, 100)
    expect(guard.tryStart(BOOKING_PAGES.mine, 200)).toBe(false)
  })

  it('lets a page send the person to sign in as it opens, but not twice', () => {
    const guard = new NavigationGuard(timings)
    guard.tryStart(BOOKING_PAGES.mine, 0)
    expect(guard.tryStart(urlWith(PAGES.login, { back: BOOKING_PAGES.mine }), 80, 'page')).toBe(true)
    // The first page's arrival does not end the sign-in page's way there.
    guard.arrived(BOOKING_PAGES.mine, 90)
    expect(guard.tryStart(PAGES.login, 100, 'page')).toBe(false)
    expect(guard.tryStart(PAGES.home, 100)).toBe(false)
  })

  it('frees the way at once when a change fails, and after a while when it never reports back', () => {
    const guard = new NavigationGuard(timings)
    guard.tryStart(slots, 0)
    guard.failed(slots)
    expect(guard.tryStart(slots, 10)).toBe(true)
    expect(guard.tryStart(slots, 7999)).toBe(false)
    expect(guard.tryStart(slots, 8010)).toBe(true)
  })

  it('ends a change back to an unknown page with whichever page appears', () => {
    const guard = new NavigationGuard(timings)
    guard.tryStart(ANY_PAGE, 0)
    expect(guard.tryStart(PAGES.home, 20)).toBe(false)
    guard.arrived(BOOKING_PAGES.centers, 30)
    expect(guard.tryStart(PAGES.home, 100)).toBe(true)
  })
})

describe('返回 without a previous page leads one step up', () => {
  const none = () => undefined

  it('follows the booking steps back, keeping the query the parent needs', () => {
    const slots = urlWith(BOOKING_PAGES.slots, { serviceId: 's 1', centerId: 'c1', veteranId: 'v1' })
    expect(parentOf(slots, none)).toBe(urlWith(BOOKING_PAGES.centers, { serviceId: 's 1', veteranId: 'v1' }))
    expect(parentOf(urlWith(BOOKING_PAGES.centers, { serviceId: 's1' }), none)).toBe(PAGES.booking)
    const confirm = urlWith(BOOKING_PAGES.confirm, { slotId: 'x', serviceId: 's1', centerId: 'c1' })
    expect(parentOf(confirm, none)).toBe(urlWith(BOOKING_PAGES.slots, { serviceId: 's1', centerId: 'c1' }))
    expect(parentOf(urlWith(BOOKING_PAGES.detail, { id: 'b1' }), none)).toBe(BOOKING_PAGES.mine)
    expect(parentOf(BOOKING_PAGES.mine, none)).toBe(PAGES.me)
  })

  it('takes a rescheduling back to the booking being moved', () => {
    const slots = urlWith(BOOKING_PAGES.slots, { serviceId: 's1', centerId: 'c1', rescheduleId: 'b1' })
    expect(parentOf(slots, none)).toBe(urlWith(BOOKING_PAGES.detail, { id: 'b1' }))
    expect(parentOf(urlWith(BOOKING_PAGES.confirm, { slotId: 'x', rescheduleId: 'b1' }), none)).toBe(
      urlWith(BOOKING_PAGES.detail, { id: 'b1' })
    )
  })

  it('fills what the page’s own address lacks from the parent’s last visit, only when it agrees', () => {
    const remembered = (path: string) =>
      path === BOOKING_PAGES.slots ? { serviceId: 's1', centerId: 'c1', veteranId: 'v1' } : undefined
    expect(parentOf(urlWith(BOOKING_PAGES.confirm, { slotId: 'x', veteranId: 'v1' }), remembered)).toBe(
      urlWith(BOOKING_PAGES.slots, { serviceId: 's1', centerId: 'c1', veteranId: 'v1' })
    )
    // Booking for someone else than on that visit: the memory is not about this booking.
    expect(parentOf(urlWith(BOOKING_PAGES.confirm, { slotId: 'x' }), remembered)).toBe(PAGES.booking)
    expect(parentOf(urlWith(BOOKING_PAGES.confirm, { slotId: 'x', veteranId: 'v2' }), remembered)).toBe(PAGES.booking)
  })

  it('takes staff pages to the workspace, not to the residents’ home', () => {
    expect(parentOf(STAFF_BOOKING_PAGES.schedule, none)).toBe(PAGES.staffHome)
    expect(parentOf(STAFF_BOOKING_PAGES.dayBoard, none)).toBe(PAGES.staffHome)
    expect(parentOf(POLICY_PAGES.staffList, none)).toBe(PAGES.staffHome)
    expect(parentOf(urlWith(STAFF_BOOKING_PAGES.scheduleBatch, { centerId: 'c1' }), none)).toBe(
      STAFF_BOOKING_PAGES.schedule
    )
    expect(parentOf(urlWith(POLICY_PAGES.staffPolicy, { id: 'p1' }), none)).toBe(POLICY_PAGES.staffList)
    expect(parentOf(urlWith(POLICY_PAGES.staffEdit, { id: 'p1' }), none)).toBe(
      urlWith(POLICY_PAGES.staffPolicy, { id: 'p1' })
    )
    expect(parentOf(urlWith(POLICY_PAGES.staffEdit, { supersedes: 'p0' }), none)).toBe(
      urlWith(POLICY_PAGES.staffPolicy, { id: 'p0' })
    )
    expect(parentOf(POLICY_PAGES.staffEdit, none)).toBe(POLICY_PAGES.staffList)
  })

  it('takes policy pages and account pages to their tab', () => {
    expect(parentOf(urlWith(POLICY_PAGES.detail, { id: 'p1' }), none)).toBe(PAGES.policies)
    expect(parentOf(urlWith(POLICY_PAGES.ask, { policyId: 'p1', q: '优待' }), none)).toBe(
      urlWith(POLICY_PAGES.detail, { id: 'p1' })
    )
    expect(parentOf(POLICY_PAGES.ask, none)).toBe(PAGES.policies)
    expect(parentOf(PAGES.identity, none)).toBe(PAGES.me)
    expect(parentOf(PAGES.home, none)).toBeNull()
    expect(parentOf('/pages/nonexistent/index', none)).toBe(PAGES.home)
  })

  it('takes sign-in back to the page that asked, and only to a page of the app', () => {
    const back = urlWith(BOOKING_PAGES.detail, { id: 'b1' })
    expect(parentOf(urlWith(PAGES.login, { back }), none)).toBe(back)
    expect(parentOf(urlWith(PAGES.login, { back: 'https://example.org/x' }), none)).toBe(PAGES.home)
    expect(parentOf(urlWith(PAGES.login, { back: '//example.org/x' }), none)).toBe(PAGES.home)
    expect(parentOf(urlWith(PAGES.login, { back: PAGES.login }), none)).toBe(PAGES.home)
  })

  it('knows every page of the app, and every parent is a page of the app with a name', () => {
    const pages = appConfig.map((page) => `/${page}`)
    expect(pages).toContain(BOOKING_PAGES.confirm)
    expect(pages.length).toBeGreaterThan(20)
    const tabs = [PAGES.home, PAGES.booking, PAGES.policies, PAGES.messages, PAGES.me]
    for (const page of pages) if (!tabs.includes(page as never)) expect(PARENT_RULES[page], page).toBeDefined()
    for (const rules of Object.values(PARENT_RULES)) {
      for (const rule of rules) {
        expect(pages).toContain(rule.path)
        expect(PARENT_NAMES[rule.path], rule.path).toBeDefined()
      }
    }
  })
})

describe('page addresses', () => {
  it('round-trips queries and accepts only addresses inside the app', () => {
    const url = urlWith(BOOKING_PAGES.slots, { serviceId: '优待 证&1', centerId: undefined, veteranId: '' })
    expect(url).toBe(`${BOOKING_PAGES.slots}?serviceId=${encodeURIComponent('优待 证&1')}`)
    expect(paramsOf(url)).toEqual({ serviceId: '优待 证&1' })
    expect(paramsOf('/a/b?x=%E4%&y=1')).toEqual({ y: '1' })
    expect(isInAppUrl('/booking/pages/detail/index?id=1')).toBe(true)
    expect(isInAppUrl('javascript:alert(1)')).toBe(false)
    expect(isInAppUrl('//evil.example/pages/x')).toBe(false)
  })
})

describe('values keep times, numbers and units whole', () => {
  const kept = (text: string) =>
    keepTogether(text)
      .filter((r) => r.keep)
      .map((r) => r.text)

  it('keeps time ranges, numbers with their unit and phone numbers on one line', () => {
    expect(kept('周一至周五 8:30–12:00，14:00–17:30；周六 9:00–12:00')).toEqual([
      '8:30–12:00',
      '14:00–17:30',
      '9:00–12:00'
    ])
    expect(kept('东湖区人民路 88 号市民服务中心 3 楼')).toEqual(['88 号', '3 楼'])
    expect(kept('0399-2601000')).toEqual(['0399-2601000'])
    expect(kept('约 1.2 公里')).toEqual(['1.2 公里'])
  })

  it('keeps a short term in brackets whole, so 长辈版 does not leave "兵）" alone on a line', () => {
    expect(kept('王*国（您是他的子女）')).toEqual(['（您是他的子女）'])
    expect(kept('王建国（退役士兵），3 楼')).toEqual(['（退役士兵）', '3 楼'])
    // A long aside in brackets may still wrap.
    expect(kept('（这是一段比较长的括号里的说明文字）')).toEqual([])
    const text = '李*（子女）、王*（配偶）'
    expect(
      keepTogether(text)
        .map((r) => r.text)
        .join('')
    ).toBe(text)
  })

  it('loses no text, and leaves long codes free to break on a narrow screen', () => {
    const text = '东湖区建设东路 21 号区政务服务大厅 2 楼 ABCDEFGHIJ-KLMNOPQRST 优待证'
    expect(
      keepTogether(text)
        .map((r) => r.text)
        .join('')
    ).toBe(text)
    expect(kept(text)).toEqual(['21 号', '2 楼'])
    expect(keepTogether('')).toEqual([])
    expect(kept('Word')).toEqual([])
  })
})
