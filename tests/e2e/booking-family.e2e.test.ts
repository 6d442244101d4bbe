import { describe, expect, it } from 'vitest'
import { asPerson, bookingsOf } from './booking-api'
import { useAppUnderTest } from './harness/app-under-test'
import { screenshot } from './harness/browser'
import { appErrors, signedInPhone } from './harness/session'
import { arriveAt, button, link, openTab } from './harness/ui'

describe('booking on behalf of a veteran, and who may book', () => {
  const app = useAppUnderTest()

  it('a family member books for the veteran; the veteran sees the booking and is told', async () => {
    const phone = await signedInPhone(app.browser, app.url, 'xiaowang')
    const { page } = phone
    await openTab(page, '预约')
    await arriveAt(page, '预约服务')
    await page.getByText('您将为 王*国 预约').waitFor()
    await button(page, /^选这项服务：优待证申领，/).click()
    await arriveAt(page, '选择服务中心')
    await button(page, /^在这里办理：东湖区退役军人服务中心，/).click()
    await arriveAt(page, '选择时间')
    await page.getByRole('main').getByText('王*国', { exact: true }).waitFor() // 为谁办理
    await page
      .getByRole('button', { name: /^预约这个时段：/ })
      .first()
      .click()
    await arriveAt(page, '确认预约')
    await page.getByRole('region', { name: '预约信息' }).getByText('王*国', { exact: true }).waitFor()
    await screenshot(page, 'booking-family-confirm')
    await button(page, '确认预约').click()
    await arriveAt(page, '预约详情')
    await page.getByText('预约成功！').waitFor()
    const info = page.getByRole('region', { name: '预约信息' })
    await info.getByText('王*国', { exact: true }).waitFor()
    await info.getByText('您', { exact: true }).waitFor() // 预约人
    const code = (await page.getByRole('img', { name: /^签到二维码/ }).getAttribute('aria-label'))!.slice(-6)
    expect(appErrors(phone)).toEqual([])
    await phone.context.close()

    // On the server: for 王建国's record, made by his daughter's account.
    const laowang = await asPerson(app.url, 'laowang')
    const xiaowang = await asPerson(app.url, 'xiaowang')
    const made = (await bookingsOf(laowang)).find((b) => b.checkInCode === code)!
    expect(made).toMatchObject({
      serviceName: '优待证申领',
      veteranId: laowang.user.veteran!.id,
      bookedByUserId: xiaowang.user.id
    })

    // 王建国's phone: the booking is in 我的预约 (with the same check-in code), and 消息 tells him.
    const his = await signedInPhone(app.browser, app.url, 'laowang')
    await his.page.goto('/booking/pages/mine/index')
    await arriveAt(his.page, '我的预约')
    const item = his.page.getByRole('region', { name: '即将到来' }).getByRole('link', { name: /优待证申领/ })
    await item.getByText('家属为您预约').waitFor()
    await item.click()
    await arriveAt(his.page, '预约详情')
    await his.page.getByText(code, { exact: true }).waitFor()
    await his.page.getByRole('region', { name: '预约信息' }).getByText('家属代约').waitFor()
    await his.page.goto('/pages/messages/index')
    await arriveAt(his.page, '消息')
    await his.page
      .getByRole('region', { name: '通知' })
      .getByText(/为您预约了 .*「优待证申领」/)
      .waitFor()
    expect(appErrors(his)).toEqual([])
    await his.context.close()
  })

  it('我的预约 still shows the bookings and check-in codes without a network, saying when they were updated', async () => {
    const phone = await signedInPhone(app.browser, app.url, 'laowang')
    const { page } = phone
    await openTab(page, '我的')
    await arriveAt(page, '我的')
    await link(page, /^我的预约/).click()
    await arriveAt(page, '我的预约')
    const first = page.getByRole('region', { name: '即将到来' }).getByRole('link').first()
    await first.waitFor()
    const firstName = await first.innerText()
    // Seen once with a network (the browser build loads each page's code when first opened).
    await first.click()
    await arriveAt(page, '预约详情')
    await button(page, '返回').click()
    await arriveAt(page, '我的预约')
    await button(page, '返回').click()
    await arriveAt(page, '我的')

    await phone.context.setOffline(true)
    await link(page, /^我的预约/).click()
    await page
      .getByText(/现在连不上网络，下面是之前保存的内容（更新于 (今天|\d+月\d+日) \d\d:\d\d）/)
      .waitFor({ timeout: 15_000 })
    await arriveAt(page, '我的预约')
    await expect(page.getByRole('region', { name: '即将到来' }).getByRole('link').first().innerText()).resolves.toBe(
      firstName
    )
    await screenshot(page, 'booking-offline')
    // The check-in code opens from the kept copy too.
    await page.getByRole('region', { name: '即将到来' }).getByRole('link').first().click()
    await page
      .getByText(/更新于/)
      .filter({ visible: true })
      .first()
      .waitFor({ timeout: 15_000 })
    await arriveAt(page, '预约详情')
    await page.getByRole('img', { name: /^签到二维码/ }).waitFor()
    await phone.context.setOffline(false)
    await phone.context.close()
  })

  it('an unbound resident is told plainly to bind an identity first, with the way there', async () => {
    const phone = await signedInPhone(app.browser, app.url, 'zhangmin')
    const { page } = phone
    await openTab(page, '预约')
    await arriveAt(page, '预约服务')
    await page
      .getByRole('region', { name: '请先认证身份' })
      .getByText(/预约服务需要先认证退役军人身份/)
      .waitFor()
    await expect(page.getByRole('button', { name: /^选这项服务：/ }).count()).resolves.toBe(0)
    await screenshot(page, 'booking-bind-first')
    await button(page, '去认证身份').click()
    await arriveAt(page, '退役军人身份认证')
    expect(appErrors(phone)).toEqual([])
    await phone.context.close()
  })
})
