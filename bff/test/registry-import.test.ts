import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import ExcelJS from 'exceljs'
import { buildTestApp, signInStaff, signInWechat, type Session } from '../src/testing/index'
import {
  csvText,
  gbk,
  idNumberOf,
  preview,
  searchTotal,
  startImport,
  utf8,
  waitForJob,
  withCheck
} from './registry-helpers'

let app: FastifyInstance
let donghu: Session
let xijiang: Session
let admin: Session
beforeAll(async () => {
  app = await buildTestApp()
  ;[donghu, xijiang, admin] = await Promise.all([
    signInStaff(app, 'donghu'),
    signInStaff(app, 'xijiang'),
    signInStaff(app, 'admin')
  ])
})
afterAll(() => app.close())

/** A good row of 东湖区 (419902) for the n-th made-up person. */
const row = (n: number, overrides: Partial<Record<number, string>> = {}) => {
  const cells = [
    `测试${n}`,
    idNumberOf('419902', n),
    '',
    '',
    '东湖区',
    '退役士兵',
    '2001-12-01',
    '2005-12-01',
    `139${String(n).padStart(8, '0')}`,
    '',
    '在册',
    '某部队',
    ''
  ]
  for (const [i, v] of Object.entries(overrides)) cells[Number(i)] = v!
  return cells
}

async function importAndWait(session: Session, file: Buffer, name: string, dryRun = false) {
  const response = await startImport(session, file, name, dryRun)
  expect(response.statusCode, response.body).toBe(202)
  return waitForJob(session, response.json().jobId)
}

describe('import preview', () => {
  it('reads a GBK CSV (as Excel saves it on Chinese Windows) and suggests the mapping from Chinese headers', async () => {
    const response = await preview(donghu, gbk(csvText([row(1), row(2)])), '名册.csv')
    expect(response.statusCode, response.body).toBe(200)
    const body = response.json()
    expect(body).toMatchObject({ format: 'csv', encoding: 'gb18030' })
    expect(body.headers.slice(0, 2)).toEqual(['姓名', '身份证号'])
    expect(body.rows[0][0]).toBe('测试1')
    expect(body.rows[0][4]).toBe('东湖区')
    expect(body.suggestedMapping).toMatchObject({
      姓名: 'name',
      身份证号: 'idNumber',
      所属区: 'districtCode',
      类别: 'category',
      入伍时间: 'enlistDate',
      退伍时间: 'dischargeDate',
      手机: 'phone',
      伤残等级: 'disabilityLevel',
      服役单位: 'servedUnit',
      备注: 'notes'
    })
  })

  it('reads a UTF-8 CSV with a BOM (the BOM is not part of the first header) and shows at most 5 rows', async () => {
    const rows = Array.from({ length: 8 }, (_, i) => row(100 + i))
    const response = await preview(donghu, utf8(csvText(rows), true), 'list.csv')
    expect(response.statusCode).toBe(200)
    expect(response.json()).toMatchObject({ encoding: 'utf-8' })
    expect(response.json().headers[0]).toBe('姓名')
    expect(response.json().rows).toHaveLength(5)
  })

  it('maps English headers too', async () => {
    const text = 'name,idNumber,district,category\r\n张三,' + idNumberOf('419902', 5) + ',419902,soldier\r\n'
    const response = await preview(donghu, utf8(text), 'en.csv')
    expect(response.json().suggestedMapping).toEqual({
      name: 'name',
      idNumber: 'idNumber',
      district: 'districtCode',
      category: 'category'
    })
  })
})

describe('import files that cannot be imported', () => {
  it('names the missing required columns (422 IMPORT_FILE_INVALID)', async () => {
    const response = await startImport(donghu, utf8('姓名,手机\r\n张三,13900000000\r\n'), 'x.csv')
    expect(response.statusCode).toBe(422)
    expect(response.json().error.code).toBe('IMPORT_FILE_INVALID')
    expect(response.json().error.details.missingFields).toEqual(['idNumber', 'districtCode', 'category'])
    expect(response.json().error.message).toContain('身份证号')
  })

  it('refuses an empty file, a header alone and binary garbage with a clear message', async () => {
    for (const [file, words] of [
      [Buffer.alloc(0), '空'],
      [utf8(csvText([])), '没有数据'],
      [Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)), '不是表格']
    ] as const) {
      for (const send of [startImport, preview]) {
        const response = await send(donghu, file, 'bad.csv')
        expect(response.statusCode, response.body).toBe(422)
        expect(response.json().error.code).toBe('IMPORT_FILE_INVALID')
        expect(response.json().error.message).toContain(words)
      }
    }
  })

  it('refuses a file over 50 MB with 413 TOO_LARGE', async () => {
    const big = Buffer.alloc(51 * 1024 * 1024, 0x41)
    const response = await startImport(donghu, big, 'big.csv')
    expect(response.statusCode).toBe(413)
    expect(response.json().error.code).toBe('TOO_LARGE')
    expect(response.json().error.message).toContain('50 MB')
  })

  it('refuses a request without a file (400) and a mapping that is not JSON of fields (400)', async () => {
    const boundary = 'only-a-field'
    const noFile = await donghu.request({
      method: 'POST',
      url: '/api/v1/staff/veterans/import',
      payload: `--${boundary}\r\nContent-Disposition: form-data; name="mapping"\r\n\r\n{}\r\n--${boundary}--\r\n`,
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` }
    })
    expect(noFile.statusCode).toBe(400)
    expect(noFile.json().error.details.fields[0].path).toBe('body.file')
    const badMapping = await startImport(donghu, utf8(csvText([row(1)])), 'x.csv', false, { mapping: '{"姓名":"nom"}' })
    expect(badMapping.statusCode).toBe(400)
    expect(badMapping.json().error.details.fields[0].path).toBe('body.mapping')
  })

  it('is for staff only (403 for a resident) and needs a sign-in (401)', async () => {
    const resident = await signInWechat(app, 'laowang')
    expect((await startImport(resident, utf8(csvText([row(1)])), 'x.csv')).statusCode).toBe(403)
    expect((await preview(resident, utf8(csvText([row(1)])), 'x.csv')).statusCode).toBe(403)
    const anonymous = await app.inject({ method: 'GET', url: '/api/v1/staff/imports/whatever' })
    expect(anonymous.statusCode).toBe(401)
  })
})

describe('import jobs', () => {
  it('a dry run checks and counts like the import but changes nothing', async () => {
    const before = await searchTotal(admin, 'limit=1')
    const rows = Array.from({ length: 6 }, (_, i) => row(200 + i))
    const job = await importAndWait(donghu, utf8(csvText(rows)), 'dry.csv', true)
    expect(job).toMatchObject({ status: 'done', dryRun: true, total: 6, processed: 6, created: 6, errorCount: 0 })
    expect(await searchTotal(admin, 'limit=1')).toBe(before)
    expect(await searchTotal(donghu, 'q=测试200')).toBe(0)
  })

  it('imports the good rows of a file with 3 bad ones and reports exactly those rows; a re-import changes nothing', async () => {
    const rows = Array.from({ length: 10 }, (_, i) => row(300 + i))
    rows[1]![1] = rows[1]![1]!.slice(0, 17) + (rows[1]![1]!.endsWith('1') ? '2' : '1') // row 3: bad checksum
    rows[4]![4] = '火星区' // row 6: unknown district
    rows[7]![7] = '1999-01-01' // row 9: discharged before enlisting
    const file = utf8(csvText(rows))
    const before = await searchTotal(donghu, 'limit=1')
    const job = await importAndWait(donghu, file, 'three-bad.csv')
    expect(job).toMatchObject({ status: 'done', total: 10, processed: 10, created: 7, updated: 0, errorCount: 3 })
    expect(job.errors.map((e: { row: number }) => e.row)).toEqual([3, 6, 9])
    expect(job.errors[0].message).toContain('校验')
    expect(job.errors[1].message).toContain('火星区')
    expect(job.errors[2].message).toContain('退役日期')
    expect(await searchTotal(donghu, 'limit=1')).toBe(before + 7)

    const again = await importAndWait(donghu, file, 'three-bad.csv')
    expect(again).toMatchObject({ status: 'done', created: 0, updated: 0, unchanged: 7, errorCount: 3 })
    expect(await searchTotal(donghu, 'limit=1')).toBe(before + 7)

    const csv = await donghu.request({ method: 'GET', url: `/api/v1/staff/imports/${job.id}/errors.csv` })
    expect(csv.statusCode).toBe(200)
    expect(csv.headers['content-type']).toContain('text/csv')
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n')
    expect(lines[0]).toBe('行号,原因')
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(['3', '6', '9'])
  })

  it('updates an existing record only where the file differs, and audits the writes', async () => {
    const rows = Array.from({ length: 3 }, (_, i) => row(400 + i))
    await importAndWait(donghu, utf8(csvText(rows)), 'first.csv')
    rows[1]![8] = '13800000001'
    rows[2]![11] = '新单位'
    const job = await importAndWait(donghu, utf8(csvText(rows)), 'second.csv')
    expect(job).toMatchObject({ created: 0, updated: 2, unchanged: 1, errorCount: 0 })
    const found = await donghu.request({ method: 'GET', url: '/api/v1/staff/veterans?q=测试401' })
    expect(found.json().items[0].phoneMasked).toBe('138****0001')
    const audit = await admin.request({ method: 'GET', url: '/api/v1/admin/audit?action=registry.import' })
    expect(audit.json().items.some((e: { entityId: string }) => e.entityId === job.id)).toBe(true)
  })

  it('refuses duplicates within the file, districts outside my scope and missing values, by row', async () => {
    const rows = [row(500), row(501), row(500), row(502, { 4: '西江区' }), row(503, { 0: '' }), row(504, { 5: '将军' })]
    const job = await importAndWait(donghu, utf8(csvText(rows)), 'mixed.csv')
    expect(job).toMatchObject({ created: 2, errorCount: 4 })
    const byRow = Object.fromEntries(job.errors.map((e: { row: number; message: string }) => [e.row, e.message]))
    expect(byRow[4]).toContain('第 2 行重复')
    expect(byRow[5]).toContain('不在本中心管辖')
    expect(byRow[6]).toContain('缺少姓名')
    expect(byRow[7]).toContain('类别无法识别')
    // The city-level staff may import into any district.
    const city = await signInStaff(app, 'city')
    const cityJob = await importAndWait(
      city,
      utf8(csvText([row(505, { 4: '西江区' }), row(506, { 4: '419903' })])),
      'c.csv'
    )
    expect(cityJob).toMatchObject({ created: 2, errorCount: 0 })
  })

  it('takes a mapping for headers it does not know', async () => {
    const text = `人名,证件号,区,人员属性\r\n周六,${idNumberOf('419902', 600)},东湖区,转业干部\r\n`
    const mapping = JSON.stringify({ 人名: 'name', 证件号: 'idNumber', 区: 'districtCode', 人员属性: 'category' })
    const response = await startImport(donghu, utf8(text), 'm.csv', false, { mapping })
    expect(response.statusCode, response.body).toBe(202)
    expect(await waitForJob(donghu, response.json().jobId)).toMatchObject({ created: 1, errorCount: 0 })
  })

  it('reads XLSX: a formula gives its saved result; a cell covered by a merge is reported on its row', async () => {
    const workbook = new ExcelJS.Workbook()
    const sheet = workbook.addWorksheet('名册')
    sheet.addRow(['姓名', '身份证号', '所属区', '类别', '入伍时间'])
    sheet.addRow([
      '公式人',
      idNumberOf('419902', 700),
      '东湖区',
      { formula: '"退役"&"士兵"', result: '退役士兵' },
      new Date(Date.UTC(2001, 11, 1))
    ])
    sheet.addRow(['合并甲', idNumberOf('419902', 701), '东湖区', '退役士兵', '2001-12-01'])
    sheet.addRow(['合并乙', idNumberOf('419902', 702), null, '退役士兵', '2001-12-01'])
    sheet.mergeCells('C3:C4')
    const file = Buffer.from(await workbook.xlsx.writeBuffer())

    const shown = await preview(donghu, file, '名册.xlsx')
    expect(shown.statusCode, shown.body).toBe(200)
    expect(shown.json()).toMatchObject({ format: 'xlsx' })
    expect(shown.json().rows[0][3]).toBe('退役士兵')
    expect(shown.json().rows[0][4]).toBe('2001-12-01')

    const job = await importAndWait(donghu, file, '名册.xlsx')
    expect(job).toMatchObject({ total: 3, created: 2, errorCount: 1 })
    expect(job.errors).toEqual([{ row: 4, message: expect.stringContaining('合并单元格') }])
    const found = await donghu.request({ method: 'GET', url: '/api/v1/staff/veterans?q=公式人' })
    expect(found.json().items[0]).toMatchObject({ category: 'soldier', enlistDate: '2001-12-01' })
  })

  it('shows a job only to the staff member who started it and to admins (404 otherwise)', async () => {
    const response = await startImport(donghu, utf8(csvText([row(800)])), 'mine.csv', true)
    const { jobId } = response.json()
    await waitForJob(donghu, jobId)
    expect((await xijiang.request({ method: 'GET', url: `/api/v1/staff/imports/${jobId}` })).statusCode).toBe(404)
    expect(
      (await xijiang.request({ method: 'GET', url: `/api/v1/staff/imports/${jobId}/errors.csv` })).statusCode
    ).toBe(404)
    expect((await admin.request({ method: 'GET', url: `/api/v1/staff/imports/${jobId}` })).statusCode).toBe(200)
    expect((await donghu.request({ method: 'GET', url: '/api/v1/staff/imports/nope' })).statusCode).toBe(404)
  })

  it('a bad checksum fixture really is bad', () => {
    expect(withCheck('41990219900101002')).toHaveLength(18)
  })
})

describe('imports at the same time', () => {
  it('the same file imported three times at once creates each record exactly once', async () => {
    const rows = Array.from({ length: 40 }, (_, i) => row(1000 + i))
    const file = utf8(csvText(rows))
    const before = await searchTotal(donghu, 'limit=1')
    const responses = await Promise.all([1, 2, 3].map(() => startImport(donghu, file, 'same.csv')))
    const jobs = await Promise.all(
      responses.map((r) => {
        expect(r.statusCode).toBe(202)
        return waitForJob(donghu, r.json().jobId)
      })
    )
    expect(jobs.reduce((sum, j) => sum + j.created, 0)).toBe(40)
    expect(jobs.reduce((sum, j) => sum + j.unchanged, 0)).toBe(80)
    expect(await searchTotal(donghu, 'limit=1')).toBe(before + 40)
  })
})
