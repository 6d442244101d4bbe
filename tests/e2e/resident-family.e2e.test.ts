import { describe, expect, it } from 'vitest'
import { useAppUnderTest } from './harness/app-under-test'
import { newPhone, screenshot } from './harness/browser'
import { appErrors, signedInPhone } from './harness/session'
import { arriveAt, button, field, link } from './harness/ui'

// The registry record in the demo data that no account has bound yet.
const FREE_RECORD = { name: '李志强', idNumber: '419903198506150516' }

describe('a resident becomes a veteran and invites family; a second person links as family', () => {
  const app = useAppUnderTest()
  let inviteCode = ''

  it('a new resident signs in on H5, binds identity as 李志强 and creates a family invite', async () => {
    const phone = await newPhone(app.browser, app.url)
    const { page } = phone
    await page.goto('/')
    await arriveAt(page, 'M市退役军人服务')

    await button(page, '登录').click()
    await arriveAt(page, '登录')
    await field(page, '名字').fill('lizhiqiang')
    await button(page, '登录').click()
    await arriveAt(page, 'M市退役军人服务')
    await page.getByText('您还没有认证退役军人身份').waitFor()

    await button(page, '认证退役军人身份').click()
    await arriveAt(page, '退役军人身份认证')

    // A mistyped ID number is caught on the phone (GB 11643 checksum) and never reaches the server.
    const bindCalls: string[] = []
    page.on('request', (request) => {
      if (request.url().endsWith('/api/v1/me/veteran')) bindCalls.push(request.method())
    })
    await field(page, '姓名').fill(FREE_RECORD.name)
    await field(page, '身份证号码').fill('419903198506150517')
    await button(page, '提交认证').click()
    await page.getByRole('alert').filter({ hasText: '校验不通过' }).waitFor()
    expect(bindCalls).toEqual([])
    await expect(field(page, '身份证号码').getAttribute('aria-invalid')).resolves.toBe('true')

    await field(page, '身份证号码').fill(FREE_RECORD.idNumber)
    await button(page, '提交认证').click()
    await page.getByText('认证成功').waitFor()
    expect(bindCalls).toEqual(['POST'])
    await arriveAt(page, '退役军人身份认证')
    await page.getByText('419903********0516').waitFor()

    await link(page, /^邀请家人关联/).click()
    await arriveAt(page, '家人关联')
    await button(page, '生成邀请码').click()
    const codeText = await page.locator('.invite-code').filter({ visible: true }).innerText()
    inviteCode = codeText.replace(/\s+/g, '')
    expect(inviteCode).toMatch(/^[A-Z0-9]{8}$/)
    await page.getByText(/之前使用/).waitFor()
    await arriveAt(page, '家人关联')
    await screenshot(page, 'resident-invite')
    expect(appErrors(phone)).toEqual([])
    await phone.context.close()
  })

  it('a second new user links with that code and sees the veteran in 我的', async () => {
    expect(inviteCode, 'the first test creates the invite').not.toBe('')
    const phone = await newPhone(app.browser, app.url)
    const { page } = phone

    // 我的 needs a session: it sends the person to sign in, then back.
    await page.goto('/pages/me/index')
    await arriveAt(page, '登录')
    await field(page, '名字').fill('lixiaohua')
    await button(page, '登录').click()
    await arriveAt(page, '我的')

    await link(page, /^家人关联/).click()
    await arriveAt(page, '家人关联')
    await field(page, '邀请码').fill(inviteCode.toLowerCase())
    await page.getByRole('radio', { name: '子女' }).check()
    await button(page, '确认关联').click()
    await page.getByText('关联成功').waitFor()
    await page.getByRole('region', { name: '我关联的退役军人' }).getByText('李*强').waitFor()
    await arriveAt(page, '家人关联')

    await button(page, '返回').click()
    await arriveAt(page, '我的')
    const profile = page.getByRole('region', { name: '我的资料' })
    await profile.getByText('家属').waitFor()
    await profile.getByText('李*强（您是他的子女）').waitFor()
    await screenshot(page, 'family-me')

    // The same code cannot be used twice.
    await link(page, /^家人关联/).click()
    await arriveAt(page, '家人关联')
    await field(page, '邀请码').fill(inviteCode)
    await page.getByRole('radio', { name: '配偶' }).check()
    await button(page, '确认关联').click()
    await page.getByRole('alert').filter({ hasText: '邀请码无效' }).waitFor()
    expect(appErrors(phone)).toEqual([])
    await phone.context.close()
  })

  it('the veteran sees the new family member and can remove them', async () => {
    const phone = await signedInPhone(app.browser, app.url, 'lizhiqiang')
    const { page } = phone
    await page.goto('/pages/family/index')
    await arriveAt(page, '家人关联')
    const members = page.getByRole('region', { name: '已关联的家人' })
    await members.getByText('lixiaohua（子女）').waitFor()
    await button(members, '解除关联：lixiaohua').click()
    await button(members, '确定解除').click()
    await members.getByText('还没有家人关联您的账号').waitFor()
    await arriveAt(page, '家人关联')
    expect(appErrors(phone)).toEqual([])
    await phone.context.close()
  })
})
