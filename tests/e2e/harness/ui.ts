import type { Locator, Page } from 'playwright-core'
import { expectAccessible } from './axe'

/** Finding things the way a person (and a screen reader) does: by role and accessible name, by label. */
export const byRole = (page: Page | Locator, role: Parameters<Page['getByRole']>[0], name: string | RegExp) =>
  page.getByRole(role, { name, exact: typeof name === 'string' })
export const button = (page: Page | Locator, name: string | RegExp) => byRole(page, 'button', name)
export const link = (page: Page | Locator, name: string | RegExp) => byRole(page, 'link', name)
export const field = (page: Page | Locator, label: string) => page.getByLabel(label, { exact: true })
export const pageTitle = (page: Page) => page.getByRole('heading', { level: 1 })

/** Waits until the page with this <h1> is shown (Taro keeps earlier pages in the DOM, hidden), then runs axe. */
export async function arriveAt(page: Page, title: string): Promise<void> {
  await byRole(page, 'heading', title)
    .and(page.getByRole('heading', { level: 1 }))
    .waitFor({ state: 'visible' })
  await expectAccessible(page, `the page "${title}" (${page.url()})`)
}

/** Taps a tab of the tab bar. */
export async function openTab(page: Page, name: '首页' | '预约' | '政策' | '消息' | '我的'): Promise<void> {
  await page.locator('.weui-tabbar__item').filter({ hasText: name }).click()
}

/** The computed font size of an element, in CSS px. */
export async function fontSizeOf(locator: Locator): Promise<number> {
  return locator.evaluate((element) => Number.parseFloat(getComputedStyle(element).fontSize))
}

export async function heightOf(locator: Locator): Promise<number> {
  const box = await locator.boundingBox()
  if (!box) throw new Error('element is not visible')
  return box.height
}
