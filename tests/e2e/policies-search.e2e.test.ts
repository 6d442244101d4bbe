import { describe, expect, it } from 'vitest'
import { useAppUnderTest } from './harness/app-under-test'
import { newPhone, screenshot } from './harness/browser'
import { appErrors, signedInPhone } from './harness/session'
import { arriveAt, button, byRole, field, link, openTab } from './harness/ui'

describe('policies: search, read, book a related service, what applies to me', () => {
  const app = useAppUnderTest()

  it('a veteran searches with a two-character word, reads a policy and goes on to book its service', async () => {
    const phone = await signedInPhone(app.browser, app.url, 'laowang')
    const { page } = phone
    await openTab(page, '政策')
    await arriveAt(page, '政策')

    // Without words: the policies in force, 20 at a time.
    await page.getByText(/^共 \d+ 条现行有效的政策$/).waitFor()
    const more = button(page, /^加载更多（已显示 20 条，共 \d+ 条）$/)
    await more.click()
    await button(page, /^加载更多（已显示 40 条/)
      .or(page.getByText(/^共 \d+ 条/))
      .first()
      .waitFor()
    expect(await page.locator('.results > li').count()).toBeGreaterThan(20)

    await page.getByRole('searchbox', { name: '搜索政策' }).fill('优待')
    await button(page, '搜索').click()
    await page.getByText(/^找到 \d+ 条与“优待”有关的现行有效的政策$/).waitFor()
    const results = page.getByRole('region', { name: '搜索结果' })
    await results.locator('mark.hit', { hasText: '优待' }).first().waitFor()
    await arriveAt(page, '政策')
    await screenshot(page, 'policies-search')

    // The category chips carry the counts of the facets; choosing one narrows the results to that category.
    const chip = button(page, /^优待（优待证）\s?\d+$/)
    const chipCount = Number((await chip.innerText()).replace(/\D+/g, ''))
    await chip.click()
    await expect(chip.getAttribute('aria-pressed')).resolves.toBe('true')
    await page.getByText(new RegExp(`^找到 ${chipCount} 条与“优待”有关`)).waitFor()

    // A one-character query works too.
    await page.getByRole('searchbox', { name: '搜索政策' }).fill('医')
    await button(page, /^全部\s?\d+$/).click()
    await button(page, '搜索').click()
    await page.getByText(/^找到 \d+ 条与“医”有关/).waitFor()
    await results.locator('mark.hit', { hasText: '医' }).first().waitFor()

    // Recent searches are kept on the phone and can be removed.
    await button(page, '清除搜索词').click()
    const recent = page.getByRole('region', { name: '最近搜索' })
    await button(recent, '再次搜索：优待').waitFor()
    await button(recent, '删除最近搜索：医').click()
    await expect(button(recent, '再次搜索：医').count()).resolves.toBe(0)

    await button(recent, '再次搜索：优待').click()
    await link(results, 'M市退役军人优待证服务和优待项目清单').click()
    await arriveAt(page, 'M市退役军人优待证服务和优待项目清单')
    await page.getByText('现行有效', { exact: true }).filter({ visible: true }).first().waitFor()
    const body = page.getByRole('region', { name: '政策全文' })
    await byRole(body, 'heading', '交通').waitFor()
    expect(await body.getByRole('listitem').count()).toBeGreaterThan(2)
    await screenshot(page, 'policies-detail')

    await button(page, '预约：优待证申领').click()
    await arriveAt(page, '选择服务中心')
    expect(page.url()).toContain('/booking/pages/centers/index?serviceId=')
    await page
      .getByText(/选择在哪里办“优待证申领”/)
      .filter({ visible: true })
      .waitFor()
    expect(appErrors(phone)).toEqual([])
    await phone.context.close()
  })

  it('a policy that was replaced says so and links to the newer one; nothing found offers broader searches and staff', async () => {
    const phone = await newPhone(app.browser, app.url)
    const { page } = phone
    await page.goto('/pages/policies/index')
    await arriveAt(page, '政策')

    // Policies no longer in force appear only on request.
    await page.getByRole('searchbox', { name: '搜索政策' }).fill('抚恤优待条例')
    await button(page, '搜索').click()
    await page.getByText(/^找到 \d+ 条与“抚恤优待条例”有关的现行有效的政策$/).waitFor()
    const results = page.getByRole('region', { name: '搜索结果' })
    await expect(link(results, '军人抚恤优待条例（2011年修订）').count()).resolves.toBe(0)
    await button(page, '更多筛选').click()
    await button(page, '全部').click()
    await link(results, '军人抚恤优待条例（2011年修订）').click()
    await arriveAt(page, '军人抚恤优待条例（2011年修订）')
    await page.getByText('已被新政策替代', { exact: true }).filter({ visible: true }).waitFor()
    await screenshot(page, 'policies-superseded')
    await link(page, /^《军人抚恤优待条例（2024年修订）》/).click()
    await arriveAt(page, '军人抚恤优待条例（2024年修订）')
    await link(page, /^《军人抚恤优待条例（2011年修订）》/).waitFor() // and back the other way

    await button(page, '返回').click()
    await button(page, '返回').click()
    await arriveAt(page, '政策')
    // Emoji alone: nothing is searched; one calm line says what to type.
    await page.getByRole('searchbox', { name: '搜索政策' }).fill('🎖️👴😀')
    await button(page, '搜索').click()
    await page.getByText('搜索词里没有文字。请输入想查的事，比如“优待证”“就业”“抚恤”。').waitFor()
    await expect(page.getByText(/找到 0 条|没有找到与/).count()).resolves.toBe(0)

    // Nothing found: one line says so (no count of 0 beside it), then what to try.
    await page.getByRole('searchbox', { name: '搜索政策' }).fill('优待证 火星')
    await button(page, '搜索').click()
    await page.getByText('没有找到与“优待证 火星”有关的政策', { exact: true }).waitFor()
    await expect(page.getByText(/找到 0 条/).count()).resolves.toBe(0)
    const none = page.getByRole('region', { name: '可以这样试试' })
    await arriveAt(page, '政策')
    await button(none, '只搜“优待证”').waitFor()
    // Each broader search is counted first: one that would find nothing either (火星 alone) is not offered.
    await expect(button(none, '只搜“火星”').count()).resolves.toBe(0)
    await screenshot(page, 'policies-nothing-found')
    await button(none, '只搜“优待证”').click()
    await page.getByText(/^找到 \d+ 条与“优待证”有关的政策$/).waitFor()

    // 最近搜索 keeps the searches that found something, not the one that found nothing, nor the emoji.
    await button(page, '清除搜索词').click()
    const recent = page.getByRole('region', { name: '最近搜索' })
    await button(recent, '再次搜索：优待证').waitFor()
    await button(recent, '再次搜索：抚恤优待条例').waitFor()
    await expect(button(recent, '再次搜索：优待证 火星').count()).resolves.toBe(0)
    await expect(recent.getByRole('button', { name: /🎖/ }).count()).resolves.toBe(0)

    await page.getByRole('searchbox', { name: '搜索政策' }).fill('火星探测')
    await button(page, '搜索').click()
    await button(page.getByRole('region', { name: '可以这样试试' }), '问问工作人员').click()
    // Writing to staff needs a sign-in; afterwards the question starts from the search.
    await arriveAt(page, '登录')
    await field(page, '名字').fill('zhaoyun')
    await button(page, '登录').click()
    await arriveAt(page, '写信咨询')
    await page
      .getByText('您搜索了“火星探测”，没有找到合适的政策。写下您的情况，工作人员会帮您查找适用的政策。')
      .waitFor()
    await expect(field(page, '标题').inputValue()).resolves.toBe('想了解有关“火星探测”的政策')
    expect(appErrors(phone)).toEqual([])
    await phone.context.close()
  })

  it('a search that fails on a lost connection never passes the earlier results off as its answer; 重试 brings it', async () => {
    const phone = await newPhone(app.browser, app.url)
    const { page, context } = phone
    await page.goto('/pages/policies/index')
    await arriveAt(page, '政策')
    const box = page.getByRole('searchbox', { name: '搜索政策' })
    const countFor = (q: string) => page.getByText(new RegExp(`^找到 \\d+ 条与“${q}”有关`)).filter({ visible: true })

    // From a fresh page (the list of all policies in force on screen), offline: no count is claimed for 抚恤.
    await page.getByText(/^共 \d+ 条现行有效的政策$/).waitFor()
    await context.setOffline(true)
    await box.fill('抚恤')
    await button(page, '搜索').click()
    await page.getByRole('alert').filter({ hasText: '没能查到与“抚恤”有关的政策' }).waitFor()
    await expect(countFor('抚恤').count()).resolves.toBe(0)
    await expect(page.getByRole('region', { name: '搜索结果' }).count()).resolves.toBe(0)
    await page.getByRole('region', { name: '之前显示的政策列表' }).waitFor()
    await context.setOffline(false)
    await button(page, '重试').click()
    await countFor('抚恤').waitFor()
    const fuxuTotal = Number((await countFor('抚恤').innerText()).match(/\d+/)![0])

    // Then a new search offline: the 抚恤 results stay, under a heading that names them, and nothing speaks for 住房.
    await context.setOffline(true)
    await box.fill('住房')
    await button(page, '搜索').click()
    await page.getByRole('alert').filter({ hasText: '没能查到与“住房”有关的政策' }).waitFor()
    const previous = page.getByRole('region', { name: '上一次查找“抚恤”的结果' })
    await previous
      .getByText(`这次查找没有成功，下面仍是上一次的结果（共 ${fuxuTotal} 条），不是这次查找的答案。`)
      .waitFor()
    await expect(countFor('住房').count()).resolves.toBe(0)
    await expect(countFor('抚恤').count()).resolves.toBe(0)
    await expect(page.getByRole('region', { name: '搜索结果' }).count()).resolves.toBe(0)
    // The chips carry no counts meanwhile (those were 抚恤's), and there is no 加载更多 of the 抚恤 results.
    await button(page, '全部').waitFor()
    await expect(button(page, /^全部\s?\d+$/).count()).resolves.toBe(0)
    await expect(button(page, /^加载更多/).count()).resolves.toBe(0)
    await arriveAt(page, '政策')
    await screenshot(page, 'policies-search-offline')

    await context.setOffline(false)
    await button(page, '重试').click()
    await countFor('住房').waitFor()
    await link(page.getByRole('region', { name: '搜索结果' }), 'M市伤残退役军人住房困难帮扶办法').waitFor()
    await expect(previous.count()).resolves.toBe(0)
    await expect(page.getByRole('alert').filter({ hasText: '没能查到' }).count()).resolves.toBe(0)
    await button(page, /^全部\s?\d+$/).waitFor()
    expect(appErrors(phone)).toEqual([])
    await context.close()
  })

  it('与我相关 shows 王建国 the policies that match his record, with the reasons; an unbound resident is asked to bind', async () => {
    const phone = await signedInPhone(app.browser, app.url, 'laowang')
    const { page } = phone
    await openTab(page, '政策')
    await arriveAt(page, '政策')
    await button(page, '与我相关').click()
    const specific = page.getByRole('region', { name: /^专门适用的政策（\d+ 条）$/ })
    await specific.getByText('因为您是退役士兵').first().waitFor()
    await specific.getByText('因为您的伤残等级为 8 级').first().waitFor()
    await specific.getByText('因为您户籍在东湖区').first().waitFor()
    await arriveAt(page, '政策')
    await screenshot(page, 'policies-for-me')

    // Asking staff about one policy names it, and gives the phone of his district's center.
    await link(specific, 'M市伤残退役军人住房困难帮扶办法').click()
    await arriveAt(page, 'M市伤残退役军人住房困难帮扶办法')
    await button(page, '咨询工作人员').click()
    await arriveAt(page, '写信咨询')
    await page.getByRole('region', { name: '您咨询的政策' }).getByText('《M市伤残退役军人住房困难帮扶办法》').waitFor()
    await page.getByText('答复的服务中心：东湖区退役军人服务中心').waitFor()
    await screenshot(page, 'policies-ask-staff')
    expect(appErrors(phone)).toEqual([])
    await phone.context.close()

    const resident = await signedInPhone(app.browser, app.url, 'zhangmin')
    await openTab(resident.page, '政策')
    await arriveAt(resident.page, '政策')
    await button(resident.page, '与我相关').click()
    await resident.page.getByRole('region', { name: '认证身份后就能看到' }).waitFor()
    await link(resident.page, /^退役军人身份认证/).click()
    await arriveAt(resident.page, '退役军人身份认证')
    expect(appErrors(resident)).toEqual([])
    await resident.context.close()
  })
})
