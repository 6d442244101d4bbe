import { describe, expect, it } from 'vitest'
import { useAppUnderTest } from './harness/app-under-test'
import { newPhone, screenshot } from './harness/browser'
import { DEMO_PASSWORD } from './harness/server'
import { appErrors } from './harness/session'
import { arriveAt, button, field, link } from './harness/ui'

describe('staff workspace', () => {
  const app = useAppUnderTest()

  it('a staff member signs in to the staff workspace and sees who they are and their center', async () => {
    const phone = await newPhone(app.browser, app.url)
    const { page } = phone
    await page.goto('/staff/pages/login/index')
    await arriveAt(page, '工作人员登录')
    await field(page, '用户名').fill('donghu')
    await field(page, '密码').fill(DEMO_PASSWORD)
    await button(page, '登录').click()
    await arriveAt(page, '工作台')

    const who = page.getByRole('region', { name: '当前登录' })
    await who.getByText('东湖区退役军人服务中心', { exact: true }).waitFor()
    await who.getByText('工作人员', { exact: true }).waitFor()
    const work = page.getByRole('region', { name: '工作事项' })
    // Every entry opens its page now; none is a promise.
    for (const entry of [
      '今日预约与签到',
      '号源排班',
      '政策发布',
      '通知推送',
      '留言咨询',
      '退役军人信息',
      '数据统计'
    ]) {
      await link(work, new RegExp(`^${entry}`)).waitFor()
    }
    await expect(work.getByText('正在建设中').count()).resolves.toBe(0)
    await expect(work.getByText('人员与审计').count()).resolves.toBe(0) // admins only
    await screenshot(page, 'staff-workspace')
    expect(appErrors(phone)).toEqual([])
    await phone.context.close()
  })

  it('after five wrong passwords the account is locked, and the page says so and what to do', async () => {
    const phone = await newPhone(app.browser, app.url)
    const { page } = phone
    await page.goto('/staff/pages/login/index')
    await arriveAt(page, '工作人员登录')
    await field(page, '用户名').fill('xijiang')
    await field(page, '密码').fill('not-the-password')
    for (let attempt = 1; attempt <= 5; attempt++) {
      const answer = page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/staff'))
      await button(page, '登录').click()
      expect((await answer).status()).toBe(401)
      await page.getByRole('alert').filter({ hasText: '用户名或密码错误' }).waitFor()
    }
    // Even the right password is refused now.
    await field(page, '密码').fill(DEMO_PASSWORD)
    const locked = page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/staff'))
    await button(page, '登录').click()
    expect((await locked).status()).toBe(429)
    const alert = page.getByRole('alert').filter({ hasText: '尝试次数过多' })
    await alert.waitFor()
    await alert.getByText(/联系管理员/).waitFor()
    await arriveAt(page, '工作人员登录')
    await screenshot(page, 'staff-locked')
    expect(appErrors(phone)).toEqual([])
    await phone.context.close()
  })
})
