import type {
  AudiencePreview,
  InboxPage,
  Notice,
  NoticePage,
  NoticeSendResult,
  StaffNotice,
  StaffNoticePage,
  UnreadCount
} from '@veterans/shared'
import type { Locator } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { asPerson, asStaff } from './booking-api'
import { useAppUnderTest } from './harness/app-under-test'
import { newDesk, screenshot } from './harness/browser'
import { lonelyCharacterBreaks } from './harness/line-breaks'
import { LIVE_MS, messagesTabBadge, unreadOf } from './harness/messaging'
import { appErrors, signedInPhone, staffSignIn } from './harness/session'
import { arriveAt, button, field, link, openTab } from './harness/ui'

const TITLE = '东湖区退役军人春节走访慰问安排'
const BODY = [
  '春节前，东湖区退役军人服务中心将走访慰问辖区内的退役军人。',
  '',
  '## 走访时间',
  '- 1月20日至1月24日，每天上午 9:00 到 11:30',
  '- 不在家的，可以打电话另约时间',
  '',
  '请**提前准备好优待证**，走访人员会出示工作证件。'
].join('\n')
/** The staff detail page reads the figures again every 15 s once a notice is sent (reach-polling.ts). */
const SENT_POLL_WAIT_MS = 20_000

/** The value of one figure of 送达情况 (收件人, 已进收件箱, 已读): the <dd> after its <dt>. */
const figure = (reach: Locator, label: string) =>
  reach.locator('dt', { hasText: new RegExp(`^${label}$`) }).locator('xpath=following-sibling::dd[1]')

const count = (n: number) => n.toLocaleString('en-US')

describe('notices, staff and residents in the browser at once', () => {
  const app = useAppUnderTest()

  it('a district notice reaches that district’s veteran and his family live, never a veteran elsewhere, and its read count rises as he opens it', async () => {
    // 陈秀英 of 南山区, bound now: a veteran outside the audience.
    const elsewhere = await asPerson(app.url, 'chenxiuying')
    expect(
      (await elsewhere.call('POST', '/me/veteran', { name: '陈秀英', idNumber: '419904197008030222' })).status
    ).toBe(200)
    const laowang = await asPerson(app.url, 'laowang')
    const xiaowang = await asPerson(app.url, 'xiaowang')
    const staffApi = await asStaff(app.url, 'donghu')

    // Before anything is sent, each of them has a phone open: 王建国 on 消息, 王小梅 on 首页, 陈秀英 on 消息.
    const veteranPhone = await signedInPhone(app.browser, app.url, 'laowang')
    const veteran = veteranPhone.page
    await openTab(veteran, '消息')
    await arriveAt(veteran, '消息')
    const veteranBefore = await unreadOf(laowang)
    await expect.poll(() => messagesTabBadge(veteran)).toBe(veteranBefore)
    const veteranInbox = veteran.getByRole('region', { name: '通知' })
    await veteranInbox.getByRole('list', { name: '通知列表' }).waitFor()

    const familyPhone = await signedInPhone(app.browser, app.url, 'xiaowang')
    const family = familyPhone.page
    const familyBefore = await unreadOf(xiaowang)
    await expect.poll(() => messagesTabBadge(family)).toBe(familyBefore)

    const otherPhone = await signedInPhone(app.browser, app.url, 'chenxiuying')
    const other = otherPhone.page
    await openTab(other, '消息')
    await arriveAt(other, '消息')
    const otherBefore = await unreadOf(elsewhere)
    await expect.poll(() => messagesTabBadge(other)).toBe(otherBefore)

    // The staff member of 东湖区, at a desk: 通知推送 → 新建通知.
    const desk = await newDesk(app.browser, app.url)
    const staff = desk.page
    await staffSignIn(staff, 'donghu')
    await link(staff.getByRole('region', { name: '工作事项' }), /^通知推送/).click()
    await arriveAt(staff, '通知推送')
    await button(staff, '新建通知').click()
    await arriveAt(staff, '新建通知')
    await field(staff, '标题').fill(TITLE)
    await field(staff, '正文').fill(BODY)
    // District staff address only their district; veterans and families are both ticked from the start.
    await staff.getByText('东湖区（只能发给本区县，不能更改）').waitFor()
    const roles = staff.getByRole('group', { name: /^收件人/ })
    await expect(roles.getByRole('checkbox', { name: /^退役军人/ }).isChecked()).resolves.toBe(true)
    await expect(roles.getByRole('checkbox', { name: /^家属/ }).isChecked()).resolves.toBe(true)

    // The recipient count (of the draft saved as she typed) is the server's, and the phone preview shows the notice.
    const countCard = staff.getByRole('region', { name: '收件人数' })
    await countCard.getByText(/^共 [\d,]+ 人/).waitFor()
    await countCard.getByText(/草稿已自动保存/).waitFor()
    const drafts = (await staffApi.call<StaffNoticePage>('GET', '/staff/notices?status=draft')).body.items
    const draft = drafts.find((n) => n.title === TITLE)!
    expect(draft).toBeDefined()
    const preview = (await staffApi.call<AudiencePreview>('GET', `/staff/notices/${draft.id}/audience-preview`)).body
    expect(preview.veterans).toBeGreaterThan(0)
    expect(preview.families).toBeGreaterThan(0)
    await countCard
      .getByText(
        `共 ${count(preview.count)} 人（退役军人 ${count(preview.veterans)} 人，家属 ${count(preview.families)} 人）`
      )
      .waitFor()
    const phonePreview = staff.getByRole('region', { name: '手机预览' })
    await phonePreview.getByRole('heading', { name: TITLE }).waitFor()
    await phonePreview.getByRole('heading', { name: '走访时间' }).waitFor()
    await phonePreview.getByText('提前准备好优待证').waitFor()
    await phonePreview.getByText(/^东湖区退役军人服务中心 · /).waitFor()
    await arriveAt(staff, '新建通知')
    await screenshot(staff, 'notices-journey-1-staff-composer')

    // 下一步: the notice's page counts again; 发送… asks once more with the number, then sends.
    await button(staff, '下一步：核对并发送').click()
    await arriveAt(staff, '通知详情')
    await staff
      .getByRole('region', { name: '收件人数' })
      .getByText(`共 ${count(preview.count)} 人`)
      .first()
      .waitFor()
    await button(staff, '发送…').click()
    const confirm = staff.getByRole('dialog', { name: '确认发送' })
    await confirm.waitFor()
    await arriveAt(staff, '通知详情')
    const sent = staff.waitForResponse((r) => r.url().endsWith('/send') && r.request().method() === 'POST')
    await button(confirm, `确定发送给 ${count(preview.count)} 人`).click()
    const answer = await sent
    expect(answer.status()).toBe(200)
    expect(((await answer.json()) as NoticeSendResult).recipientCount).toBe(preview.count)
    const reach = staff.getByRole('region', { name: '送达情况' })
    await expect.poll(() => figure(reach, '收件人').innerText()).toBe(`${count(preview.count)} 人`)
    await expect.poll(() => figure(reach, '已读').innerText()).toMatch(/^0 人/)
    await arriveAt(staff, '通知详情')

    // 王建国, never reloaded: the notice on top of 通知, unread, sooner than any polling; the badge one higher.
    const entry = link(veteranInbox, new RegExp(`^未读，.*${TITLE}`))
    await entry.waitFor({ timeout: LIVE_MS })
    await expect.poll(() => messagesTabBadge(veteran), { timeout: LIVE_MS }).toBe(veteranBefore + 1)
    await expect(veteranInbox.getByRole('listitem').first().innerText()).resolves.toContain(TITLE)
    await arriveAt(veteran, '消息')
    await screenshot(veteran, 'notices-journey-2-veteran-inbox-live')

    // 王小梅 on 首页: the badge rises and the notice is among what needs her, live; in 消息 too.
    await expect.poll(() => messagesTabBadge(family), { timeout: LIVE_MS }).toBe(familyBefore + 1)
    await link(family.getByRole('region', { name: '需要您看的' }), new RegExp(`^${TITLE}`)).waitFor({
      timeout: LIVE_MS
    })
    await openTab(family, '消息')
    await arriveAt(family, '消息')
    await link(family.getByRole('region', { name: '通知' }), new RegExp(`^未读，.*${TITLE}`)).waitFor()
    const familyInbox = (await xiaowang.call<InboxPage>('GET', '/me/inbox?limit=50')).body
    expect(familyInbox.items.filter((e) => e.kind === 'notice' && e.title === TITLE)).toHaveLength(1)

    // 陈秀英 of 南山区: nothing, on her open page, in her inbox, her notices, their count or the notice itself.
    const otherInbox = other.getByRole('region', { name: '通知' })
    await expect(link(otherInbox, new RegExp(TITLE)).count()).resolves.toBe(0)
    await expect(other.getByText(TITLE).count()).resolves.toBe(0)
    expect(await messagesTabBadge(other)).toBe(otherBefore)
    const hers = (await elsewhere.call<InboxPage>('GET', '/me/inbox?limit=50')).body
    expect(hers.items.some((e) => e.title === TITLE)).toBe(false)
    const herNotices = (await elsewhere.call<NoticePage>('GET', '/notices?limit=50')).body
    expect(herNotices.items.some((n) => n.id === draft.id)).toBe(false)
    expect((await elsewhere.call('GET', `/notices/${draft.id}`)).status).toBe(404)
    expect((await elsewhere.call('POST', `/notices/${draft.id}/read`)).status).toBe(404)
    await openTab(other, '首页')
    await arriveAt(other, 'M市退役军人服务')
    await expect(other.getByText(TITLE).count()).resolves.toBe(0)
    expect(await unreadOf(elsewhere)).toBe(otherBefore)

    // 王建国 opens it: the notice as staff previewed it, from his district's center; read, it leaves the badge.
    await entry.click()
    await arriveAt(veteran, '通知')
    await veteran.getByRole('heading', { name: TITLE, level: 2 }).waitFor()
    await veteran.getByRole('heading', { name: '走访时间' }).waitFor()
    await veteran.getByText(/^东湖区退役军人服务中心 · \d{4}年/).waitFor()
    await screenshot(veteran, 'notices-journey-3-veteran-notice')
    expect(await lonelyCharacterBreaks(veteran)).toEqual([])
    await expect.poll(async () => (await laowang.call<Notice>('GET', `/notices/${draft.id}`)).body.read).toBe(true)
    await button(veteran, '返回').click()
    await arriveAt(veteran, '消息')
    await link(veteranInbox, new RegExp(`^政策通知.*${TITLE}`)).waitFor()
    await expect.poll(() => messagesTabBadge(veteran)).toBe(veteranBefore)

    // The staff page, left open, catches up: 已读 1 人, as the server counts it.
    await expect.poll(() => figure(reach, '已读').innerText(), { timeout: SENT_POLL_WAIT_MS }).toMatch(/^1 人/)
    const stats = (await staffApi.call<StaffNotice>('GET', `/staff/notices/${draft.id}`)).body.stats
    expect(stats).toMatchObject({ recipients: preview.count, read: 1 })
    expect(stats.delivered.inbox).toBe(preview.count)
    await arriveAt(staff, '通知详情')
    await screenshot(staff, 'notices-journey-4-staff-reach')

    // 王小梅 is still unread: the count says one, and opening it from 消息 makes two.
    expect((await xiaowang.call<UnreadCount>('GET', '/notices/unread-count')).body.count).toBeGreaterThan(0)
    await link(family.getByRole('region', { name: '通知' }), new RegExp(`^未读，.*${TITLE}`)).click()
    await arriveAt(family, '通知')
    await family.getByRole('heading', { name: TITLE, level: 2 }).waitFor()
    await expect.poll(() => figure(reach, '已读').innerText(), { timeout: SENT_POLL_WAIT_MS }).toMatch(/^2 人/)

    // In 长辈版 the notice is larger and still reads well.
    await openTab(veteran, '首页')
    await arriveAt(veteran, 'M市退役军人服务')
    await veteran.getByRole('switch', { name: '长辈版' }).click()
    await expect.poll(() => veteran.getByRole('switch', { name: '长辈版' }).getAttribute('aria-checked')).toBe('true')
    await openTab(veteran, '消息')
    await arriveAt(veteran, '消息')
    await link(veteranInbox, new RegExp(`^政策通知.*${TITLE}`)).click()
    await arriveAt(veteran, '通知')
    await veteran.getByRole('heading', { name: TITLE, level: 2 }).waitFor()
    await screenshot(veteran, 'notices-journey-5-veteran-notice-elder')
    expect(await lonelyCharacterBreaks(veteran)).toEqual([])

    for (const phone of [veteranPhone, familyPhone, otherPhone, desk]) {
      expect(appErrors(phone)).toEqual([])
      await phone.context.close()
    }
  })

  it('消息设置 without WeChat: booking and security messages are always on; the others can be turned off', async () => {
    const phone = await signedInPhone(app.browser, app.url, 'laowang')
    const { page } = phone
    await openTab(page, '我的')
    await arriveAt(page, '我的')
    await link(page, /^消息设置/).click()
    await arriveAt(page, '消息设置')
    for (const kind of ['预约提醒与变动', '账号安全']) {
      const card = page.getByRole('region', { name: kind })
      await card.getByText('在“消息”里显示：始终开启').waitFor()
      await expect(card.getByRole('switch').count()).resolves.toBe(0)
    }
    for (const kind of ['工作人员回复', '政策通知']) {
      const card = page.getByRole('region', { name: kind })
      const inbox = card.getByRole('switch', { name: '在“消息”里显示' })
      await expect(inbox.getAttribute('aria-checked')).resolves.toBe('true')
    }
    await expect(page.getByRole('switch', { name: '微信提醒' }).count()).resolves.toBe(0)
    await page.getByText('微信提醒暂未开通，所有消息都会显示在“消息”里。').waitFor()
    await screenshot(page, 'notices-journey-6-message-settings')
    expect(appErrors(phone)).toEqual([])
    await phone.context.close()
  })
})
