import type { Booking, Notification, StaffSlot } from '@veterans/shared'
import { beijingDateOf, isoWeekday } from '@veterans/shared/rules'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { dayText, timeRange } from '../../miniapp/src/features/booking/dates'
import { addDays, asPerson, asStaff, beijingToday, reference, soon } from './booking-api'
import { useAppUnderTest } from './harness/app-under-test'
import { newPhone, screenshot } from './harness/browser'
import { REPO_ROOT } from './harness/paths'
import { appErrors, signedInPhone, staffSignIn } from './harness/session'
import { arriveAt, button, field, link } from './harness/ui'

/** A public holiday on a weekday 2–80 days from today (config/holidays.json), if there is one. */
function nextWeekdayHoliday(today: string): string | undefined {
  const file = JSON.parse(readFileSync(path.join(REPO_ROOT, 'config', 'holidays.json'), 'utf8')) as {
    years: Record<string, { holidays: { from: string; to: string }[] }>
  }
  const days: string[] = []
  for (const year of Object.values(file.years)) {
    for (const range of year.holidays) for (let d = range.from; d <= range.to; d = addDays(d, 1)) days.push(d)
  }
  return days.sort().find((d) => d >= addDays(today, 2) && d <= addDays(today, 80) && isoWeekday(d) <= 5)
}

describe('staff run the schedule and the day board', () => {
  const app = useAppUnderTest()

  it('open slots in batch (public holidays skipped), then pause a booked slot with a reason: the person is told', async () => {
    const today = beijingToday()
    const holiday = nextWeekdayHoliday(today)
    const from = holiday ? [addDays(holiday, -6), addDays(today, 1)].sort()[1]! : addDays(today, 1)
    const to = holiday ? addDays(holiday, 6) : addDays(today, 14)

    const phone = await newPhone(app.browser, app.url)
    const { page } = phone
    await staffSignIn(page, 'donghu')
    await link(page, /^号源排班/).click()
    await arriveAt(page, '号源排班')
    await link(page, /^批量开放号源/).click()
    await arriveAt(page, '批量开放号源')
    const form = page.getByRole('region', { name: '开放哪些时段' })
    await form.getByLabel('服务项目', { exact: true }).selectOption({ label: '就业创业指导' })
    await field(form, '从哪天').fill(from)
    await field(form, '到哪天').fill(to)
    await expect(form.getByRole('checkbox', { name: '周一' }).isChecked()).resolves.toBe(true)
    await expect(form.getByRole('checkbox', { name: '周六' }).isChecked()).resolves.toBe(false)
    // Typed on a Chinese keyboard: full-width digits, colons and dashes are read like plain ones.
    await field(form, '每天的时间段').fill('８：００－８：２０，16:40 —— 17:00')
    await field(form, '每个时段的名额（人）').fill('3')
    await button(form, '批量开放').click()
    const result = page.getByRole('region', { name: '开放结果' })
    const createdText = await result.getByText(/^已开放 \d+ 个时段。$/).innerText()
    const created = Number(createdText.match(/\d+/)![0])
    if (holiday)
      await result
        .getByText(new RegExp(`跳过了 \\d+ 天法定节假日：.*${dayText(holiday, today).replace(/[（）]/g, '.')}`))
        .waitFor()
    else await result.getByText('这段日期里没有要跳过的法定节假日。').waitFor()
    await arriveAt(page, '批量开放号源')
    await screenshot(page, 'staff-batch')

    // What the server now holds: exactly that many slots at those times, none on the holiday.
    const staff = await asStaff(app.url, 'donghu')
    const { service, center } = await reference(staff)
    const donghu = center('东湖区退役军人服务中心')
    const employment = service('employment')
    const listed = (
      await staff.call<{ items: StaffSlot[] }>(
        'GET',
        `/staff/slots?centerId=${donghu.id}&serviceId=${employment.id}&from=${from}&to=${to}`
      )
    ).body.items
    const batch = listed.filter((s) => ['08:00–08:20', '16:40–17:00'].includes(timeRange(s.startsAt, s.endsAt)))
    expect(created).toBeGreaterThan(0)
    expect(batch).toHaveLength(created)
    expect(batch.every((s) => s.capacity === 3)).toBe(true)
    if (holiday) expect(batch.some((s) => beijingDateOf(s.startsAt) === holiday)).toBe(false)

    // 王建国 books the first of them; then staff pause that slot.
    const laowang = await asPerson(app.url, 'laowang')
    const target = batch.sort((a, b) => a.startsAt.localeCompare(b.startsAt))[0]!
    const booking = await laowang.call<Booking>(
      'POST',
      '/bookings',
      { slotId: target.id },
      { 'idempotency-key': 'e2e-batch-slot' }
    )
    expect(booking.status).toBe(201)

    await button(page, '返回').click()
    await arriveAt(page, '号源排班')
    const date = beijingDateOf(target.startsAt)
    await field(page.getByRole('region', { name: '查看哪一天' }), '日期').fill(date)
    const time = timeRange(target.startsAt, target.endsAt)
    const list = page.getByRole('region', { name: `${dayText(date, today)}的号源` })
    await list.getByText('已约 1 人 / 共 3 个名额').first().waitFor()
    await button(list, `暂停这个时段：${time} 就业创业指导`).click()
    await list.getByText(/已预约的 1 人的预约会被取消，系统会逐一通知他们/).waitFor()
    await button(list, '确定暂停').click()
    await list.getByText('请填写暂停的原因，系统会告诉已预约的人').waitFor()
    await field(list, '暂停原因（会告诉预约的人）').fill('工作人员外出培训')
    await button(list, '确定暂停').click()
    await list.getByText('已暂停：工作人员外出培训').waitFor()
    await arriveAt(page, '号源排班')
    await screenshot(page, 'staff-schedule-paused')

    expect((await laowang.call<Booking>('GET', `/bookings/${booking.body.id}`)).body.status).toBe('cancelled')
    const told = (await laowang.call<{ items: Notification[] }>('GET', '/me/notifications')).body.items
    expect(told.find((n) => n.kind === 'booking.slot_closed')?.body).toMatch(/工作人员外出培训/)
    expect(appErrors(phone)).toEqual([])
    await phone.context.close()
  })

  it('open a slot that starts soon, then check its booking in by typing the code, and complete it; the veteran rates', async () => {
    const today = beijingToday()
    let start = soon(15)
    // Near midnight the slot would not fit in the day: take the first minutes of tomorrow instead, which are still
    // within the hour before the start in which check-in opens.
    if (start.date === today && start.time >= '23:30') start = { date: addDays(today, 1), time: '00:00' }
    const [h, m] = start.time.split(':').map(Number) as [number, number]
    const endMinutes = Math.min(h * 60 + m + 20, 23 * 60 + 59)
    const end = `${String(Math.floor(endMinutes / 60)).padStart(2, '0')}:${String(endMinutes % 60).padStart(2, '0')}`
    const time = `${start.time}–${end}`

    const phone = await newPhone(app.browser, app.url)
    const { page } = phone
    await staffSignIn(page, 'donghu')
    await link(page, /^号源排班/).click()
    await arriveAt(page, '号源排班')
    await field(page.getByRole('region', { name: '查看哪一天' }), '日期').fill(start.date)
    const form = page.getByRole('region', { name: '开放一个时段' })
    await form.getByLabel('服务项目', { exact: true }).selectOption({ label: '法律援助' })
    await expect(field(form, '日期').inputValue()).resolves.toBe(start.date)
    await field(form, '开始时间').fill(start.time)
    await field(form, '结束时间').fill(end)
    await field(form, '名额（人）').fill('2')
    await button(form, '开放这个时段').click()
    await form.getByText(`已开放：${dayText(start.date, today)} ${time}“法律援助”，2 个名额。`).waitFor()
    const list = page.getByRole('region', { name: `${dayText(start.date, today)}的号源` })
    await button(list, `调整名额：${time} 法律援助`).click()
    await field(list, '名额').fill('4')
    await button(list, '保存名额').click()
    await list.getByText('已约 0 人 / 共 4 个名额').waitFor()
    await arriveAt(page, '号源排班')

    // 王建国 books it (API); the code he will show at the desk:
    const laowang = await asPerson(app.url, 'laowang')
    const staff = await asStaff(app.url, 'donghu')
    const { service, center } = await reference(staff)
    const slots = (
      await staff.call<{ items: StaffSlot[] }>(
        'GET',
        `/staff/slots?centerId=${center('东湖区退役军人服务中心').id}&serviceId=${service('legal_aid').id}&from=${start.date}&to=${start.date}`
      )
    ).body.items
    const slot = slots.find((s) => timeRange(s.startsAt, s.endsAt) === time)!
    const booked = await laowang.call<Booking>(
      'POST',
      '/bookings',
      { slotId: slot.id },
      { 'idempotency-key': 'e2e-soon-slot' }
    )
    expect(booked.status).toBe(201)
    const code = booked.body.checkInCode

    // Inside the cut-off the booking can no longer be changed online: 王建国 is given the center's phone.
    const his = await signedInPhone(app.browser, app.url, 'laowang')
    await his.page.goto(`/booking/pages/detail/index?id=${booked.body.id}`)
    await arriveAt(his.page, '预约详情')
    const changes = his.page.getByRole('region', { name: '改约或取消' })
    await changes.getByText(/离开始已经很近，不能在线改约或取消了/).waitFor()
    await link(changes, '拨打服务中心电话 0399-2612300').waitFor()
    await expect(button(his.page, '取消预约').count()).resolves.toBe(0)
    await screenshot(his.page, 'booking-cut-off')

    await button(page, '返回').click()
    await arriveAt(page, '工作台')
    await link(page, /^今日预约与签到/).click()
    await arriveAt(page, '今日预约与签到')
    if (start.date !== today) await field(page.getByRole('region', { name: '查看哪一天' }), '日期').fill(start.date)
    const board = page.getByRole('region', { name: `${dayText(start.date, today)}的预约` })
    await board.getByText('王*国 · 法律援助').waitFor()
    // No-show only after the slot has ended: the button is disabled and says why.
    await expect(button(board, `标记未到：王*国 ${start.time}`).isDisabled()).resolves.toBe(true)
    await board.getByText(`时段结束（${end}）以后才能标记未到`).waitFor()
    await screenshot(page, 'staff-day-board')

    const checkIn = page.getByRole('region', { name: '签到' })
    await field(checkIn, '签到码').fill('ZZZZ99')
    await button(checkIn, '按签到码签到').click()
    await checkIn.getByRole('alert').filter({ hasText: '没有这个签到码的预约' }).waitFor()
    await field(checkIn, '签到码').fill(code.toLowerCase())
    await button(checkIn, '按签到码签到').click()
    await checkIn.getByText(`已签到：王*国，法律援助 ${time}`).waitFor()
    await board.getByText('已签到', { exact: true }).waitFor()
    expect((await laowang.call<Booking>('GET', `/bookings/${booked.body.id}`)).body.status).toBe('checked_in')
    await button(board, `办结：王*国 ${start.time}`).click()
    await checkIn.getByText(`已办结：王*国，法律援助 ${time}`).waitFor()
    await arriveAt(page, '今日预约与签到')
    await screenshot(page, 'staff-checked-in')
    expect((await laowang.call<Booking>('GET', `/bookings/${booked.body.id}`)).body.status).toBe('completed')
    expect(appErrors(phone)).toEqual([])
    await phone.context.close()

    // City-level staff pick the center, and see the same board.
    const city = await newPhone(app.browser, app.url)
    await staffSignIn(city.page, 'city')
    await link(city.page, /^今日预约与签到/).click()
    await arriveAt(city.page, '今日预约与签到')
    await city.page.getByLabel('服务中心', { exact: true }).selectOption({ label: '东湖区退役军人服务中心' })
    if (start.date !== today)
      await field(city.page.getByRole('region', { name: '查看哪一天' }), '日期').fill(start.date)
    await city.page
      .getByRole('region', { name: `${dayText(start.date, today)}的预约` })
      .getByText('王*国 · 法律援助')
      .waitFor()
    await arriveAt(city.page, '今日预约与签到')
    await city.context.close()

    // 王建国 rates the visit (好差评).
    await his.page.reload()
    await arriveAt(his.page, '预约详情')
    const rating = his.page.getByRole('region', { name: '评价这次服务' })
    await button(rating, '提交评价').click()
    await rating.getByRole('alert').filter({ hasText: '请选一个满意程度' }).waitFor()
    await rating.getByRole('radio', { name: '非常满意' }).check()
    await field(rating, '想说的话（选填）').fill('律师讲得很清楚')
    await button(rating, '提交评价').click()
    const shown = his.page.getByRole('region', { name: '您的评价' })
    await shown.getByText('非常满意').waitFor()
    await shown.getByText('律师讲得很清楚').waitFor()
    await arriveAt(his.page, '预约详情')
    expect((await laowang.call<Booking>('GET', `/bookings/${booked.body.id}`)).body.rating).toMatchObject({
      score: 5,
      comment: '律师讲得很清楚'
    })
    expect(appErrors(his)).toEqual([])
    await his.context.close()
  })

  it('city-level staff find their chosen center again after a reload; the batch form shows the server’s refusal at 到哪天', async () => {
    const staff = await asStaff(app.url, 'city')
    const { center } = await reference(staff)
    const xijiang = center('西江区退役军人服务中心')
    const phone = await newPhone(app.browser, app.url)
    const { page } = phone
    await staffSignIn(page, 'city')
    await page.goto('/staff/pages/day-board/index')
    await arriveAt(page, '今日预约与签到')
    const choice = page.getByLabel('服务中心', { exact: true })
    await choice.selectOption({ label: xijiang.name })
    await page.reload()
    await arriveAt(page, '今日预约与签到')
    await expect.poll(() => choice.inputValue()).toBe(xijiang.id)
    await page.goto('/staff/pages/schedule/index')
    await arriveAt(page, '号源排班')
    await expect.poll(() => choice.filter({ visible: true }).inputValue()).toBe(xijiang.id)

    // 92 days × 7 weekdays × 24 times is more than one batch may create: the server says so about the end date.
    await page.goto(`/staff/pages/schedule-batch/index?centerId=${xijiang.id}`)
    await arriveAt(page, '批量开放号源')
    const form = page.getByRole('region', { name: '开放哪些时段' })
    await form.getByLabel('服务项目', { exact: true }).selectOption({ index: 1 })
    const today = beijingToday()
    await field(form, '从哪天').fill(addDays(today, 1))
    await field(form, '到哪天').fill(addDays(today, 92))
    for (const day of ['周六', '周日']) await form.getByRole('checkbox', { name: day }).check()
    const times = Array.from(
      { length: 24 },
      (_, h) => `${String(h).padStart(2, '0')}：００－${String(h).padStart(2, '0')}：３０`
    ).join('，')
    await field(form, '每天的时间段').fill(times)
    await button(form, '批量开放').click()
    const end = field(form, '到哪天')
    await expect.poll(() => end.getAttribute('aria-invalid')).toBe('true')
    // Said at the field (its error is what the field is described by), not in a notice at the foot of the form.
    const errorId = (await end.getAttribute('aria-describedby'))!.split(' ').pop()!
    await expect(page.locator(`[id="${errorId}"]`).innerText()).resolves.toBe(
      '一次最多创建 2000 个时段，请缩短日期范围'
    )
    await expect(form.locator('.notice').count()).resolves.toBe(0)
    await arriveAt(page, '批量开放号源')
    expect(appErrors(phone)).toEqual([])
    await phone.context.close()
  })
})
