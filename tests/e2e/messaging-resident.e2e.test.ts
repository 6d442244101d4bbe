import type { Page } from 'playwright-core'
import type { Message, PolicySearchResult, Thread } from '@veterans/shared'
import { describe, expect, it } from 'vitest'
import { asPerson, asStaff } from './booking-api'
import { useAppUnderTest } from './harness/app-under-test'
import { screenshot } from './harness/browser'
import { documentPhoto, messagesTabBadge } from './harness/messaging'
import { appErrors, signedInPhone } from './harness/session'
import { arriveAt, button, field, link, openTab } from './harness/ui'

const POLICY_TITLE = 'M市退役军人优待证服务和优待项目清单'

async function badgeBecomes(page: Page, expected: (n: number) => boolean): Promise<number> {
  const until = Date.now() + 10_000
  for (;;) {
    const n = await messagesTabBadge(page)
    if (expected(n) || Date.now() > until) return n
    await page.waitForTimeout(200)
  }
}

describe('messaging, residents: a written question from a policy, live replies, the rating', () => {
  const app = useAppUnderTest()

  it('a veteran asks about a policy with a photo, sees the reply arrive live with the badge, and rates the resolved answer', async () => {
    const phone = await signedInPhone(app.browser, app.url, 'laowang')
    const { page } = phone
    const staff = await asStaff(app.url, 'donghu')
    const search = await staff.call<PolicySearchResult>('GET', `/policies?q=${encodeURIComponent('优待证')}`)
    const policy = search.body.items.find((p) => p.title === POLICY_TITLE)!
    expect(policy).toBeDefined()

    // 消息: his questions (the demo ones) with 写信咨询.
    await openTab(page, '消息')
    await arriveAt(page, '消息')
    const mine = page.getByRole('region', { name: '我的咨询' })
    await mine.getByRole('link', { name: /^优待证丢了怎么补办？/ }).waitFor()
    await button(mine, '写信咨询').waitFor()
    await screenshot(page, 'messaging-list')

    // From the policy, 咨询工作人员 opens the written question about it.
    await page.goto(`/policy/pages/detail/index?id=${policy.id}`)
    await arriveAt(page, POLICY_TITLE)
    await button(page, '咨询工作人员').click()
    await arriveAt(page, '写信咨询')
    await screenshot(page, 'messaging-new-question-top')
    await page.getByRole('region', { name: '您咨询的政策' }).getByText(`《${POLICY_TITLE}》`).waitFor()
    await page
      .getByText(/一般在 1 个工作日内书面答复/)
      .filter({ visible: true })
      .waitFor()
    await page
      .getByRole('region', { name: '服务热线' })
      .getByRole('link', { name: /^拨打服务热线/ })
      .waitFor()
    await expect(field(page, '标题').inputValue()).resolves.toBe(`关于《${POLICY_TITLE}》的咨询`)
    await expect(page.getByRole('radio', { name: '优待（优待证）' }).isChecked()).resolves.toBe(true)
    await page.getByText('答复的服务中心：东湖区退役军人服务中心').waitFor()

    // Nothing written yet: the form says what is missing.
    await button(page, '提交咨询').click()
    await page.getByRole('alert').filter({ hasText: '请写下您想问的事情' }).waitFor()

    await field(page, '内容').fill('我的优待证上的照片有些模糊了，能不能换一张新证？附上证件的照片。')
    await page.getByText('已写 32/2000 字').waitFor()
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), button(page, '添加照片').click()])
    await chooser.setFiles({ name: 'card.jpg', mimeType: 'image/jpeg', buffer: await documentPhoto(page) })
    await button(page, '删除第 1 张照片').waitFor()
    await page.getByText('正在上传…').waitFor({ state: 'detached' })
    await arriveAt(page, '写信咨询')
    await page.getByText(/请写下您想问的事情/).waitFor({ state: 'detached' }) // the error goes once it is written
    await button(page, '提交咨询').scrollIntoViewIfNeeded()
    await screenshot(page, 'messaging-new-question')
    await button(page, '提交咨询').click()

    // The conversation: his question on the right, with its photo (fetched with his token), waiting for staff.
    await arriveAt(page, '我的咨询')
    const talk = page.getByRole('list', { name: '对话记录' })
    await talk.getByText('我的优待证上的照片有些模糊了，能不能换一张新证？附上证件的照片。').waitFor()
    await button(talk, '我的第 1 张照片，点按放大').waitFor()
    await page.getByText(/已转给东湖区退役军人服务中心/).waitFor()
    const src = await talk.getByRole('button', { name: '我的第 1 张照片，点按放大' }).locator('img').getAttribute('src')
    expect(src).toMatch(/^blob:/)
    const threads = await staff.call<{ items: Array<{ id: string; subject: string; policyTitle: string | null }> }>(
      'GET',
      '/staff/threads?assignee=any'
    )
    const asked = threads.body.items.find((t) => t.policyTitle === POLICY_TITLE)!
    expect(asked.subject).toBe(`关于《${POLICY_TITLE}》的咨询`)
    await talk.scrollIntoViewIfNeeded()
    await screenshot(page, 'messaging-conversation-asked')

    // In the list, with the badge as it is now.
    await page.goto('/pages/messages/index')
    await arriveAt(page, '消息')
    await mine.getByRole('link', { name: new RegExp(`^关于《${POLICY_TITLE}》的咨询.*等待答复`) }).waitFor()
    const before = await badgeBecomes(page, () => false)

    // Staff reply (API): it appears in the list live, and the badge goes up by one, without a reload.
    const reply = await staff.call<{ id: string }>(
      'POST',
      `/staff/threads/${asked.id}/messages`,
      {
        // With a policy link as the staff composer inserts it (a path inside the app, written as text).
        body: `王师傅您好，可以换新证。请带身份证原件和一张近期免冠照片到一楼窗口办理。\n《${POLICY_TITLE}》，可在小程序“政策”中查看：/policy/pages/detail/index?id=${policy.id}`
      },
      { 'idempotency-key': 'e2e-reply-1' }
    )
    expect(reply.status).toBe(201)
    await mine.getByRole('link', { name: new RegExp(`^关于《${POLICY_TITLE}》的咨询.*已答复.*1 条新答复`) }).waitFor()
    expect(await badgeBecomes(page, (n) => n === before + 1)).toBe(before + 1)
    await screenshot(page, 'messaging-list-reply')

    // Open it: the reply with the staff member's name; reading it takes it off the badge.
    await mine.getByRole('link', { name: new RegExp(`^关于《${POLICY_TITLE}》的咨询`) }).click()
    await arriveAt(page, '我的咨询')
    await talk.getByText(/^王师傅您好，可以换新证/).waitFor()
    await talk
      .getByText(/^东湖区退役军人服务中心工作人员 · /)
      .first()
      .waitFor()
    // The policy path in the reply is a link: tapping it opens the policy, and 返回 comes back to the conversation.
    await link(talk, new RegExp(`^查看政策《${POLICY_TITLE}》：/policy/pages/detail/index`)).click()
    await arriveAt(page, POLICY_TITLE)
    await button(page, '返回').click()
    await arriveAt(page, '我的咨询')
    await button(page, '返回').click()
    await arriveAt(page, '消息')
    await mine.getByRole('link', { name: new RegExp(`^关于《${POLICY_TITLE}》的咨询.*已答复`) }).waitFor()
    expect(await badgeBecomes(page, (n) => n === before)).toBe(before)
    await mine.getByRole('link', { name: new RegExp(`^关于《${POLICY_TITLE}》的咨询`) }).click()
    await arriveAt(page, '我的咨询')

    // A second reply while the conversation is open arrives live; then staff resolve the thread.
    await staff.call(
      'POST',
      `/staff/threads/${asked.id}/messages`,
      { body: '办好后新证当场可以领。', resolve: true },
      { 'idempotency-key': 'e2e-reply-2' }
    )
    await talk.getByText('办好后新证当场可以领。').waitFor()
    const rating = page.getByRole('region', { name: '评价这次答复' })
    await rating.waitFor()
    await page.getByText(/这个咨询已解决。如果还有问题，可以继续写，发送后咨询会重新打开/).waitFor()
    await button(page, '发送并重新打开咨询').waitFor()
    await arriveAt(page, '我的咨询')
    await talk.getByText('办好后新证当场可以领。').scrollIntoViewIfNeeded()
    await screenshot(page, 'messaging-conversation-resolved')
    await rating.scrollIntoViewIfNeeded()
    await screenshot(page, 'messaging-conversation-rating')

    await button(rating, '提交评价').click()
    await rating.getByRole('alert').filter({ hasText: '请选一个满意程度' }).waitFor()
    await rating.getByRole('radio', { name: '非常满意' }).check()
    await button(rating, '提交评价').click()
    const given = page.getByRole('region', { name: '您的评价' })
    await given.getByText('非常满意').waitFor()
    const residentView = await asPerson(app.url, 'laowang')
    const stored = await residentView.call<Thread>('GET', `/threads/${asked.id}`)
    expect(stored.body.rating).toBe(5)
    expect(stored.body.status).toBe('resolved')

    // Nothing shown twice: every message once, in seq order.
    const messages = await residentView.call<{ items: Message[] }>('GET', `/threads/${asked.id}/messages`)
    expect(messages.body.items.map((m) => m.seq)).toEqual([1, 2, 3])
    await expect(talk.getByText('办好后新证当场可以领。').count()).resolves.toBe(1)
    await expect(talk.getByRole('listitem').count()).resolves.toBe(3 + 1) // 3 bubbles + the photo's own item
    expect(appErrors(phone)).toEqual([])

    // 长辈版: the same pages, larger.
    await page.goto('/pages/me/index')
    await arriveAt(page, '我的')
    await page.getByRole('switch', { name: '长辈版' }).click()
    await expect.poll(() => page.getByRole('switch', { name: '长辈版' }).getAttribute('aria-checked')).toBe('true')
    await page.goto('/pages/messages/index')
    await arriveAt(page, '消息')
    await screenshot(page, 'messaging-list-elder')
    await page.goto(`/messages/pages/thread/index?id=${asked.id}`)
    await arriveAt(page, '我的咨询')
    await talk.getByText('办好后新证当场可以领。').waitFor()
    const send = button(page, '发送并重新打开咨询')
    expect((await send.boundingBox())!.height).toBeGreaterThanOrEqual(60)
    await talk.getByText('办好后新证当场可以领。').scrollIntoViewIfNeeded()
    await screenshot(page, 'messaging-conversation-elder')
    await page.goto(`/messages/pages/new/index?policyId=${policy.id}`)
    await arriveAt(page, '写信咨询')
    expect((await button(page, '添加照片').boundingBox())!.height).toBeGreaterThanOrEqual(60)
    await screenshot(page, 'messaging-new-question-elder')
    expect(appErrors(phone)).toEqual([])
    await phone.context.close()
  })

  it('a reply that could not be sent says so and is sent once, with the same key, when retried', async () => {
    const phone = await signedInPhone(app.browser, app.url, 'zhangmin')
    const { page } = phone
    const resident = await asPerson(app.url, 'zhangmin')
    const created = await resident.call<Thread>(
      'POST',
      '/threads',
      { category: 'other', subject: '想问问社区活动', body: '社区有没有退役军人活动？' },
      { 'idempotency-key': 'e2e-thread-1' }
    )
    expect(created.status).toBe(201)
    await page.goto(`/messages/pages/thread/index?id=${created.body.id}`)
    await arriveAt(page, '我的咨询')
    const talk = page.getByRole('list', { name: '对话记录' })
    await talk.getByText('社区有没有退役军人活动？').waitFor()

    // No network for this message: the client retries twice itself, then shows 发送失败 with 重新发送.
    const keys: string[] = []
    let reachServer = false
    let loseAnswer = false
    await page.route('**/api/v1/threads/*/messages', async (route) => {
      if (route.request().method() !== 'POST') return route.continue()
      keys.push(route.request().headers()['idempotency-key'] ?? '')
      if (reachServer) return route.continue()
      if (loseAnswer) {
        loseAnswer = false
        await route.fetch() // it reaches the server, but the answer never reaches the phone
      }
      return route.abort('connectionreset')
    })
    await field(page, '回复内容').fill('我周末有空。')
    await button(page, '发送').click()
    const retry = button(talk, '重新发送：我周末有空。')
    await retry.waitFor({ timeout: 15_000 })
    await talk.getByText(/^发送失败/).waitFor()
    await arriveAt(page, '我的咨询')
    await retry.scrollIntoViewIfNeeded()
    await screenshot(page, 'messaging-send-failed')
    expect(keys).toHaveLength(3)

    // The network is back: 重新发送 sends it with the same key, once.
    reachServer = true
    await retry.click()
    await talk.getByText(/^发送失败/).waitFor({ state: 'detached' })
    await talk.getByText('我周末有空。').waitFor()
    await expect(talk.getByText('我周末有空。').count()).resolves.toBe(1)
    // 发送失败 goes as soon as the retry starts, which can be before its request is out: wait for the request.
    await expect.poll(() => keys.length).toBe(4)
    expect(new Set(keys).size).toBe(1)

    // A message that reached the server though its answer was lost: its copy arrives live, it is shown once, and
    // no 重新发送 is offered (it was sent).
    reachServer = false
    loseAnswer = true
    await field(page, '回复内容').fill('周六上午可以吗？')
    await button(page, '发送').click()
    await talk.getByText('周六上午可以吗？').waitFor()
    await page.waitForTimeout(4_000) // past the client's own retries
    await expect(talk.getByText('周六上午可以吗？').count()).resolves.toBe(1)
    await expect(button(talk, '重新发送：周六上午可以吗？').count()).resolves.toBe(0)

    const stored = await resident.call<{ items: Message[] }>('GET', `/threads/${created.body.id}/messages`)
    expect(stored.body.items.map((m) => m.body)).toEqual([
      '社区有没有退役军人活动？',
      '我周末有空。',
      '周六上午可以吗？'
    ])
    expect(appErrors(phone)).toEqual([])
    await phone.context.close()
  })
})
