import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { useAppUnderTest } from './harness/app-under-test'
import { newPhone, screenshot } from './harness/browser'
import { appErrors, signedInPhone, staffSignIn } from './harness/session'
import { arriveAt, button, openTab } from './harness/ui'

const historyLength = (page: Page) => page.evaluate(() => window.history.length)
/** Long enough for a second page, had the tap opened one, to have come. */
const settle = (page: Page) => page.waitForTimeout(500)

/** A slow network: every page's code arrives `ms` late (the pages' data from the BFF is not held up). */
async function slowPageCode(page: Page, ms: number): Promise<void> {
  await page.route(/\/(chunk|css)\/[^/]+\.(js|css)$/, async (route) => {
    await new Promise((resolve) => setTimeout(resolve, ms))
    await route.continue()
  })
}

describe('finding the way: one page per tap, 返回 after a reload, unknown addresses', () => {
  const app = useAppUnderTest()

  it('opens the next page once however often it is tapped, and tells a person on a slow network to wait', async () => {
    const phone = await signedInPhone(app.browser, app.url, 'laowang')
    const { page } = phone
    await openTab(page, '预约')
    await arriveAt(page, '预约服务')

    // A double tap on 选这项服务: one page opened, so one 返回 leads back.
    const before = await historyLength(page)
    await button(page, /^选这项服务：就业创业指导，/).dblclick()
    await arriveAt(page, '选择服务中心')
    await settle(page)
    expect(await historyLength(page)).toBe(before + 1)
    await button(page, '返回').click()
    await arriveAt(page, '预约服务')

    // On a slow network nothing seems to happen, so the person taps again (and again): still one page.
    await slowPageCode(page, 2500)
    await button(page, /^选这项服务：就业创业指导，/).click()
    await arriveAt(page, '选择服务中心')
    const atCenters = await historyLength(page)
    await button(page, /^在这里办理：东湖区退役军人服务中心，/).click()
    await page.getByText('正在打开…').waitFor({ timeout: 2000 }) // the sign that something is happening
    await screenshot(page, 'navigation-slow-tap')
    await button(page, /^在这里办理：东湖区退役军人服务中心，/).click({ force: true }) // on the mask, as a finger would
    await page.waitForTimeout(700)
    await button(page, /^在这里办理：东湖区退役军人服务中心，/)
      .click({ force: true })
      .catch(() => undefined)
    await arriveAt(page, '选择时间')
    await page.getByText('正在打开…').waitFor({ state: 'hidden' })
    await settle(page)
    expect(await historyLength(page)).toBe(atCenters + 1)
    await page.unroute(/\/(chunk|css)\/[^/]+\.(js|css)$/)

    // A double-tapped time slot leaves no second 确认预约 behind.
    await page
      .getByRole('button', { name: /^预约这个时段：/ })
      .first()
      .dblclick()
    await arriveAt(page, '确认预约')
    await settle(page)
    expect(await historyLength(page)).toBe(atCenters + 2)
    await button(page, '返回').click()
    await arriveAt(page, '选择时间')
    await button(page, '返回').click()
    await arriveAt(page, '选择服务中心')
    expect(appErrors(phone)).toEqual([])
    await phone.context.close()
  })

  it('after a reload, 返回 leads one step up the booking steps, keeping the service and center', async () => {
    const phone = await signedInPhone(app.browser, app.url, 'laowang')
    const { page } = phone
    await openTab(page, '预约')
    await arriveAt(page, '预约服务')
    await button(page, /^选这项服务：就业创业指导，/).click()
    await arriveAt(page, '选择服务中心')
    await button(page, /^在这里办理：东湖区退役军人服务中心，/).click()
    await arriveAt(page, '选择时间')
    const slotsUrl = new URL(page.url())
    await page
      .getByRole('button', { name: /^预约这个时段：/ })
      .first()
      .click()
    await arriveAt(page, '确认预约')

    // The browser forgets the page stack on reload: 返回 must still lead to 选择时间 for this service and center.
    await page.reload()
    await arriveAt(page, '确认预约')
    await button(page, '返回').click()
    await arriveAt(page, '选择时间')
    const back = new URL(page.url())
    expect(back.pathname).toBe('/booking/pages/slots/index')
    expect(back.searchParams.get('serviceId')).toBe(slotsUrl.searchParams.get('serviceId'))
    expect(back.searchParams.get('centerId')).toBe(slotsUrl.searchParams.get('centerId'))

    await page.reload()
    await arriveAt(page, '选择时间')
    await button(page, '返回').click()
    await arriveAt(page, '选择服务中心')
    expect(new URL(page.url()).searchParams.get('serviceId')).toBe(slotsUrl.searchParams.get('serviceId'))
    await button(page, '返回').click()
    await arriveAt(page, '预约服务')
    expect(appErrors(phone)).toEqual([])
    await phone.context.close()
  })

  it('after a reload, 返回 on a staff page leads to the staff workspace, not the residents’ home', async () => {
    const phone = await newPhone(app.browser, app.url)
    const { page } = phone
    await staffSignIn(page, 'donghu')

    for (const [url, title] of [
      ['/staff/pages/schedule/index', '号源排班'],
      ['/staff/pages/policies/index', '政策发布']
    ] as const) {
      await page.goto(url)
      await arriveAt(page, title)
      await button(page, '返回').click()
      await arriveAt(page, '工作台')
    }
    expect(appErrors(phone)).toEqual([])
    await phone.context.close()
  })

  it('an unknown address shows a plain page with the way home', async () => {
    const phone = await newPhone(app.browser, app.url)
    const { page } = phone
    await page.goto('/pages/nonexistent/index')
    await arriveAt(page, '没有找到这个页面')
    await screenshot(page, 'navigation-unknown-page')
    await button(page, '回到首页').click()
    await arriveAt(page, 'M市退役军人服务')
    expect(appErrors(phone)).toEqual([])
    await phone.context.close()
  })
})
