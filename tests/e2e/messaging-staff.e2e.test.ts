import type { MessagePage, PolicySearchResult, StaffThread, StaffThreadPage, Thread } from '@veterans/shared'
import type { Browser, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { asPerson, asStaff, reference, type Caller } from './booking-api'
import { useAppUnderTest } from './harness/app-under-test'
import { newPhone, screenshot, type Phone } from './harness/browser'
import { appErrors, staffSignIn } from './harness/session'
import { arriveAt, button, field, link } from './harness/ui'

/** A staff member at a desk: a 1280×800 browser window with a mouse and keyboard. */
async function newDesk(browser: Browser, baseURL: string): Promise<Phone> {
  const context = await browser.newContext({
    baseURL,
    viewport: { width: 1280, height: 800 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai'
  })
  const page = await context.newPage()
  const errors: string[] = []
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`))
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`)
  })
  return { context, page, errors }
}

/** Live means faster than the inbox's fallback polling (8 s): the socket brought it. */
const LIVE_MS = 4_000

async function ask(
  baseUrl: string,
  subject: string
): Promise<{ veteran: Caller; thread: Thread; policyTitle: string }> {
  const veteran = await asPerson(baseUrl, 'laowang')
  const { center } = await reference(veteran)
  const policies = await veteran.call<PolicySearchResult>('GET', `/policies?q=${encodeURIComponent('抚恤')}&limit=1`)
  const policy = policies.body.items[0]!
  const created = await veteran.call<Thread>(
    'POST',
    '/threads',
    {
      category: 'pension',
      subject,
      body: '我的伤残抚恤金这个月没到账，请帮忙查一下。',
      centerId: center('东湖区退役军人服务中心').id,
      policyId: policy.id
    },
    { 'idempotency-key': `e2e-ask-${Date.now()}` }
  )
  expect(created.status).toBe(201)
  return { veteran, thread: created.body, policyTitle: policy.title }
}

const conversation = (page: Page) => page.getByRole('log', { name: '对话记录' })

describe('staff inbox (messaging)', () => {
  const app = useAppUnderTest()

  it('at a desk: a question appears live, is answered with a canned reply (seen at once by a colleague and the veteran), noted, resolved and rated', async () => {
    const desk = await newDesk(app.browser, app.url)
    const { page } = desk
    await staffSignIn(page, 'donghu')
    // 工作台's own entry (at a desk the side navigation links to 留言咨询 too, without the count).
    const entry = link(page.getByRole('region', { name: '工作事项' }), /^留言咨询/)
    await expect.poll(() => entry.innerText()).toMatch(/1 条待处理/) // the demo question of 王小梅
    await entry.click()
    await arriveAt(page, '留言咨询')
    const table = page.getByRole('table', { name: /咨询列表/ })
    await table.waitFor()

    // 王建国 asks (the residents' side has its own e2e file; here through the API): the row appears without reload.
    const subject = '抚恤金本月未到账'
    const { veteran, thread, policyTitle } = await ask(app.url, subject)
    const row = table.getByRole('row').filter({ has: link(page, subject) })
    await row.waitFor({ timeout: LIVE_MS })
    await expect(row.innerText()).resolves.toContain('老*') // the asker's name, masked
    await expect(row.innerText()).resolves.toContain('未分配')
    await expect(row.innerText()).resolves.toContain('北京时间')
    await arriveAt(page, '留言咨询')

    // Open it beside the queue.
    await link(page, subject).click()
    const pane = page.getByRole('region', { name: '咨询详情' })
    await pane.getByRole('heading', { name: subject }).waitFor()
    await pane.getByText('老*（退役军人）').waitFor()
    await pane.getByText(/^王\*国（/).waitFor() // the linked veteran
    await link(pane, policyTitle).waitFor()
    await button(pane, '分配给我').click()
    await expect.poll(() => row.innerText()).toContain('东湖区退役军人服务中心工作人员') // the queue shows the assignee at once
    await arriveAt(page, '留言咨询')
    await screenshot(page, 'messaging-staff-desk-thread')

    // A colleague (city level, on a phone) opens the same thread.
    const colleague = await newPhone(app.browser, app.url)
    await staffSignIn(colleague.page, 'city')
    await colleague.page.goto(`/staff/pages/thread/index?id=${thread.id}`)
    await arriveAt(colleague.page, '咨询详情')
    await conversation(colleague.page).getByText('我的伤残抚恤金这个月没到账').waitFor()

    // A canned reply, inserted and sent with Enter.
    await button(pane, '常用回复').click()
    const canned = page.getByRole('dialog', { name: '常用回复' })
    await canned.waitFor()
    await arriveAt(page, '留言咨询')
    await button(canned, '插入常用回复：问候').click()
    await expect(canned.isVisible()).resolves.toBe(false)
    const reply = field(pane, '回复内容')
    await expect(reply.inputValue()).resolves.toContain('感谢您的咨询')
    await reply.press('End')
    await reply.press('Shift+Enter') // a new line, not sent
    await reply.pressSequentially('抚恤金发放情况我们正在核实。')
    await expect(reply.inputValue()).resolves.toMatch(/请稍候。\n抚恤金发放情况/)
    await reply.press('Enter')
    await conversation(page)
      .getByText(/抚恤金发放情况我们正在核实/)
      .waitFor()
    // The reply may show (live) a moment before the answer to the post arrives and empties the box.
    await expect.poll(() => reply.inputValue()).toBe('')
    // The colleague sees it at once, without reloading.
    await conversation(colleague.page)
      .getByText(/抚恤金发放情况我们正在核实/)
      .waitFor({ timeout: LIVE_MS })
    // And so does the veteran (their own route: the reply, with the staff member's name).
    await expect
      .poll(
        async () =>
          (await veteran.call<MessagePage>('GET', `/threads/${thread.id}/messages`)).body.items.map(
            (m) => m.authorRole
          ),
        { timeout: LIVE_MS }
      )
      .toEqual(['resident', 'staff'])

    // An internal note: drawn apart, seen by the colleague, never by the veteran.
    await button(pane, '内部备注').click()
    await pane.getByText('内部备注，居民看不到，只有工作人员能看到。').waitFor()
    await field(pane, '内部备注').fill('已与区财政核对，月底补发。')
    await button(pane, '保存内部备注').click()
    await conversation(page).getByText('已与区财政核对，月底补发。').waitFor()
    await conversation(colleague.page).getByText('已与区财政核对，月底补发。').waitFor({ timeout: LIVE_MS })
    const seen = (await veteran.call<MessagePage>('GET', `/threads/${thread.id}/messages`)).body.items
    expect(seen.some((m) => m.body.includes('月底补发'))).toBe(false)

    // A policy link, and Esc closes the dialog.
    await button(pane, '回复居民').click()
    await button(pane, '插入政策链接').click()
    const picker = page.getByRole('dialog', { name: '插入政策链接' })
    await field(picker, '搜索政策').fill('抚恤')
    await field(picker, '搜索政策').press('Enter')
    await picker
      .getByRole('button', { name: /^插入政策链接：/ })
      .first()
      .click()
    await expect(field(pane, '回复内容').inputValue()).resolves.toMatch(/^《.+》.*\/policy\/pages\/detail\/index\?id=/)
    await button(pane, '常用回复').click()
    await page.getByRole('dialog', { name: '常用回复' }).waitFor()
    await page.keyboard.press('Escape')
    await expect(page.getByRole('dialog', { name: '常用回复' }).isVisible()).resolves.toBe(false)
    await screenshot(page, 'messaging-staff-desk-reply')

    // Resolve: the thread leaves the 待处理 view; the veteran sees it resolved and rates it.
    await button(pane, '标记已解决').click()
    await button(pane, '重新打开').waitFor()
    await expect.poll(() => table.getByRole('link', { name: subject }).count()).toBe(0)
    await expect
      .poll(async () => (await veteran.call<Thread>('GET', `/threads/${thread.id}`)).body.status)
      .toBe('resolved')
    expect((await veteran.call('POST', `/threads/${thread.id}/rating`, { score: 5 })).status).toBeLessThan(300)
    await page.getByRole('group', { name: '状态' }).getByRole('button', { name: '已解决' }).click()
    await table.getByRole('link', { name: subject }).waitFor()
    await arriveAt(page, '留言咨询')
    await screenshot(page, 'messaging-staff-desk-resolved')

    expect(appErrors(desk)).toEqual([])
    expect(appErrors(colleague)).toEqual([])
    await colleague.context.close()
    await desk.context.close()
  })

  it('at a desk: a city-level staff member assigns a question to a colleague of its center; the queue follows', async () => {
    const { thread } = await ask(app.url, '抚恤金发放时间咨询')
    const desk = await newDesk(app.browser, app.url)
    const { page } = desk
    await staffSignIn(page, 'city')
    await page.goto('/staff/pages/inbox/index')
    await arriveAt(page, '留言咨询')
    await page.getByLabel('服务中心', { exact: true }).selectOption({ label: '东湖区退役军人服务中心' })
    const table = page.getByRole('table', { name: /咨询列表/ })
    const row = table.getByRole('row').filter({ has: link(page, '抚恤金发放时间咨询') })
    await link(page, '抚恤金发放时间咨询').click()
    const pane = page.getByRole('region', { name: '咨询详情' })
    await pane.getByRole('heading', { name: '抚恤金发放时间咨询' }).waitFor()

    // The list: the center's staff and me; picking alone assigns nothing, 分配 (or Enter on it) does.
    const colleagues = field(pane, '分配给同事')
    await expect(colleagues.locator('option').allInnerTexts()).resolves.toEqual(
      expect.arrayContaining(['东湖区退役军人服务中心工作人员', expect.stringMatching(/（我）$/)])
    )
    await colleagues.focus()
    await colleagues.selectOption({ label: '东湖区退役军人服务中心工作人员' })
    await expect(row.innerText()).resolves.toContain('未分配')
    await page.keyboard.press('Tab')
    await expect(button(pane, '分配给所选同事').evaluate((el) => el === document.activeElement)).resolves.toBe(true)
    await page.keyboard.press('Enter')
    await pane.getByText('已分配给东湖区退役军人服务中心工作人员。').waitFor()
    await expect.poll(() => row.innerText()).toContain('东湖区退役军人服务中心工作人员')
    await expect(colleagues.locator('option', { hasText: '（当前负责人）' }).innerText()).resolves.toBe(
      '东湖区退役军人服务中心工作人员（当前负责人）'
    )
    await arriveAt(page, '留言咨询')
    await screenshot(page, 'messaging-staff-desk-assign')

    // The colleague is in charge (their own view of the thread says so).
    const donghu = await asStaff(app.url, 'donghu')
    const seen = await donghu.call<StaffThread>('GET', `/staff/threads/${thread.id}`)
    expect(seen.body.assignee?.displayName).toBe('东湖区退役军人服务中心工作人员')

    expect(appErrors(desk)).toEqual([])
    await desk.context.close()
  })

  it('on a phone: the inbox is a list whose rows open the thread page; also in 长辈版, for a city-level staff member who chooses the center', async () => {
    const phone = await newPhone(app.browser, app.url)
    const { page } = phone
    await staffSignIn(page, 'donghu')
    // The demo question is hours from its due time; say it is overdue, to see how a breach is marked (in words).
    const queueCalls = (url: URL) => url.pathname === '/api/v1/staff/threads'
    await page.route(queueCalls, async (route) => {
      const response = await route.fetch()
      const body = (await response.json()) as StaffThreadPage
      body.items = body.items.map((t) => ({ ...t, slaState: 'breached' as const }))
      await route.fulfill({ response, json: body })
    })
    await link(page, /^留言咨询/).click()
    await arriveAt(page, '留言咨询')
    await expect(page.getByRole('table').count()).resolves.toBe(0)
    const subject = '父亲的抚恤金调整后什么时候到账？'
    const card = page.getByRole('listitem').filter({ has: link(page, subject) })
    await card.getByText('已超时', { exact: true }).waitFor()
    await card.scrollIntoViewIfNeeded()
    await screenshot(page, 'messaging-staff-phone-inbox')
    await page.unroute(queueCalls)
    await link(page, subject).click()
    await arriveAt(page, '咨询详情')
    await conversation(page)
      .getByText(/伤残抚恤金标准提高了/)
      .waitFor()
    await page.getByText('王*梅（家属）').waitFor()
    await screenshot(page, 'messaging-staff-phone-thread')
    await conversation(page).getByText('王*梅（提问人）').waitFor() // masked in the conversation too
    await button(page, '内部备注').click()
    await field(page, '内部备注').scrollIntoViewIfNeeded()
    await arriveAt(page, '咨询详情')
    await screenshot(page, 'messaging-staff-phone-thread-note')
    expect(appErrors(phone)).toEqual([])
    await phone.context.close()

    // 长辈版 is saved on the account: set it for the city-level account, then sign in on a fresh phone.
    const city = await asStaff(app.url, 'city')
    expect((await city.call('PATCH', '/me', { elderMode: true })).status).toBe(200)
    const elder = await newPhone(app.browser, app.url)
    await staffSignIn(elder.page, 'city')
    await expect
      .poll(() => elder.page.evaluate(() => document.documentElement.classList.contains('theme-elder')))
      .toBe(true)
    await link(elder.page, /^留言咨询/).click()
    await arriveAt(elder.page, '留言咨询')
    await elder.page.getByLabel('服务中心', { exact: true }).selectOption({ label: '东湖区退役军人服务中心' })
    await link(elder.page, subject).waitFor()
    await arriveAt(elder.page, '留言咨询')
    await screenshot(elder.page, 'messaging-staff-phone-inbox-elder')
    await link(elder.page, subject).click()
    await arriveAt(elder.page, '咨询详情')
    await conversation(elder.page)
      .getByText(/伤残抚恤金标准提高了/)
      .waitFor()
    await screenshot(elder.page, 'messaging-staff-phone-thread-elder')
    // 分配给同事, in 长辈版: a large list and button; the summary shows the new assignee at once.
    const colleagues = field(elder.page, '分配给同事')
    expect((await colleagues.boundingBox())!.height).toBeGreaterThanOrEqual(60)
    expect((await button(elder.page, '分配给所选同事').boundingBox())!.height).toBeGreaterThanOrEqual(60)
    await colleagues.selectOption({ label: '东湖区退役军人服务中心工作人员' })
    await button(elder.page, '分配给所选同事').click()
    await elder.page.getByText('已分配给东湖区退役军人服务中心工作人员。').waitFor()
    await expect(colleagues.locator('option', { hasText: '（当前负责人）' }).innerText()).resolves.toBe(
      '东湖区退役军人服务中心工作人员（当前负责人）'
    )
    await colleagues.scrollIntoViewIfNeeded()
    await arriveAt(elder.page, '咨询详情')
    await screenshot(elder.page, 'messaging-staff-phone-thread-assign-elder')
    await field(elder.page, '回复内容').scrollIntoViewIfNeeded()
    await screenshot(elder.page, 'messaging-staff-phone-thread-reply-elder')
    // The chosen center is remembered: the queue query carries it after a reload.
    const queue = elder.page.waitForResponse((r) => r.url().includes('/api/v1/staff/threads?'))
    await elder.page.goto('/staff/pages/inbox/index')
    const { center } = await reference(city)
    expect((await queue).url()).toContain(`centerId=${center('东湖区退役军人服务中心').id}`)
    await arriveAt(elder.page, '留言咨询')
    expect(
      ((await (await queue).json()) as StaffThreadPage).items.every((t) => t.centerName === '东湖区退役军人服务中心')
    ).toBe(true)
    expect(appErrors(elder)).toEqual([])
    await elder.context.close()
  })
})
