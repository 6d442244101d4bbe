import type { PolicySearchResult, Thread, ThreadPage } from '@veterans/shared'
import { describe, expect, it } from 'vitest'
import { asPerson } from './booking-api'
import { useAppUnderTest } from './harness/app-under-test'
import { newDesk, screenshot } from './harness/browser'
import { documentPhoto, LIVE_MS, messagesTabBadge, unreadOf } from './harness/messaging'
import { appErrors, signedInPhone, staffSignIn } from './harness/session'
import { arriveAt, button, field, link, openTab } from './harness/ui'

const POLICY_TITLE = 'M市退役军人优待证服务和优待项目清单'
const SUBJECT = `关于《${POLICY_TITLE}》的咨询`
const QUESTION = '我的优待证上的照片有些模糊了，能不能换一张新证？附上证件的照片。'

describe('messaging, both sides in the browser at once', () => {
  const app = useAppUnderTest()

  it('a veteran asks with a photo from a policy; staff see it live, reply with a canned reply and resolve; the veteran sees each step live and rates', async () => {
    // The staff member of 东湖区 opens the inbox first, at a desk, and keeps it open.
    const desk = await newDesk(app.browser, app.url)
    const staff = desk.page
    await staffSignIn(staff, 'donghu')
    await link(staff.getByRole('region', { name: '工作事项' }), /^留言咨询/).click()
    await arriveAt(staff, '留言咨询')
    const table = staff.getByRole('table', { name: /咨询列表/ })
    await table.waitFor()

    // 王建国 (of 东湖区), on his phone: 消息 first, with the badge as it is before he asks.
    const phone = await signedInPhone(app.browser, app.url, 'laowang')
    const veteran = phone.page
    const laowang = await asPerson(app.url, 'laowang')
    await openTab(veteran, '消息')
    await arriveAt(veteran, '消息')
    const before = await unreadOf(laowang)
    await expect.poll(() => messagesTabBadge(veteran)).toBe(before)

    // From a policy, 咨询工作人员: a written question with a photo of his card.
    const search = await laowang.call<PolicySearchResult>('GET', `/policies?q=${encodeURIComponent('优待证')}`)
    const policy = search.body.items.find((p) => p.title === POLICY_TITLE)!
    expect(policy).toBeDefined()
    await veteran.goto(`/policy/pages/detail/index?id=${policy.id}`)
    await arriveAt(veteran, POLICY_TITLE)
    await button(veteran, '咨询工作人员').click()
    await arriveAt(veteran, '写信咨询')
    await expect(field(veteran, '标题').inputValue()).resolves.toBe(SUBJECT)
    await field(veteran, '内容').fill(QUESTION)
    const [chooser] = await Promise.all([veteran.waitForEvent('filechooser'), button(veteran, '添加照片').click()])
    await chooser.setFiles({ name: 'card.jpg', mimeType: 'image/jpeg', buffer: await documentPhoto(veteran) })
    await button(veteran, '删除第 1 张照片').waitFor()
    await veteran.getByText('正在上传…').waitFor({ state: 'detached' })
    await arriveAt(veteran, '写信咨询')
    await button(veteran, '提交咨询').scrollIntoViewIfNeeded()
    await screenshot(veteran, 'messaging-journey-1-veteran-asks')
    await button(veteran, '提交咨询').click()
    await arriveAt(veteran, '我的咨询')
    const talk = veteran.getByRole('list', { name: '对话记录' })
    await talk.getByText(QUESTION).waitFor()
    await button(talk, '我的第 1 张照片，点按放大').waitFor()

    // The inbox, never reloaded, shows it at once (sooner than its polling: the socket brought it).
    const row = table.getByRole('row').filter({ has: link(staff, SUBJECT) })
    await row.waitFor({ timeout: LIVE_MS })
    await expect(row.innerText()).resolves.toContain('未分配')
    await arriveAt(staff, '留言咨询')
    await screenshot(staff, 'messaging-journey-2-inbox-live')

    // He goes back to 消息 to wait for the answer.
    await veteran.goto('/pages/messages/index')
    await arriveAt(veteran, '消息')
    const mine = veteran.getByRole('region', { name: '我的咨询' })
    await mine.getByRole('link', { name: new RegExp(`^${SUBJECT}.*等待答复`) }).waitFor()
    await expect.poll(() => messagesTabBadge(veteran)).toBe(before)

    // Staff open it beside the queue, insert a canned reply and send it.
    await link(staff, SUBJECT).click()
    const pane = staff.getByRole('region', { name: '咨询详情' })
    await pane.getByRole('heading', { name: SUBJECT }).waitFor()
    await staff.getByRole('log', { name: '对话记录' }).getByText(QUESTION).waitFor()
    await arriveAt(staff, '留言咨询')
    await button(pane, '常用回复').click()
    const canned = staff.getByRole('dialog', { name: '常用回复' })
    await canned.waitFor()
    await arriveAt(staff, '留言咨询')
    await button(canned, '插入常用回复：问候').click()
    await expect(canned.isVisible()).resolves.toBe(false)
    const reply = field(pane, '回复内容')
    const cannedText = await reply.inputValue()
    expect(cannedText).toContain('感谢您的咨询')
    await button(pane, '发送回复').click()
    await staff.getByRole('log', { name: '对话记录' }).getByText(cannedText.trim()).waitFor()
    await expect.poll(() => reply.inputValue()).toBe('')
    await screenshot(staff, 'messaging-journey-3-staff-replied')

    // The veteran, without reloading: the question is 已答复 with a new reply, and the badge goes up by one.
    await mine.getByRole('link', { name: new RegExp(`^${SUBJECT}.*已答复.*1 条新答复`) }).waitFor({ timeout: LIVE_MS })
    await expect.poll(() => messagesTabBadge(veteran), { timeout: LIVE_MS }).toBe(before + 1)
    await arriveAt(veteran, '消息')
    await screenshot(veteran, 'messaging-journey-4-veteran-badge')

    // He opens it: the canned reply, signed by the center; read, it leaves the badge.
    await mine.getByRole('link', { name: new RegExp(`^${SUBJECT}`) }).click()
    await arriveAt(veteran, '我的咨询')
    await talk.getByText(cannedText.trim()).waitFor()
    await talk
      .getByText(/^东湖区退役军人服务中心工作人员 · /)
      .first()
      .waitFor()

    // Staff resolve; his open conversation turns resolved and asks for a rating, without reloading.
    await button(pane, '标记已解决').click()
    await button(pane, '重新打开').waitFor()
    await arriveAt(staff, '留言咨询')
    const rating = veteran.getByRole('region', { name: '评价这次答复' })
    await rating.waitFor({ timeout: LIVE_MS })
    await button(veteran, '发送并重新打开咨询').waitFor()
    await arriveAt(veteran, '我的咨询')
    await rating.scrollIntoViewIfNeeded()
    await screenshot(veteran, 'messaging-journey-5-veteran-resolved')

    // He rates it.
    await rating.getByRole('radio', { name: '非常满意' }).check()
    await button(rating, '提交评价').click()
    await veteran.getByRole('region', { name: '您的评价' }).getByText('非常满意').waitFor()
    await arriveAt(veteran, '我的咨询')
    await screenshot(veteran, 'messaging-journey-6-veteran-rated')
    const threads = (await laowang.call<ThreadPage>('GET', '/threads?limit=100')).body.items
    const asked = threads.find((t) => t.subject === SUBJECT)!
    const stored = await laowang.call<Thread>('GET', `/threads/${asked.id}`)
    expect(stored.body).toMatchObject({ status: 'resolved', rating: 5, unreadCount: 0 })

    // Back in 消息: the reply read, the badge is as before.
    await button(veteran, '返回').click()
    await arriveAt(veteran, '消息')
    await mine.getByRole('link', { name: new RegExp(`^${SUBJECT}.*已解决`) }).waitFor()
    await expect.poll(() => messagesTabBadge(veteran)).toBe(before)

    expect(appErrors(phone)).toEqual([])
    expect(appErrors(desk)).toEqual([])
    await phone.context.close()
    await desk.context.close()
  })
})
