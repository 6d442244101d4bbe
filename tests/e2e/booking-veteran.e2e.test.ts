// Long on purpose: the veteran's whole booking journey, step by step, in one browser session.
import type { Booking, Slot } from '@veterans/shared'
import { beijingDateOf } from '@veterans/shared/rules'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { encodeQr } from '../../miniapp/src/components/qr-code-encoder'
import { momentText, timeRange, whenText } from '../../miniapp/src/features/booking/dates'
import { asPerson, asStaff, beijingToday, bookingsOf, openSlot, reference, slotsOf } from './booking-api'
import { useAppUnderTest } from './harness/app-under-test'
import { screenshot } from './harness/browser'
import { appErrors, signedInPhone } from './harness/session'
import { arriveAt, button, field, fontSizeOf, heightOf, link, openTab, pageTitle } from './harness/ui'

/** The QR code drawn on the page, read back module by module from its SVG path (quiet zone of 4 modules). */
async function qrModulesOn(page: Page): Promise<boolean[][]> {
  const svg = page.getByRole('img', { name: /^签到二维码/ })
  const [viewBox, d] = await Promise.all([svg.getAttribute('viewBox'), svg.locator('path').getAttribute('d')])
  const size = Number(viewBox!.split(' ')[2]) - 8
  const modules = Array.from({ length: size }, () => new Array<boolean>(size).fill(false))
  for (const [, x, y] of d!.matchAll(/M(\d+) (\d+)h1v1h-1z/g)) modules[Number(y) - 4]![Number(x) - 4] = true
  return modules
}

describe('a veteran books a service on the phone', () => {
  const app = useAppUnderTest()

  it('chooses service → center → day → slot, confirms, sees the booking with its QR code, moves it, and cancels it', async () => {
    const phone = await signedInPhone(app.browser, app.url, 'laowang')
    const { page } = phone
    await openTab(page, '预约')
    await arriveAt(page, '预约服务')
    await link(page, /^我的预约/).waitFor()
    await screenshot(page, 'booking-services')

    await button(page, /^选这项服务：就业创业指导，/).click()
    await arriveAt(page, '选择服务中心')
    // What to bring comes first, on this step (the service list stays short), in two lines with the list a tap
    // away, so the centers start on the first screen; then the centers, his district first.
    const regions = page.getByRole('region')
    await expect(regions.first().getByRole('heading').innerText()).resolves.toBe('办理须知')
    await regions
      .first()
      .getByText(/请带上 \d+ 样材料/)
      .waitFor()
    await button(regions.first(), '查看要带的材料').click()
    await regions.first().getByRole('listitem').filter({ hasText: '身份证' }).first().waitFor()
    // 王建国 lives in 东湖区: his district comes first.
    await expect(regions.nth(1).getByRole('heading').innerText()).resolves.toBe('东湖区')
    await screenshot(page, 'booking-centers')
    await button(page, /^在这里办理：东湖区退役军人服务中心，/).click()
    await arriveAt(page, '选择时间')

    // The calendar opens on the first day with places; take the second such day instead.
    const days = page.getByRole('group', { name: '选择日期' }).getByRole('button')
    await expect(days.count()).resolves.toBe(14)
    await expect(days.filter({ hasText: '不开放' }).count()).resolves.toBeGreaterThan(0) // weekends
    const openDays = days.filter({ hasText: /余 \d+ 个名额/ })
    await expect(openDays.first().getAttribute('aria-pressed')).resolves.toBe('true')
    const secondDay = openDays.nth(1)
    const [date, weekdayLine] = (await secondDay.innerText()).split('\n') as [string, string]
    const [weekday, relative] = weekdayLine.split(' ')
    const dayLabel = `${date}（${weekday}${relative ? `，${relative}` : ''}）` // 12月1日（周二）, as the page says it
    await secondDay.click()
    await expect.poll(() => secondDay.getAttribute('aria-pressed')).toBe('true')
    await page.getByRole('region', { name: `${dayLabel}的时段` }).waitFor()
    await screenshot(page, 'booking-slots')
    const slotButton = page.getByRole('button', { name: /^预约这个时段：\d\d:\d\d–\d\d:\d\d$/ }).first()
    const time = (await slotButton.getAttribute('aria-label'))!.replace('预约这个时段：', '')
    await slotButton.click()

    await arriveAt(page, '确认预约')
    const summary = page.getByRole('region', { name: '预约信息' })
    await summary.getByText('就业创业指导', { exact: true }).waitFor()
    await summary.getByText(`${dayLabel} ${time}`).waitFor()
    await summary.getByText('东湖区建设东路 21 号区政务服务大厅 2 楼').waitFor()
    await summary.getByText('您本人').waitFor()
    await page.getByRole('region', { name: '请带上' }).getByRole('listitem').filter({ hasText: '身份证' }).waitFor()
    await field(page, '备注（选填）').fill('想了解技能培训')
    await screenshot(page, 'booking-confirm')
    await button(page, '确认预约').click()

    await arriveAt(page, '预约详情')
    await page.getByText('预约成功！').waitFor()
    const qr = page.getByRole('img', { name: /^签到二维码，签到码 [A-Z0-9]{6}$/ })
    const code = (await qr.getAttribute('aria-label'))!.slice(-6)
    await page.getByText(code, { exact: true }).waitFor() // also printed, for staff to type
    // What is drawn is the QR symbol of exactly this code.
    expect(await qrModulesOn(page)).toEqual(encodeQr(code).modules)
    await screenshot(page, 'booking-detail-qr')

    // The server holds one booking with that code, for 王建国, with the note.
    const laowang = await asPerson(app.url, 'laowang')
    const booked = (await bookingsOf(laowang)).filter((b) => b.serviceName === '就业创业指导')
    expect(booked).toHaveLength(1)
    expect(booked[0]).toMatchObject({
      checkInCode: code,
      status: 'booked',
      note: '想了解技能培训',
      centerName: '东湖区退役军人服务中心'
    })

    // 我的预约 lists it; from there, cancel.
    await link(page, '我的全部预约').click()
    await arriveAt(page, '我的预约')
    const upcoming = page.getByRole('region', { name: '即将到来' })
    await upcoming.getByRole('link', { name: /家属为您预约/ }).waitFor() // the one his daughter made
    await screenshot(page, 'booking-mine')
    await upcoming.getByRole('link', { name: /就业创业指导/ }).click()
    await arriveAt(page, '预约详情')

    // 改约: another time of the same service and center; the check-in code stays.
    await button(page, '改约（换个时间）').click()
    await arriveAt(page, '改约：选择新时间')
    const other = page.getByRole('button', { name: /^改到这个时段：/ }).filter({ hasNot: page.locator('[disabled]') })
    await other.first().waitFor()
    let target = other.first()
    for (const candidate of await other.all()) {
      if ((await candidate.getAttribute('aria-label')) !== `改到这个时段：${time}`) {
        target = candidate
        break
      }
    }
    const newTime = (await target.getAttribute('aria-label'))!.replace('改到这个时段：', '')
    await target.click()
    await arriveAt(page, '确认改约')
    const moving = page.getByRole('region', { name: '改约信息' })
    await moving.getByText(`${dayLabel} ${time}`).waitFor() // 原来的时间
    await moving.getByText(new RegExp(`${newTime}$`)).waitFor() // 新的时间
    await screenshot(page, 'booking-reschedule')
    await button(page, '确认改约').click()
    await arriveAt(page, '预约详情')
    await page
      .getByText(/^已改到 .*签到码不变。$/)
      .filter({ visible: true })
      .waitFor()
    await page.getByText(code, { exact: true }).filter({ visible: true }).waitFor()
    const moved = await laowang.call<Booking>('GET', `/bookings/${booked[0]!.id}`)
    expect(moved.body).toMatchObject({ status: 'booked', checkInCode: code })
    expect(moved.body.slotId).not.toBe(booked[0]!.slotId)

    const changes = page.getByRole('region', { name: '改约或取消' })
    await button(changes, '取消预约').click()
    await changes.getByText(/取消后名额会让给其他人/).waitFor()
    await changes.getByRole('button', { name: '不取消，保留预约' }).waitFor() // no bare 取消 that could mean either
    await button(changes, '确定取消预约').click()
    await page.getByRole('status').filter({ hasText: '已为您取消这个预约' }).waitFor()
    await page.getByRole('region', { name: '预约状态' }).getByText('已取消', { exact: true }).waitFor()
    await expect(page.getByRole('img', { name: /^签到二维码/ }).count()).resolves.toBe(0)
    await arriveAt(page, '预约详情')
    await screenshot(page, 'booking-cancelled')
    expect((await laowang.call<Booking>('GET', `/bookings/${booked[0]!.id}`)).body.status).toBe('cancelled')
    expect(appErrors(phone)).toEqual([])
    await phone.context.close()
  })

  it('the service list is short and says what is booked; the chosen day survives a reload; 改约 to another center', async () => {
    const staff = await asStaff(app.url, 'city')
    const laowang = await asPerson(app.url, 'laowang')
    const { service, center } = await reference(staff)
    const phone = await signedInPhone(app.browser, app.url, 'laowang')
    const { page } = phone
    await openTab(page, '预约')
    await arriveAt(page, '预约服务')

    // Ten services in rows that fit in two phone screens; what he has booked says when, and opens that booking.
    const rows = page.getByRole('main').filter({ visible: true }).locator('.choice-row')
    await expect(rows.count()).resolves.toBe(10)
    const lastRow = await rows.last().boundingBox()
    expect(lastRow!.y + lastRow!.height).toBeLessThanOrEqual(2 * 844)
    const held = (await bookingsOf(laowang)).find((b) => b.serviceName === '优抚待遇咨询')!
    const heldRow = button(page, /^优抚待遇咨询，已预约 \d+月\d+日 \d\d:\d\d，查看预约$/)
    await expect(heldRow.innerText()).resolves.toContain(`已预约 ${momentText(held.startsAt, beijingToday())}`)
    await button(page, /^医疗保障咨询，已预约 /).waitFor() // the one his daughter made for him counts too
    await expect(page.getByRole('button', { name: /^选这项服务：优抚待遇咨询，/ }).count()).resolves.toBe(0)
    await heldRow.click()
    await arriveAt(page, '预约详情')
    await page.getByRole('region', { name: '预约状态' }).getByText('优抚待遇咨询').first().waitFor()
    await page.goBack()
    await arriveAt(page, '预约服务')

    // 选择时间: the day tapped is kept in the address (replaced, not pushed), and a reload opens on it.
    await button(page, /^选这项服务：档案查询，/).click()
    await arriveAt(page, '选择服务中心')
    await button(page, /^在这里办理：东湖区退役军人服务中心，/).click()
    await arriveAt(page, '选择时间')
    const openDays = page
      .getByRole('group', { name: '选择日期' })
      .getByRole('button')
      .filter({ hasText: /余 \d+ 个名额/ })
    const entries = await page.evaluate(() => window.history.length)
    await openDays.nth(2).click()
    await openDays.nth(1).click()
    const chosen = openDays.nth(1)
    await expect.poll(() => chosen.getAttribute('aria-pressed')).toBe('true')
    const label = (await chosen.innerText()).split('\n')[0]!
    await expect.poll(() => new URL(page.url()).searchParams.get('date')).toMatch(/^\d{4}-\d\d-\d\d$/)
    expect(await page.evaluate(() => window.history.length)).toBe(entries)
    await page.reload()
    await arriveAt(page, '选择时间')
    const pressed = page.getByRole('group', { name: '选择日期' }).getByRole('button', { pressed: true })
    await expect.poll(async () => (await pressed.innerText()).split('\n')[0]).toBe(label)
    // A past or made-up day is ignored: the first day with places is chosen.
    for (const wrong of ['2020-01-01', 'tomorrow']) {
      const url = new URL(page.url())
      url.searchParams.set('date', wrong)
      await page.goto(url.pathname + url.search)
      await arriveAt(page, '选择时间')
      await expect.poll(() => openDays.first().getAttribute('aria-pressed')).toBe('true')
    }

    // 改约 to another center of the same service, then a time there; the check-in code stays.
    const donghu = center('东湖区退役军人服务中心')
    const xijiang = center('西江区退役军人服务中心')
    const { slot } = await openSlot(staff, donghu.id, service('education').id, 3, '08:05', 2, 20)
    const { slot: there } = await openSlot(staff, xijiang.id, service('education').id, 4, '08:05', 2, 20)
    const booked = await laowang.call<Booking>(
      'POST',
      '/bookings',
      { slotId: slot.id },
      { 'idempotency-key': 'e2e-move-center' }
    )
    expect(booked.status).toBe(201)
    await page.goto(`/booking/pages/detail/index?id=${booked.body.id}`)
    await arriveAt(page, '预约详情')
    await button(page, '改约（换个服务中心）').click()
    await arriveAt(page, '改约：选择服务中心')
    await button(page, /^在这里办理：东湖区退役军人服务中心，/)
      .getByText(/现在约在这里/)
      .waitFor()
    await button(page, /^在这里办理：西江区退役军人服务中心，/).click()
    await arriveAt(page, '改约：选择新时间')
    const [, month, day] = beijingDateOf(there.startsAt).split('-').map(Number)
    await page
      .getByRole('group', { name: '选择日期' })
      .getByRole('button', { name: new RegExp(`^${month}月${day}日`) })
      .click()
    await button(page, '改到这个时段：08:05–08:25').click()
    await arriveAt(page, '确认改约')
    const moving = page.getByRole('region', { name: '改约信息' })
    await moving.getByText('东湖区退役军人服务中心', { exact: true }).waitFor() // 原来的服务中心
    await moving.getByText('西江区退役军人服务中心', { exact: true }).waitFor() // 新的服务中心
    await button(page, '确认改约').click()
    await arriveAt(page, '预约详情')
    await page
      .getByText(/^已改到 .*西江区退役军人服务中心，签到码不变。$/)
      .filter({ visible: true })
      .waitFor()
    const moved = await laowang.call<Booking>('GET', `/bookings/${booked.body.id}`)
    expect(moved.body).toMatchObject({ centerName: '西江区退役军人服务中心', checkInCode: booked.body.checkInCode })
    expect(appErrors(phone)).toEqual([])
    await phone.context.close()
  })

  it('a booking whose answer was lost on the way is not made twice when the person reloads and taps again', async () => {
    const laowang = await asPerson(app.url, 'laowang')
    const { service, center } = await reference(laowang)
    const legal = service('legal_aid')
    const donghu = center('东湖区退役军人服务中心')
    const before = await bookingsOf(laowang)
    const days = (
      await laowang.call<{ items: { date: string; available: number }[] }>(
        'GET',
        `/slots/days?centerId=${donghu.id}&serviceId=${legal.id}`
      )
    ).body.items
    const date = days.find((d) => d.available > 0)!.date
    const slot = (await slotsOf(laowang, donghu.id, legal.id, date)).find((s) => s.bookable)!

    const phone = await signedInPhone(app.browser, app.url, 'laowang')
    const { page } = phone
    await page.goto(`/booking/pages/confirm/index?slotId=${slot.id}`)
    await arriveAt(page, '确认预约')

    // The server books, but the answer never reaches the phone: every try (the client retries twice) is cut off.
    const keys: string[] = []
    await page.route('**/api/v1/bookings', async (route) => {
      if (route.request().method() !== 'POST') return route.continue()
      keys.push((await route.request().headerValue('idempotency-key')) ?? '')
      await route.fetch() // reaches the server
      await route.abort('connectionreset')
    })
    await button(page, '确认预约').click()
    await page.getByRole('alert').filter({ hasText: '不会重复办理' }).waitFor()
    expect(keys).toHaveLength(3)
    expect(new Set(keys).size).toBe(1)
    await screenshot(page, 'booking-lost-answer')

    // The person reloads the page and taps again, now with a working connection.
    await page.unroute('**/api/v1/bookings')
    await page.reload()
    await arriveAt(page, '确认预约')
    const answer = page.waitForResponse((r) => r.url().endsWith('/api/v1/bookings') && r.request().method() === 'POST')
    await button(page, '确认预约').click()
    const response = await answer
    expect(response.status()).toBe(201)
    expect(response.request().headers()['idempotency-key']).toBe(keys[0])
    expect(response.headers()['idempotent-replayed']).toBe('true')
    await arriveAt(page, '预约详情')
    await page.getByText('预约成功！').waitFor()

    // One booking, one place taken.
    const after = await bookingsOf(laowang)
    expect(after.filter((b) => b.slotId === slot.id)).toHaveLength(1)
    expect(after).toHaveLength(before.length + 1)
    const now = (await slotsOf(laowang, donghu.id, legal.id, date)).find((s) => s.id === slot.id)!
    expect(now.remaining).toBe(slot.remaining - 1)
    expect(appErrors(phone)).toEqual([])
    await phone.context.close()
  })

  it('a full slot offers 候补 with the position; when a place frees, the booking is made and 消息 says so', async () => {
    // Arrange a full slot: staff open one place and another veteran (李志强, bound now) takes it.
    const staff = await asStaff(app.url, 'donghu')
    const other = await asPerson(app.url, 'lizhiqiang')
    expect((await other.call('POST', '/me/veteran', { name: '李志强', idNumber: '419903198506150516' })).status).toBe(
      200
    )
    const { service, center } = await reference(staff)
    const hardship = service('hardship_aid')
    const donghu = center('东湖区退役军人服务中心')
    const { slot, date } = await openSlot(staff, donghu.id, hardship.id, 6, '08:00', 1)
    const taken = await other.call<Booking>(
      'POST',
      '/bookings',
      { slotId: slot.id },
      { 'idempotency-key': 'e2e-full-slot' }
    )
    expect(taken.status).toBe(201)

    const phone = await signedInPhone(app.browser, app.url, 'laowang')
    const { page } = phone
    await page.goto(`/booking/pages/slots/index?serviceId=${hardship.id}&centerId=${donghu.id}`)
    await arriveAt(page, '选择时间')
    const [, month, day] = date.split('-').map(Number)
    await page
      .getByRole('group', { name: '选择日期' })
      .getByRole('button', { name: new RegExp(`^${month}月${day}日`) })
      .click()
    await page.getByText('已约满').first().waitFor()
    await button(page, '登记候补：08:00–08:30').click()
    await page.getByText('已登记候补：08:00–08:30，排在第 1 位').waitFor()
    await arriveAt(page, '选择时间')
    await screenshot(page, 'booking-waitlist')

    // Coming back later (here a reload), the slot says the place held instead of offering 登记候补 again.
    await page.reload()
    await arriveAt(page, '选择时间')
    await page.getByText('已登记候补，排在第 1 位').waitFor()
    await expect(button(page, '登记候补：08:00–08:30').count()).resolves.toBe(0)
    await button(page, '查看我的候补：08:00–08:30').click()
    await arriveAt(page, '我的预约')
    const waitlist = page.getByRole('region', { name: '我的候补' })
    await waitlist.getByText('候补中，排在第 1 位，有人取消就轮到您').waitFor()

    // 李志强 cancels: the place goes to 王建国 at once, and he is told.
    expect((await other.call('POST', `/bookings/${taken.body.id}/cancel`, {})).status).toBe(200)
    await page.goto('/pages/messages/index')
    await arriveAt(page, '消息')
    const notices = page.getByRole('region', { name: '通知' })
    await notices.getByText('候补成功，已为您预约').waitFor()
    await notices.getByText(/有 \d+ 条未读通知/).waitFor()
    await screenshot(page, 'booking-messages')
    await button(notices, '全部标为已读').click()
    await notices.getByText('通知都已读过').waitFor()
    await expect(link(notices, /^未读，/).count()).resolves.toBe(0)
    // The whole row is the link to what it is about.
    await link(notices, /候补成功，已为您预约/).click()
    await arriveAt(page, '预约详情')
    await page.getByRole('img', { name: /^签到二维码/ }).waitFor()
    const laowang = await asPerson(app.url, 'laowang')
    expect((await bookingsOf(laowang)).filter((b) => b.slotId === slot.id)).toHaveLength(1)
    expect(appErrors(phone)).toEqual([])
    await phone.context.close()
  })

  it('改约 marks the current slot and slots inside the cut-off, warns before moving into one; a center-closed booking says so', async () => {
    const staff = await asStaff(app.url, 'donghu')
    const laowang = await asPerson(app.url, 'laowang')
    const { service, center } = await reference(staff)
    const records = service('records')
    const donghu = center('东湖区退役军人服务中心')
    // Opened at exact instants: one in 5 hours (booked now), one about 80 minutes away (inside the 2-hour cut-off).
    const at = (minutes: number) => new Date(Math.ceil((Date.now() + minutes * 60_000) / 300_000) * 300_000)
    const open = async (start: Date) => {
      const body = {
        centerId: donghu.id,
        serviceId: records.id,
        startsAt: start.toISOString(),
        endsAt: new Date(start.getTime() + 20 * 60_000).toISOString(),
        capacity: 2
      }
      const created = await staff.call<Slot>('POST', '/staff/slots', body)
      expect(created.status).toBe(201)
      return created.body
    }
    const current = await open(at(300))
    const late = await open(at(80))
    const booked = await laowang.call<Booking>(
      'POST',
      '/bookings',
      { slotId: current.id },
      { 'idempotency-key': 'e2e-cutoff-move' }
    )
    expect(booked.status).toBe(201)

    const phone = await signedInPhone(app.browser, app.url, 'laowang')
    const { page } = phone
    const pickDay = async (iso: string) => {
      const [, month, day] = beijingDateOf(iso).split('-').map(Number)
      await page
        .getByRole('group', { name: '选择日期' })
        .getByRole('button', { name: new RegExp(`^${month}月${day}日`) })
        .click()
    }
    await page.goto(
      `/booking/pages/slots/index?serviceId=${records.id}&centerId=${donghu.id}&rescheduleId=${booked.body.id}`
    )
    await arriveAt(page, '改约：选择新时间')
    await pickDay(current.startsAt)
    const currentTime = timeRange(current.startsAt, current.endsAt)
    await page.getByText('当前时段：您现在约的就是这个').waitFor()
    await expect(button(page, `改到这个时段：${currentTime}`).count()).resolves.toBe(0)

    await pickDay(late.startsAt)
    const lateTime = timeRange(late.startsAt, late.endsAt)
    await page.getByText('离开始不到 2 小时：约了以后不能在线取消或改约').first().waitFor()
    await button(page, `改到这个时段：${lateTime}`).click()
    await arriveAt(page, '确认改约')
    await page
      .getByRole('status')
      .filter({ hasText: '开始前 2 小时内不能在线取消或改约' })
      .filter({ hasText: donghu.phone })
      .waitFor()
    await expect(
      page
        .getByText(/我的预约”里取消/)
        .filter({ visible: true })
        .count()
    ).resolves.toBe(0)
    await screenshot(page, 'booking-reschedule-cutoff')
    await button(page, '确认改约').click()
    await arriveAt(page, '预约详情')
    await page
      .getByRole('region', { name: '改约或取消' })
      .getByText(/不能在线改约或取消/)
      .waitFor()

    // The center closes that slot: the booking says the center cancelled it, why, whom to call, and offers another time.
    expect(
      (await staff.call('PATCH', `/staff/slots/${late.id}`, { status: 'closed', reason: '工作人员外出培训' })).status
    ).toBe(200)
    await page.reload()
    await arriveAt(page, '预约详情')
    const state = page.getByRole('region', { name: '预约状态' })
    await state.getByText('服务中心已取消', { exact: true }).waitFor()
    await state
      .getByText(
        `${donghu.name}取消了这次预约，原因：工作人员外出培训。您不用前往。如有疑问，请致电${donghu.name} ${donghu.phone}。可以另约其他时间。`
      )
      .waitFor()
    await expect(page.getByText('名额已让给其他人').filter({ visible: true }).count()).resolves.toBe(0)
    await button(page, '另约其他时间').click()
    await arriveAt(page, '选择时间')
    await screenshot(page, 'booking-closed-by-center')
    expect(appErrors(phone)).toEqual([])
    await phone.context.close()
  })

  it('booking a service says first that the person’s 候补 of it will end, and 我的候补 says why it ended', async () => {
    const staff = await asStaff(app.url, 'donghu')
    const laowang = await asPerson(app.url, 'laowang')
    const other = await asPerson(app.url, 'lizhiqiang')
    if (!other.user.veteran)
      expect((await other.call('POST', '/me/veteran', { name: '李志强', idNumber: '419903198506150516' })).status).toBe(
        200
      )
    const { service, center } = await reference(staff)
    const counselling = service('counselling')
    const donghu = center('东湖区退役军人服务中心')
    const { slot: full } = await openSlot(staff, donghu.id, counselling.id, 5, '08:10', 1)
    expect(
      (await other.call('POST', '/bookings', { slotId: full.id }, { 'idempotency-key': 'e2e-waitlist-ends' })).status
    ).toBe(201)
    expect((await laowang.call('POST', '/waitlist', { slotId: full.id })).status).toBe(201)
    const days = (
      await laowang.call<{ items: { date: string; available: number }[] }>(
        'GET',
        `/slots/days?centerId=${donghu.id}&serviceId=${counselling.id}`
      )
    ).body.items
    const date = days.find((d) => d.available > 0)!.date
    // Not at the time of a booking he already holds: a person's bookings must not overlap (TIME_CONFLICT).
    const held = (await bookingsOf(laowang)).filter((b) => b.status === 'booked' || b.status === 'checked_in')
    const target = (await slotsOf(laowang, donghu.id, counselling.id, date)).find(
      (s) => s.bookable && s.id !== full.id && !held.some((b) => b.startsAt < s.endsAt && b.endsAt > s.startsAt)
    )!

    const phone = await signedInPhone(app.browser, app.url, 'laowang')
    const { page } = phone
    await page.goto(`/booking/pages/confirm/index?slotId=${target.id}`)
    await arriveAt(page, '确认预约')
    await page
      .getByRole('status')
      .filter({ hasText: `您正在候补 ${whenText(full.startsAt, full.endsAt, beijingToday())}（${donghu.name}）` })
      .filter({ hasText: '预约这个时段后，这个候补会自动结束' })
      .waitFor()
    await screenshot(page, 'booking-confirm-waitlist-ends')
    await button(page, '确认预约').click()
    await arriveAt(page, '预约详情')
    await page.getByText('预约成功！').waitFor()
    // Asked before cancelling, with answers that cannot be misread; backing out keeps the booking.
    const changes = page.getByRole('region', { name: '改约或取消' })
    await button(changes, '取消预约').click()
    await button(changes, '确定取消预约').waitFor()
    await button(changes, '不取消，保留预约').click()
    await button(changes, '取消预约').waitFor()
    await page.goto('/booking/pages/mine/index')
    await arriveAt(page, '我的预约')
    await page
      .getByRole('region', { name: '我的候补' })
      .getByText(/^候补已结束：已预约了这项服务的其他时间/)
      .waitFor()
    expect(appErrors(phone)).toEqual([])
    await phone.context.close()
  })

  it('长辈版 on the booking flow: larger text, and every control at least 60 px tall', async () => {
    const phone = await signedInPhone(app.browser, app.url, 'laowang')
    const { page } = phone
    await openTab(page, '预约')
    await arriveAt(page, '预约服务')
    const description = page.getByText('就业创业指导', { exact: true })
    const normal = { body: await fontSizeOf(description), title: await fontSizeOf(pageTitle(page)) }

    const laowang = await asPerson(app.url, 'laowang')
    expect((await laowang.call('PATCH', '/me', { elderMode: true })).status).toBe(200)
    await page.reload() // the profile (and 长辈版 with it) is read again at launch
    await arriveAt(page, '预约服务')
    await expect.poll(() => fontSizeOf(description)).toBeGreaterThanOrEqual(18)
    expect(await fontSizeOf(description)).toBeGreaterThan(normal.body)
    expect(await fontSizeOf(pageTitle(page))).toBeGreaterThan(normal.title)

    const everyTargetIsLarge = async (where: string) => {
      const main = page.getByRole('main').filter({ visible: true })
      for (const target of [...(await main.getByRole('button').all()), ...(await main.getByRole('link').all())]) {
        if (!(await target.isVisible())) continue
        const name = (await target.getAttribute('aria-label')) ?? (await target.innerText())
        expect(await heightOf(target), `${where}: ${name}`).toBeGreaterThanOrEqual(60)
      }
    }
    await everyTargetIsLarge('预约服务')
    await screenshot(page, 'booking-elder-services')

    await button(page, /^选这项服务：优待证申领，/).click()
    await arriveAt(page, '选择服务中心')
    await everyTargetIsLarge('选择服务中心')
    await button(page, /^在这里办理：东湖区退役军人服务中心，/).click()
    await arriveAt(page, '选择时间')
    await page
      .getByRole('button', { name: /^预约这个时段：/ })
      .first()
      .waitFor()
    await everyTargetIsLarge('选择时间')
    await screenshot(page, 'booking-elder-slots')
    await page
      .getByRole('button', { name: /^预约这个时段：/ })
      .first()
      .click()
    await arriveAt(page, '确认预约')
    await everyTargetIsLarge('确认预约')
    const confirm = button(page, '确认预约')
    expect(await fontSizeOf(confirm)).toBeGreaterThanOrEqual(30)
    expect(await heightOf(confirm)).toBeGreaterThanOrEqual(60)
    expect(
      await fontSizeOf(page.getByRole('region', { name: '请带上' }).getByRole('listitem').first())
    ).toBeGreaterThanOrEqual(18)
    await screenshot(page, 'booking-elder-confirm')
    expect((await laowang.call('PATCH', '/me', { elderMode: false })).status).toBe(200)
    expect(appErrors(phone)).toEqual([])
    await phone.context.close()
  })
})
