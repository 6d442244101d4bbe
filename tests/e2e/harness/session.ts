import type { Browser, Page } from 'playwright-core'
import { newPhone, type Phone } from './browser'
import { DEMO_PASSWORD } from './server'
import { arriveAt, button, field } from './ui'

/** A person on their phone who has signed in through the H5 dev-WeChat form as `dev:<name>`. */
export async function signedInPhone(browser: Browser, baseURL: string, name: string): Promise<Phone> {
  const phone = await newPhone(browser, baseURL)
  await phone.page.goto('/pages/login/index')
  await arriveAt(phone.page, '登录')
  await field(phone.page, '名字').fill(name)
  await button(phone.page, '登录').click()
  await arriveAt(phone.page, 'M市退役军人服务')
  return phone
}

/** A staff member signs in on the staff login page (demo accounts share DEMO_PASSWORD) and reaches 工作台. */
export async function staffSignIn(page: Page, username: string): Promise<void> {
  await page.goto('/staff/pages/login/index')
  await arriveAt(page, '工作人员登录')
  await field(page, '用户名').fill(username)
  await field(page, '密码').fill(DEMO_PASSWORD)
  await button(page, '登录').click()
  await arriveAt(page, '工作台')
}

/**
 * Script errors and console errors the app produced. The browser's own "Failed to load resource" lines are left
 * out: tests provoke refusals (404 INVITE_INVALID, 429 …) on purpose, and the app shows those on the page.
 */
export function appErrors(phone: Phone): string[] {
  return phone.errors.filter((e) => !e.includes('Failed to load resource'))
}
