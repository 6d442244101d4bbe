import { idNumberCheckChar } from '@veterans/shared/rules'
import type { Locator, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { useAppUnderTest } from './harness/app-under-test'
import { expectAccessible } from './harness/axe'
import { newDesk, screenshot } from './harness/browser'
import { appErrors, staffSignIn } from './harness/session'
import { arriveAt, button, field, link } from './harness/ui'

// 东湖区 is 419902. Birth days 29–31 keep these numbers clear of the demo registry's (its days run 1–28).
const idOf = (first17: string) => first17 + idNumberCheckChar(first17)
const OUYANG = idOf('41990219780329135')
const SHANGGUAN = idOf('41990219820430246')
const SIMA = idOf('41990219750531357')
const ZHUGE_GOOD = idOf('41990219800329173')
/** The same number with a check character it cannot have. */
const ZHUGE_BAD = ZHUGE_GOOD.slice(0, 17) + (ZHUGE_GOOD[17] === '0' ? '1' : '0')

/** A bureau's spreadsheet saved as CSV: a header row (row 1), three good rows and, at row 4, a mistyped ID number. */
const CSV = [
  '姓名,身份证号,性别,所属区,类别,入伍时间,退伍时间,手机,服役单位',
  `欧阳振华,${OUYANG},男,东湖区,退役士兵,1996-09-01,2000-12-01,13900001111,某部三连`,
  `上官秀兰,${SHANGGUAN},女,东湖区,退役士兵,2000-09-01,2004-12-01,13900002222,某部卫生队`,
  `诸葛明远,${ZHUGE_BAD},男,东湖区,退役士兵,1998-09-01,2003-12-01,13900003333,某部二营`,
  `司马建军,${SIMA},男,东湖区,转业干部,1993-09-01,2015-07-01,13900004444,某部机关`
].join('\r\n')

const DONGHU_STAFF = '东湖区退役军人服务中心工作人员'

/** arriveAt, and then axe finds nothing at all on the page: not even the moderate and minor findings. */
async function arriveAtClean(page: Page, title: string): Promise<void> {
  await arriveAt(page, title)
  await expectNoViolations(page, `the page "${title}"`)
}

async function expectNoViolations(page: Page, where: string): Promise<void> {
  const found = await expectAccessible(page, where)
  expect(found.map((v) => `${v.id} (${v.impact}) at ${v.nodes.map((n) => n.target).join(', ')}`)).toEqual([])
}

/** Opens an entry of the side navigation (the staff workspace at a desk). */
async function openFromSideNav(page: Page, entry: string): Promise<void> {
  await link(page.getByRole('navigation', { name: '工作台导航' }), entry).click()
  await arriveAtClean(page, entry)
}

/**
 * How many pixels of a chart's canvas were painted (not transparent, not the white of the card): a chart that was
 * only laid out, or drawn with nothing in it, has (almost) none.
 */
function paintedPixels(chart: Locator): Promise<number> {
  return chart.locator('canvas').evaluate((canvas: HTMLCanvasElement) => {
    const context = canvas.getContext('2d')
    if (!context || canvas.width === 0 || canvas.height === 0) return 0
    const { data } = context.getImageData(0, 0, canvas.width, canvas.height)
    let painted = 0
    for (let i = 0; i < data.length; i += 4) {
      const [r, g, b, a] = [data[i]!, data[i + 1]!, data[i + 2]!, data[i + 3]!]
      if (a > 32 && !(r > 245 && g > 245 && b > 245)) painted++
    }
    return painted
  })
}

describe('the registry at a desk', () => {
  const app = useAppUnderTest()

  it('district staff import a file with one bad row, find an imported veteran and reveal the ID for a reason; an admin sees the reveal in the audit log and a dashboard drawn', async () => {
    // 东湖区's staff member, at a desk, opens 退役军人信息 from the side navigation.
    const desk = await newDesk(app.browser, app.url)
    const staff = desk.page
    await staffSignIn(staff, 'donghu')
    await openFromSideNav(staff, '退役军人信息')
    await expect(
      link(staff.getByRole('navigation', { name: '工作台导航' }), '退役军人信息').getAttribute('aria-current')
    ).resolves.toBe('page')

    // 导入: the file, its first rows as read, and the columns matched to fields by their headers.
    await button(staff, '导入').click()
    await arriveAtClean(staff, '导入退役军人信息')
    await field(staff, '选择要导入的文件').setInputFiles({
      name: '东湖区退役军人.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(CSV, 'utf8')
    })
    const firstRows = staff.getByRole('region', { name: '文件的前几行' })
    await firstRows.getByRole('cell', { name: '欧阳振华', exact: true }).waitFor()
    await expect(firstRows.getByRole('row').count()).resolves.toBe(5)
    await staff.getByRole('heading', { name: '文件的前 4 行（CSV，UTF-8 编码）' }).waitFor()
    const mapped = {
      姓名: 'name',
      身份证号: 'idNumber',
      性别: 'gender',
      所属区: 'districtCode',
      类别: 'category',
      入伍时间: 'enlistDate',
      退伍时间: 'dischargeDate',
      手机: 'phone',
      服役单位: 'servedUnit'
    }
    for (const [header, importedAs] of Object.entries(mapped))
      await expect(field(staff, `“${header}”列导入为`).inputValue()).resolves.toBe(importedAs)
    await arriveAtClean(staff, '导入退役军人信息')
    await screenshot(staff, 'registry-desk-1-import-mapping')

    // 试运行 writes nothing and names the refused row: the header is row 1, so 诸葛明远 is row 4.
    await button(staff, '试运行（不写入）').click()
    await staff.getByRole('heading', { name: '试运行完成，有些行需要修改' }).waitFor()
    const dryRunErrors = staff.getByRole('table', { name: '有误的行' })
    await expect(dryRunErrors.getByRole('row').count()).resolves.toBe(2)
    await dryRunErrors.getByRole('row', { name: '第 4 行 身份证号校验不通过' }).waitFor()
    await arriveAtClean(staff, '导入退役军人信息')

    // 正式导入, skipping that row: the progress reaches the total and the refused row is named again.
    await button(staff, '正式导入（跳过 1 行有误的）').click()
    await staff.getByRole('heading', { name: '导入完成，有些行没有导入' }).waitFor()
    expect(staff.url()).toMatch(/[?&]job=/)
    const progress = staff.getByRole('progressbar', { name: '导入进度' })
    await expect(progress.getAttribute('aria-valuenow')).resolves.toBe('100')
    await expect(progress.getAttribute('aria-valuetext')).resolves.toBe('100%，已处理 4 / 4 行')
    const report = staff.getByRole('term').or(staff.getByRole('definition'))
    await expect(report.allInnerTexts()).resolves.toEqual(
      expect.arrayContaining(['新增', '3 条', '有误', '1 行', '东湖区退役军人.csv'])
    )
    const importErrors = staff.getByRole('table', { name: '有误的行' })
    await importErrors.getByRole('row', { name: '第 4 行 身份证号校验不通过' }).waitFor()
    await arriveAtClean(staff, '导入退役军人信息')
    await screenshot(staff, 'registry-desk-2-import-done')

    // Back in the list, found by name: the number masked.
    await button(staff, '返回名单').click()
    await arriveAtClean(staff, '退役军人信息')
    await field(staff, '查找').fill('欧阳振华')
    await button(staff, '搜索').click()
    const list = staff.getByRole('table', { name: '退役军人名单' })
    const row = list.getByRole('row').filter({ has: link(staff, '欧阳振华') })
    await row.waitFor()
    await expect(list.getByRole('row').count()).resolves.toBe(2)
    const rowText = await row.innerText()
    expect(rowText).toContain('东湖区')
    expect(rowText).toContain('退役士兵')
    expect(rowText).not.toContain(OUYANG)
    expect(rowText).toContain(OUYANG.slice(-4))
    await staff.getByRole('heading', { name: '名单（共 1 条）' }).waitFor()
    await arriveAtClean(staff, '退役军人信息')
    await screenshot(staff, 'registry-desk-3-list-found')

    // The record: masked until a reason is given in the dialog; then the full number, counting down.
    await link(list, '欧阳振华').click()
    await arriveAtClean(staff, '退役军人详情')
    const fields = await staff.getByRole('definition').allInnerTexts()
    expect(fields).toEqual(expect.arrayContaining(['欧阳振华', '东湖区', '退役士兵', '某部三连', '1996年9月1日']))
    expect(fields.join(' ')).not.toContain(OUYANG)
    await button(staff, '查看完整证件号').click()
    const dialog = staff.getByRole('dialog', { name: '查看完整证件号和手机号' })
    await dialog.waitFor()
    await expectNoViolations(staff, 'the reveal dialog')
    await button(dialog, '查看').click()
    // No reason yet: it asks for one and reveals nothing.
    await dialog.getByText('请写明查看原因（至少 2 个字），或点选一个常用原因').waitFor()
    await expect(staff.getByRole('region', { name: '完整证件号和手机号' }).count()).resolves.toBe(0)
    await button(dialog, '核实身份').click()
    await expect(field(dialog, '查看原因（必填）').inputValue()).resolves.toBe('核实身份')
    await button(dialog, '查看').click()
    await dialog.waitFor({ state: 'hidden' })
    const revealed = staff.getByRole('region', { name: '完整证件号和手机号' })
    await revealed.getByText(OUYANG, { exact: true }).waitFor()
    await revealed.getByText('13900001111', { exact: true }).waitFor()
    await revealed.getByText(/^\d+ 秒后自动隐藏$/).waitFor()
    await arriveAtClean(staff, '退役军人详情')
    await screenshot(staff, 'registry-desk-4-detail-revealed')

    // The city's administrator: 人员与审计 → 操作记录 shows the reveal, with who did it and why.
    const adminDesk = await newDesk(app.browser, app.url)
    const admin = adminDesk.page
    await staffSignIn(admin, 'admin')
    await openFromSideNav(admin, '人员与审计')
    await link(admin, /^操作记录/).click()
    await arriveAtClean(admin, '操作记录')
    const audit = admin.getByRole('table', { name: '操作记录，最新的在前' })
    const reveal = audit.getByRole('row').filter({ hasText: '查看完整证件号' }).filter({ hasText: DONGHU_STAFF })
    await reveal.first().waitFor()
    await expect(reveal.count()).resolves.toBe(1)
    const revealText = await reveal.innerText()
    expect(revealText).toContain('核实身份')
    expect(revealText).not.toContain(OUYANG)
    const imported = audit.getByRole('row').filter({ hasText: '导入退役军人信息' }).filter({ hasText: DONGHU_STAFF })
    await imported.first().waitFor()
    await arriveAtClean(admin, '操作记录')
    await screenshot(admin, 'registry-desk-5-audit')

    // 数据统计: every chart is drawn, counted in the pixels painted on its canvas.
    await openFromSideNav(admin, '数据统计')
    const results = admin.getByRole('region', { name: '统计结果' })
    const charts = results.getByRole('img')
    await charts.first().waitFor()
    const count = await charts.count()
    // At least the veterans by district and by category, which the demo registry always fills.
    expect(count).toBeGreaterThanOrEqual(2)
    for (const title of ['各区退役军人人数', '退役军人类别'])
      await results.getByRole('heading', { name: title }).waitFor()
    for (let i = 0; i < count; i++) {
      const chart = charts.nth(i)
      const name = await chart.getAttribute('aria-label')
      await expect
        .poll(() => paintedPixels(chart), { message: `pixels painted on the chart "${name}"` })
        .toBeGreaterThan(500)
    }
    await arriveAtClean(admin, '数据统计')
    await screenshot(admin, 'registry-desk-6-dashboard')
    await charts.nth(count - 1).scrollIntoViewIfNeeded()
    await screenshot(admin, 'registry-desk-7-dashboard-charts')

    expect(appErrors(desk)).toEqual([])
    expect(appErrors(adminDesk)).toEqual([])
    await desk.context.close()
    await adminDesk.context.close()
  })
})
