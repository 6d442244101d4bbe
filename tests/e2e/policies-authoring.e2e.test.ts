import { addDays, beijingToday } from '@veterans/shared/rules'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { useAppUnderTest } from './harness/app-under-test'
import { newPhone, screenshot, type Phone } from './harness/browser'
import { appErrors, signedInPhone, staffSignIn } from './harness/session'
import { arriveAt, button, byRole, field, link, openTab } from './harness/ui'

const TITLE = '东湖区退役军人冬季送温暖慰问办法'
// A body with the Markdown the corpus uses, and markup that must stay text.
const BODY = [
  '## 慰问对象',
  '',
  '户籍在东湖区的**困难退役军人**，以及高龄、独居的退役军人。',
  '',
  '## 慰问方式',
  '',
  '- 街道服务站上门走访；',
  '- 发放慰问金和御寒物品。',
  '',
  '<script>window.__pwned = 1</script>',
  '',
  '<img src="x" onerror="window.__pwned = 2">',
  '',
  '[点我领取](javascript:window.__pwned=3)'
].join('\n')

/** A calendar date some days ago in Beijing time (the policy must be in force today, whenever the test runs). */
function beijingDateDaysAgo(days: number): string {
  return addDays(beijingToday(), -days)
}

async function staffPhone(browser: Parameters<typeof newPhone>[0], url: string, username: string): Promise<Phone> {
  const phone = await newPhone(browser, url)
  await staffSignIn(phone.page, username)
  return phone
}

const status = (page: Page) => page.getByRole('region', { name: '流程状态' })

describe('policies: two-person publishing', () => {
  const app = useAppUnderTest()
  let policyUrl = ''

  it('a staff member drafts a policy (field errors by the fields), previews it, submits it, and is not offered approval', async () => {
    const phone = await staffPhone(app.browser, app.url, 'donghu')
    const { page } = phone
    await link(page, /^政策发布/).click()
    await arriveAt(page, '政策发布')
    await button(page, '起草新政策').click()
    await arriveAt(page, '起草新政策')

    await button(page, '保存草稿并预览').click()
    await page.getByRole('alert').getByText('请填写标题', { exact: true }).waitFor()
    await expect(field(page, '标题').getAttribute('aria-invalid')).resolves.toBe('true')
    await page.getByText(/^有 \d+ 处需要修改/).waitFor()
    await arriveAt(page, '起草新政策')

    await field(page, '标题').fill(TITLE)
    await field(page, '文号').fill('东退役军人发〔2026〕9号')
    await field(page, '发布机关').fill('M市东湖区退役军人事务局')
    await page.getByRole('radio', { name: '区县' }).check()
    await page.getByRole('radio', { name: '抚恤补助' }).check()
    await field(page, '摘要').fill('每年冬季为东湖区困难、高龄和独居退役军人上门慰问，发放慰问金和御寒物品。')
    await field(page, '正文').fill(BODY)
    await field(page, '施行日期').fill(beijingDateDaysAgo(3))
    await field(page, '失效日期').fill(beijingDateDaysAgo(10))
    await page.getByRole('checkbox', { name: '东湖区' }).check()
    await page.getByRole('checkbox', { name: '困难帮扶申请' }).check()
    await button(page, '保存草稿并预览').click()
    await page.getByRole('alert').getByText('失效日期不能早于施行日期', { exact: true }).waitFor()

    await field(page, '失效日期').fill('')
    await button(page, '保存草稿并预览').click()
    await arriveAt(page, '政策审核发布')
    policyUrl = page.url()
    await status(page).getByText('草稿', { exact: true }).waitFor()

    // The preview is the reader's page: Markdown rendered, markup shown as text, never run.
    const preview = page.getByRole('region', { name: '预览：居民看到的样子' })
    await byRole(preview, 'heading', '慰问方式').waitFor()
    await preview.getByText('<script>window.__pwned = 1</script>').waitFor()
    await preview.getByText('<img src="x" onerror="window.__pwned = 2">').waitFor()
    await expect(preview.locator('strong', { hasText: '困难退役军人' }).count()).resolves.toBe(1)
    await screenshot(page, 'policies-staff-draft')

    await button(page, '提交审核').click()
    await page.getByText('已提交审核。请另一位工作人员或管理员审核。').waitFor()
    await status(page).getByText('待审核', { exact: true }).waitFor()

    // The author is not offered approval: the page says who must approve instead (the server refuses it anyway).
    const actions = page.getByRole('region', { name: '操作' })
    await actions.getByText(/^您是这份政策的起草人，不能审核自己起草的政策。.*另一位工作人员或管理员/).waitFor()
    await expect(button(page, '审核通过并发布').count()).resolves.toBe(0)
    await expect(button(page, '确定发布').count()).resolves.toBe(0)
    await button(actions, '撤回修改').waitFor()
    await page.reload()
    await arriveAt(page, '政策审核发布')
    await status(page).getByText('待审核', { exact: true }).waitFor()
    await actions.getByText(/^您是这份政策的起草人/).waitFor()
    await expect(button(page, '审核通过并发布').count()).resolves.toBe(0)
    await screenshot(page, 'policies-self-approval')
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined()
    expect(appErrors(phone)).toEqual([])
    await phone.context.close()
  })

  it('a second staff member approves it; a resident then finds it, and its markup stays text', async () => {
    expect(policyUrl, 'the first test drafts the policy').not.toBe('')
    const phone = await staffPhone(app.browser, app.url, 'city')
    const { page } = phone
    await link(page, /^政策发布/).click()
    await arriveAt(page, '政策发布')
    const pending = page.getByRole('region', { name: /^待审核（\d+ 份）$/ })
    await link(pending, TITLE).click()
    await arriveAt(page, '政策审核发布')
    // A second staff member is offered approval, and not told they are the author.
    await button(page, '审核通过并发布').waitFor()
    await expect(page.getByText(/^您是这份政策的起草人/).count()).resolves.toBe(0)
    await button(page, '审核通过并发布').click()
    await button(page, '确定发布').click()
    await page.getByText('已审核通过并发布。居民现在可以查到这份政策。').waitFor()
    await status(page).getByText('已发布', { exact: true }).waitFor()
    await arriveAt(page, '政策审核发布')
    expect(appErrors(phone)).toEqual([])

    const resident = await signedInPhone(app.browser, app.url, 'zhangmin')
    const reader = resident.page
    await openTab(reader, '政策')
    await arriveAt(reader, '政策')
    await reader.getByRole('searchbox', { name: '搜索政策' }).fill('送温暖')
    await button(reader, '搜索').click()
    await reader.getByText(/^找到 1 条与“送温暖”有关的现行有效的政策$/).waitFor()
    await link(reader.getByRole('region', { name: '搜索结果' }), TITLE).click()
    await arriveAt(reader, TITLE)
    const body = reader.getByRole('region', { name: '政策全文' })
    await body.getByText('<script>window.__pwned = 1</script>').waitFor()
    await body.getByText('点我领取').waitFor()
    await expect(link(body, '点我领取').count()).resolves.toBe(0)
    await reader.getByRole('region', { name: '适用对象' }).getByText('东湖区').waitFor()
    expect(await reader.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined()
    await screenshot(reader, 'policies-published')
    expect(appErrors(resident)).toEqual([])

    // Repealing asks first; readers then see it as 已废止, and it leaves the default (in force) search.
    await page.reload()
    await arriveAt(page, '政策审核发布')
    await button(page, '废止这份政策').click()
    await field(page, '废止原因（可不填）').fill('并入全市统一的慰问办法')
    await button(page, '确定废止').click()
    await page.getByText(/^已废止。/).waitFor()
    await reader.reload()
    await arriveAt(reader, TITLE)
    await reader.getByText('已废止', { exact: true }).filter({ visible: true }).first().waitFor()
    expect(appErrors(phone)).toEqual([])
    await phone.context.close()
    await resident.context.close()
  })
})
