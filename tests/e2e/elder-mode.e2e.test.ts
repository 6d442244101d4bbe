import { describe, expect, it } from 'vitest'
import { useAppUnderTest } from './harness/app-under-test'
import { newPhone, screenshot } from './harness/browser'
import { lonelyCharacterBreaks } from './harness/line-breaks'
import { appErrors, signedInPhone } from './harness/session'
import { arriveAt, button, fontSizeOf, heightOf, openTab, pageTitle } from './harness/ui'

describe('长辈版 (elder mode)', () => {
  const app = useAppUnderTest()

  it('visibly enlarges text and controls at once, on every page, and stays on for this person', async () => {
    // zhangmin: the demo resident who has not bound an identity, so home shows the key action 认证退役军人身份.
    const phone = await signedInPhone(app.browser, app.url, 'zhangmin')
    const { page } = phone
    const bodyText = page.getByText('您还没有认证退役军人身份')
    const keyAction = button(page, '认证退役军人身份')
    const elderSwitch = page.getByRole('switch', { name: '长辈版' })

    const before = {
      body: await fontSizeOf(bodyText),
      title: await fontSizeOf(pageTitle(page)),
      keyAction: await fontSizeOf(keyAction),
      keyHeight: await heightOf(keyAction)
    }
    expect(before.body).toBeGreaterThanOrEqual(16)
    expect(before.keyHeight).toBeGreaterThanOrEqual(44)
    await expect(elderSwitch.getAttribute('aria-checked')).resolves.toBe('false')

    const saved = page.waitForResponse((r) => r.url().endsWith('/api/v1/me') && r.request().method() === 'PATCH')
    await elderSwitch.click()
    await expect.poll(() => elderSwitch.getAttribute('aria-checked')).toBe('true')
    expect((await saved).status()).toBe(200)

    const after = {
      body: await fontSizeOf(bodyText),
      title: await fontSizeOf(pageTitle(page)),
      keyAction: await fontSizeOf(keyAction),
      keyHeight: await heightOf(keyAction),
      switchHeight: await heightOf(elderSwitch)
    }
    expect(after.body).toBeGreaterThanOrEqual(18)
    expect(after.body).toBeGreaterThan(before.body)
    expect(after.title).toBeGreaterThan(before.title)
    expect(after.keyAction).toBeGreaterThanOrEqual(30)
    expect(after.keyHeight).toBeGreaterThanOrEqual(60)
    expect(after.switchHeight).toBeGreaterThanOrEqual(60)
    await arriveAt(page, 'M市退役军人服务') // axe again: contrast and names hold in 长辈版
    await screenshot(page, 'elder-mode-home')

    // Everywhere at once: another tab is already large.
    await openTab(page, '我的')
    await arriveAt(page, '我的')
    const profileKey = page.getByRole('main').getByText('称呼', { exact: true })
    expect(await fontSizeOf(profileKey)).toBeGreaterThanOrEqual(18)
    for (const target of await page.getByRole('main').getByRole('link').all()) {
      expect(await heightOf(target)).toBeGreaterThanOrEqual(60)
    }
    expect(appErrors(phone)).toEqual([])
    await phone.context.close()

    // Saved on the account: the same person on a fresh phone gets 长辈版 straight away.
    const again = await signedInPhone(app.browser, app.url, 'zhangmin')
    await expect(again.page.getByRole('switch', { name: '长辈版' }).getAttribute('aria-checked')).resolves.toBe('true')
    expect(await fontSizeOf(again.page.getByText('您还没有认证退役军人身份'))).toBe(after.body)

    // And off again: back to the normal sizes.
    await again.page.getByRole('switch', { name: '长辈版' }).click()
    await expect.poll(() => fontSizeOf(again.page.getByText('您还没有认证退役军人身份'))).toBe(before.body)
    await again.context.close()
  })

  it('can be switched on before signing in, and goes with the person into their new account', async () => {
    const phone = await newPhone(app.browser, app.url)
    const { page } = phone
    await page.goto('/')
    await arriveAt(page, 'M市退役军人服务')
    await page.getByRole('switch', { name: '长辈版' }).click()
    await expect.poll(() => fontSizeOf(pageTitle(page))).toBeGreaterThanOrEqual(30)
    await arriveAt(page, 'M市退役军人服务')

    await button(page, '登录').click()
    await arriveAt(page, '登录')
    expect(await fontSizeOf(page.getByText('英文字母或数字，例如 laowang'))).toBeGreaterThanOrEqual(18)
    const carried = page.waitForResponse((r) => r.url().endsWith('/api/v1/me') && r.request().method() === 'PATCH')
    await page.getByLabel('名字', { exact: true }).fill('guoping')
    await button(page, '登录').click()
    expect((await carried).status()).toBe(200)
    await arriveAt(page, 'M市退役军人服务')
    await expect(page.getByRole('switch', { name: '长辈版' }).getAttribute('aria-checked')).resolves.toBe('true')
    await phone.context.close()

    const again = await signedInPhone(app.browser, app.url, 'guoping')
    await expect(again.page.getByRole('switch', { name: '长辈版' }).getAttribute('aria-checked')).resolves.toBe('true')
    await again.context.close()
  })

  it('keeps short words whole: no "长辈⏎版" or "（退役士⏎兵）" with one character alone on a line', async () => {
    // laowang: the demo veteran, so home says his category and the family page has his invite card.
    const phone = await signedInPhone(app.browser, app.url, 'laowang')
    const { page } = phone
    await page.getByRole('switch', { name: '长辈版' }).click()
    await expect.poll(() => page.getByRole('switch', { name: '长辈版' }).getAttribute('aria-checked')).toBe('true')
    const pages = [
      ['/pages/home/index', 'M市退役军人服务'],
      ['/pages/me/index', '我的'],
      ['/pages/family/index', '家人关联'],
      ['/pages/identity/index', '退役军人身份认证']
    ] as const
    const broken: Record<string, string[]> = {}
    for (const [url, title] of pages) {
      await page.goto(url)
      await arriveAt(page, title)
      const breaks = await lonelyCharacterBreaks(page)
      if (breaks.length > 0) broken[title] = breaks
    }
    expect(broken).toEqual({})
    await page.goto('/pages/home/index')
    await arriveAt(page, 'M市退役军人服务')
    await screenshot(page, 'elder-mode-words-whole')
    expect(appErrors(phone)).toEqual([])
    await phone.context.close()
  })
})
