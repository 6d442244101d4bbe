import type { Browser } from 'playwright-core'
import { newPhone, type Phone } from './browser'
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

/**
 * Script errors and console errors the app produced. The browser's own "Failed to load resource" lines are left
 * out: tests provoke refusals (404 INVITE_INVALID, 429 …) on purpose, and the app shows those on the page.
 */
export function appErrors(phone: Phone): string[] {
  return phone.errors.filter((e) => !e.includes('Failed to load resource'))
}
