import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { useAppUnderTest } from './harness/app-under-test'
import { appErrors, signedInPhone } from './harness/session'
import { arriveAt, button } from './harness/ui'

interface Stored {
  accessToken: string
  refreshToken: string
}

// Taro keeps storage in localStorage as {"data": value}.
const readSession = (page: Page) =>
  page.evaluate(
    () => (JSON.parse(localStorage.getItem('veterans.session') ?? 'null') as { data: Stored } | null)?.data ?? null
  )
const writeSession = (page: Page, patch: Partial<Stored>) =>
  page.evaluate((p) => {
    const item = JSON.parse(localStorage.getItem('veterans.session')!) as { data: Stored }
    localStorage.setItem('veterans.session', JSON.stringify({ data: { ...item.data, ...p } }))
  }, patch)

describe('session upkeep in the browser', () => {
  const app = useAppUnderTest()

  it('renews an expired access token once for concurrent calls, and signs out safely when a refresh token is reused', async () => {
    const phone = await signedInPhone(app.browser, app.url, 'sunli')
    const { page } = phone
    const first = await readSession(page)
    expect(first?.refreshToken).toBeTruthy()

    // An expired access token: the home page's calls (profile, hotline) all get 401 and share one refresh.
    const refreshes: string[] = []
    page.on('request', (request) => {
      if (request.url().endsWith('/api/v1/auth/refresh')) refreshes.push(request.postData() ?? '')
    })
    await writeSession(page, { accessToken: 'expired-access-token' })
    await page.reload()
    await arriveAt(page, 'M市退役军人服务')
    await page.getByRole('region', { name: '服务热线' }).getByText('M市退役军人服务中心').waitFor()
    await page.getByText(/sunli/).first().waitFor()
    expect(refreshes).toHaveLength(1)
    const second = await readSession(page)
    expect(second?.refreshToken).not.toBe(first?.refreshToken)

    // A refresh token that was already rotated (as a thief's copy would be): the server revokes the whole login
    // and the app signs out with a plain explanation.
    await writeSession(page, { accessToken: 'expired-access-token', refreshToken: first!.refreshToken })
    await page.reload()
    await arriveAt(page, 'M市退役军人服务')
    await page.getByText('为保护您的账号安全，已退出登录').waitFor()
    await button(page, '登录').waitFor()
    expect(await readSession(page)).toBeNull()
    const stillValid = await page.evaluate(async (refreshToken) => {
      const response = await fetch('/api/v1/auth/refresh', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ refreshToken })
      })
      return response.status
    }, second!.refreshToken)
    expect(stillValid).toBe(401) // the newer token of that login was revoked too
    expect(appErrors(phone)).toEqual([])
    await phone.context.close()
  })
})
