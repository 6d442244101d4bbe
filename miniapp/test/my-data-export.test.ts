import { readFileSync } from 'node:fs'
import type { MyDataExport } from '@veterans/shared'
import { describe, expect, it } from 'vitest'
import { describeExport, exportAsText, exportFileNames } from '../src/features/my-data/export-document'
import { downloadInBrowser, prepareExport } from '../src/features/my-data/export-file'

// A real GET /me/export of the demo veteran 王建国 (laowang), as the BFF answered it: bookings, notifications,
// threads and their messages, times in UTC.
const sample = JSON.parse(
  readFileSync(new URL('./my-data-export.sample.json', import.meta.url), 'utf8')
) as MyDataExport

/** Everything a person reads: titles, summaries, headings, labels and values. */
function allText(data: MyDataExport, districts: Record<string, string> = {}) {
  return exportAsText(describeExport(data, { districts }))
}

describe('the readable data export', () => {
  it('names every section and field in Chinese, never by its key', () => {
    const readable = describeExport(sample, { districts: { '419902': '东湖区' } })
    expect(readable.sections.map((s) => s.title)).toEqual([
      '账号',
      '退役军人登记信息',
      '家人关联',
      '登录记录',
      '通知',
      '预约',
      '候补',
      '咨询',
      '咨询中的留言'
    ])
    for (const section of readable.sections) {
      for (const item of section.items) for (const [label] of item.rows) expect(label).not.toMatch(/[A-Za-z]/)
    }
    const text = allText(sample, { '419902': '东湖区' })
    for (const key of [
      'notifications',
      'threadMessages',
      'startsAt',
      'createdAt',
      'serviceName',
      'booked',
      'resolved',
      'employment',
      'booking.completed'
    ])
      expect(text).not.toContain(key)
    expect(text).not.toContain('{')
    expect(text).toContain('户籍区县：东湖区')
    expect(text).toContain('类别：就业创业')
    expect(text).toContain('状态：已办结')
    expect(text).toContain('答复情况：已解决')
  })

  it('gives times in Beijing time only, never in UTC beside them', () => {
    const text = allText(sample)
    // 优待证申领 at 01:30Z is 09:30 in Beijing, its end (01:50Z) said as a time of the same day.
    expect(text).toContain('预约时段：2026年11月26日 09:30–09:50')
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}T|\d{2}:\d{2}:\d{2}|Z\b/)
    expect(text).toContain('出生日期：1958年3月12日')
  })

  it('names a message’s question by its subject, and leaves internal ids out', () => {
    const text = allText(sample)
    expect(text).toContain('咨询：优待证丢了怎么补办？')
    for (const booking of sample.records.bookings as Array<{ id: string; slotId: string }>) {
      expect(text).not.toContain(booking.id)
      expect(text).not.toContain(booking.slotId)
    }
    expect(text).toContain('签到码：84CKX7') // what the person uses at the desk is kept
  })

  it('labels a section added later in Chinese, and says what it cannot put in words', () => {
    const data: MyDataExport = {
      ...sample,
      records: {
        ...sample.records,
        notices: [
          {
            id: 'n1',
            title: '春节慰问通知',
            body: '请于 1 月 20 日前领取慰问品。',
            senderName: '东湖区退役军人服务中心',
            read: true,
            readAt: '2026-12-01T02:00:00.000Z',
            createdAt: '2026-12-01T01:00:00.000Z'
          }
        ],
        gardenVisits: [{ id: 'g1', visitCode: 'x_y', createdAt: '2026-12-02T01:00:00.000Z' }],
        telemetry: [{ id: 't1', weird: { a: 1 } }]
      }
    }
    const readable = describeExport(data)
    const titles = readable.sections.map((s) => s.title)
    expect(titles).toContain('政策通知')
    expect(titles).toContain('其他记录 1')
    expect(titles).toContain('其他记录 2')
    expect(titles.join()).not.toMatch(/gardenVisits|telemetry/)
    const text = exportAsText(readable)
    expect(text).toContain('【政策通知】\n共 1 条。\n春节慰问通知\n')
    expect(text).toContain('发送单位：东湖区退役军人服务中心')
    expect(text).toContain('阅读时间：2026年12月1日 10:00')
    expect(text).not.toContain('x_y')
    expect(readable.sections.find((s) => s.title === '其他记录 2')?.summary).toBe(
      '共 1 条，详细内容在数据文件（JSON）里。'
    )
  })

  it('says plainly when a person has no registry record, no family and no records', () => {
    const data: MyDataExport = {
      ...sample,
      veteranRecord: null,
      familyLinks: [],
      familyMembers: [],
      records: { bookings: [] }
    }
    const text = allText(data)
    expect(text).toContain('【退役军人登记信息】\n您的账号没有绑定退役军人登记信息。')
    expect(text).toContain('【家人关联】\n没有家人关联。')
    expect(text).toContain('【预约】\n没有记录。')
  })
})

describe('the files to keep', () => {
  it('are a readable text file and the JSON as the server sent it, named by the day (Beijing)', () => {
    const prepared = prepareExport({ ...sample, exportedAt: '2026-12-04T17:30:00.000Z' }, { '419902': '东湖区' })
    expect(prepared.files.text.name).toBe('我的数据-20261205.txt')
    expect(prepared.files.json.name).toBe('我的数据-20261205.json')
    expect(prepared.files.text.text).toContain('【预约】')
    expect(prepared.files.text.text).toContain('导出时间：2026年12月5日 01:30')
    expect(JSON.parse(prepared.files.json.text)).toEqual({ ...sample, exportedAt: '2026-12-04T17:30:00.000Z' })
    expect(exportFileNames('2026-01-09T00:00:00.000Z').json).toBe('我的数据-20260109.json')
  })

  it('downloads in the browser as a file (an <a download> over a Blob), UTF-8 with a BOM for old readers', async () => {
    const clicked: Array<{ href: string; download: string }> = []
    const link = {
      href: '',
      download: '',
      rel: '',
      style: { display: '' },
      click() {
        clicked.push({ href: this.href, download: this.download })
      },
      remove() {}
    }
    const page = { createElement: () => link, body: { appendChild: () => link } } as unknown as Document
    const { files } = prepareExport(sample, {})
    downloadInBrowser(files.text, page)
    expect(clicked).toEqual([{ href: expect.stringMatching(/^blob:/), download: files.text.name }])
    const blob = await fetch(clicked[0]!.href).then((r) => r.blob())
    expect(blob.type).toBe('text/plain;charset=utf-8')
    const bytes = new Uint8Array(await blob.arrayBuffer())
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    expect(new TextDecoder().decode(bytes)).toContain('【账号】')
  })
})
