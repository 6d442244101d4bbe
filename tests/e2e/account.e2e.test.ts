import { readFile } from 'node:fs/promises'
import { idNumberCheckChar } from '@veterans/shared/rules'
import { describe, expect, it } from 'vitest'
import { useAppUnderTest } from './harness/app-under-test'
import { screenshot } from './harness/browser'
import { appErrors, signedInPhone } from './harness/session'
import { arriveAt, button, field, link, openTab } from './harness/ui'

describe('my account: profile, the tabs not built yet, data export and closing the account', () => {
  const app = useAppUnderTest()

  it('消息 offers writing to staff, and gives the hotline', async () => {
    const phone = await signedInPhone(app.browser, app.url, 'wangfang')
    const { page } = phone
    for (const [tab, title, notice] of [
      ['消息', '消息', '有问题可以写信问工作人员，一般 1 个工作日内答复。']
    ] as const) {
      await openTab(page, tab)
      await arriveAt(page, title)
      await page.getByRole('main').getByText(notice).waitFor()
      await link(page.getByRole('region', { name: '服务热线' }), '拨打服务热线 0399-2601000').waitFor()
    }
    await screenshot(page, 'booking-placeholder')
    expect(appErrors(phone)).toEqual([])
    await phone.context.close()
  })

  it('edits the phone number (checked before sending), exports the data, and closes the account', async () => {
    const phone = await signedInPhone(app.browser, app.url, 'zhaolei')
    const { page } = phone
    await openTab(page, '我的')
    await arriveAt(page, '我的')

    await link(page, /^修改资料/).click()
    await arriveAt(page, '修改资料')
    await field(page, '手机号码').fill('12345')
    await button(page, '保存').click()
    await page.getByRole('alert').filter({ hasText: '11 位手机号码' }).waitFor()
    await field(page, '称呼').fill('赵磊')
    await field(page, '手机号码').fill('13912345678')
    await button(page, '保存').click()
    await page.getByText('已保存').waitFor()
    await button(page, '返回').click()
    await arriveAt(page, '我的')
    const profile = page.getByRole('region', { name: '我的资料' })
    await profile.getByText('139****5678').waitFor()
    await profile.getByText('赵磊').waitFor()

    await link(page, /^我的数据/).click()
    await arriveAt(page, '我的数据')
    await button(page, '导出我的数据').click()
    const account = page.getByRole('region', { name: '账号' })
    await account.getByText('13912345678').waitFor() // one's own data is shown in full
    await page.getByRole('region', { name: '登录记录' }).getByText('登录时间').first().waitFor()
    // Readable on the page: Chinese section names, no raw JSON, no UTC beside the Beijing times.
    const shown = (await page.getByRole('main').innerText()).replace(/\s+/g, '')
    expect(shown).not.toMatch(/"displayName"|notifications|\d{4}-\d{2}-\d{2}T/)
    await arriveAt(page, '我的数据')

    // Two files to keep: the readable one in Chinese, and the JSON for machines.
    const readable = page.waitForEvent('download')
    await button(page, '下载阅读版（文本文件）').click()
    const text = await readable
    expect(text.suggestedFilename()).toMatch(/^我的数据-\d{8}\.txt$/)
    const textContent = await readFile(await text.path(), 'utf8')
    expect(textContent).toContain('【账号】')
    expect(textContent).toContain('称呼：赵磊')
    const json = page.waitForEvent('download')
    await button(page, '下载数据版（JSON 文件）').click()
    const jsonFile = await json
    expect(jsonFile.suggestedFilename()).toMatch(/^我的数据-\d{8}\.json$/)
    expect(JSON.parse(await readFile(await jsonFile.path(), 'utf8'))).toMatchObject({
      account: { displayName: '赵磊', phone: '13912345678' }
    })
    await page.getByRole('status').filter({ hasText: '已下载' }).waitFor()

    const closing = page.getByRole('region', { name: '注销账号' })
    await button(closing, '注销账号').click()
    await closing.getByText('真的要注销账号吗').waitFor()
    await arriveAt(page, '我的数据')
    // What the phone kept about the person (the offline copy of their bookings) goes with the account.
    await page.evaluate(() => localStorage.setItem('veterans.my-bookings', JSON.stringify({ data: { kept: true } })))
    const deleted = page.waitForResponse((r) => r.url().endsWith('/api/v1/me') && r.request().method() === 'DELETE')
    await button(closing, '确认注销').click()
    expect((await deleted).status()).toBe(204)
    await arriveAt(page, 'M市退役军人服务')
    await page.getByRole('status').filter({ hasText: '您的账号已注销' }).waitFor()
    await button(page, '登录').waitFor()
    expect(await page.evaluate(() => localStorage.getItem('veterans.session'))).toBeNull()
    expect(await page.evaluate(() => localStorage.getItem('veterans.my-bookings'))).toBeNull()
    await screenshot(page, 'account-closed')
    expect(appErrors(phone)).toEqual([])
    await phone.context.close()
  })

  it('explains each refusal of identity binding and what to do next', async () => {
    const idOf = (first17: string) => first17 + idNumberCheckChar(first17)
    const phone = await signedInPhone(app.browser, app.url, 'zhoujie')
    const { page } = phone
    await page.goto('/pages/identity/index')
    await arriveAt(page, '退役军人身份认证')
    // A phone keyboard with capitals, so the final X can be typed (WeChat itself opens its ID-card keyboard).
    await expect(field(page, '身份证号码').getAttribute('inputmode')).resolves.toBe('text')
    await expect(field(page, '身份证号码').getAttribute('autocapitalize')).resolves.toBe('characters')

    // 王建国's record is already bound to the demo account laowang.
    await field(page, '姓名').fill('王建国')
    await field(page, '身份证号码').fill(idOf('41990219580312031'))
    await button(page, '提交认证').click()
    const bound = page.getByRole('alert').filter({ hasText: '已被其他微信账号绑定' })
    await bound.waitFor()
    await bound.getByText(/带上身份证到退役军人服务中心/).waitFor()

    // A real record, but the name does not match it: the same answer as an unknown number.
    await field(page, '身份证号码').fill(idOf('41990419700803022'))
    await button(page, '提交认证').click()
    const noMatch = page.getByRole('alert').filter({ hasText: '没有找到与这个姓名和身份证号一致的登记信息' })
    await noMatch.waitFor()
    await noMatch.getByText(/退役军人服务中心登记/).waitFor()
    // Said once, with one name for the place to go.
    const said = await noMatch.innerText()
    expect(said.split('核对').length).toBeLessThanOrEqual(2)
    expect(said).not.toContain('服务站')
    await arriveAt(page, '退役军人身份认证')
    await screenshot(page, 'identity-refused')
    expect(appErrors(phone)).toEqual([])
    await phone.context.close()
  })
})
