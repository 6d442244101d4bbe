import type { MyDataExport } from '@veterans/shared'
import { GENDERS, RELATIONS, ROLES, VETERAN_CATEGORIES } from '@veterans/shared/topics'
import { formatCalendarDate, formatDateTime } from '../../lib/format'
import {
  FIELD_LABELS,
  SECTION_FIELD_LABELS,
  SECTION_TITLES,
  SECTION_VALUE_WORDS,
  UNKNOWN_SECTION_TITLE,
  VALUE_WORDS
} from './export-labels'

// The data export (GET /me/export) in words a person reads: Chinese titles and labels, Beijing times, coded values
// in words, internal ids left out. The page shows it and the readable file is written from it; the JSON file keeps
// everything as the server sent it.

export type Row = [label: string, value: string]

export interface ReadableItem {
  heading?: string
  rows: Row[]
}

export interface ReadableSection {
  title: string
  /** One line about the whole section (共 3 条 …). */
  summary: string
  items: ReadableItem[]
}

export interface ReadableExport {
  exportedAt: string
  sections: ReadableSection[]
}

/** What the export holds only as codes, named from elsewhere (GET /districts). */
export interface ExportNames {
  districts?: Record<string, string>
}

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/
const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/
const MONTH = /^(\d{4})-(\d{2})$/
/** A machine code (booking.promoted, slot_closed): not shown unless it has words. */
const CODE = /^[a-z][a-z0-9]*([._][a-z0-9]+)*$/
/** Fields that name an item: shown as its heading rather than as a row. */
const HEADING_FIELDS = ['title', 'subject', 'serviceName', 'label']

const words = (labels: Record<string, string>, code: string) => labels[code] ?? code

/** 2026-12-01T01:30Z → Beijing; 1958-03-12 → 1958年3月12日; 1976-12 → 1976年12月. */
function formatWhen(value: string): string {
  if (ISO_TIME.test(value)) return formatDateTime(value)
  if (CALENDAR_DATE.test(value)) return formatCalendarDate(value)
  const month = MONTH.exec(value)
  return month ? `${month[1]}年${Number(month[2])}月` : value
}

/** The end of a time range on the same day is said as a time only: 2026年12月7日 09:00–09:30. */
function formatRange(startsAt: string, endsAt: unknown): string {
  const start = formatWhen(startsAt)
  if (typeof endsAt !== 'string') return start
  const end = formatWhen(endsAt)
  const startDay = start.split(' ')[0] ?? start
  return end.startsWith(`${startDay} `) ? `${start}–${end.slice(startDay.length + 1)}` : `${start} 至 ${end}`
}

function formatValue(section: string, field: string, value: unknown, item: Record<string, unknown>): string | null {
  if (value === null || value === undefined || value === '') return null
  if (typeof value === 'boolean') return value ? '是' : '否'
  if (typeof value === 'number') {
    if (field === 'rating') return `${value} 分`
    if (field === 'position') return value > 0 ? `第 ${value} 位` : null
    return String(value)
  }
  if (typeof value === 'string') {
    const known = SECTION_VALUE_WORDS[section]?.[field]?.[value] ?? VALUE_WORDS[field]?.[value]
    if (known) return known
    if (field === 'startsAt') return formatRange(value, item.endsAt)
    if (CODE.test(value)) return null
    return formatWhen(value)
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return null
    if (field === 'attachments') return `${value.length} 张图片`
    if (value.every((v) => typeof v === 'string')) return value.join('、')
    return `${value.length} 项`
  }
  if (typeof value === 'object' && 'score' in value) {
    const { score, comment } = value as { score: unknown; comment?: unknown }
    return `${String(score)} 分${typeof comment === 'string' && comment ? `：${comment}` : ''}`
  }
  return null
}

/** One record of a section: its heading and the fields that have words, in the server's order. */
function describeRecord(section: string, record: unknown, threadSubjects: Map<string, string>): ReadableItem {
  if (typeof record !== 'object' || record === null) {
    const value = typeof record === 'string' || typeof record === 'number' ? String(record) : null
    return { rows: value ? [['内容', value]] : [] }
  }
  const item = record as Record<string, unknown>
  const headingField = HEADING_FIELDS.find((f) => typeof item[f] === 'string' && item[f])
  const rows: Row[] = []
  // A message says which of my questions it belongs to by the question's subject, not by its id.
  const thread = typeof item.threadId === 'string' ? threadSubjects.get(item.threadId) : undefined
  for (const [field, value] of Object.entries(item)) {
    if (field === headingField) continue
    const label = SECTION_FIELD_LABELS[section]?.[field] ?? FIELD_LABELS[field]
    if (!label) continue
    const text = formatValue(section, field, value, item)
    if (text !== null) rows.push([label, text])
  }
  const heading = headingField ? (item[headingField] as string) : thread ? `咨询：${thread}` : undefined
  return { ...(heading ? { heading } : {}), rows }
}

/** The sections other capabilities add; one with no words of its own is 其他记录 (numbered when there are several). */
function describeRecords(records: MyDataExport['records']): ReadableSection[] {
  const threadSubjects = new Map<string, string>()
  for (const thread of records.threads ?? []) {
    const { id, subject } = (thread ?? {}) as { id?: unknown; subject?: unknown }
    if (typeof id === 'string' && typeof subject === 'string') threadSubjects.set(id, subject)
  }
  const unknown = Object.keys(records).filter((name) => !SECTION_TITLES[name])
  return Object.entries(records).map(([name, list]) => {
    const other = unknown.indexOf(name)
    const title =
      SECTION_TITLES[name] ?? (unknown.length > 1 ? `${UNKNOWN_SECTION_TITLE} ${other + 1}` : UNKNOWN_SECTION_TITLE)
    const items = list.map((record) => describeRecord(name, record, threadSubjects))
    const readable = items.filter((item) => item.heading || item.rows.length > 0)
    const summary =
      list.length === 0
        ? '没有记录。'
        : readable.length < items.length
          ? `共 ${list.length} 条，详细内容在数据文件（JSON）里。`
          : `共 ${list.length} 条。`
    return { title, summary, items: readable }
  })
}

/** The whole export in words, section by section: account, registry record, family, logins, then the rest. */
export function describeExport(data: MyDataExport, names: ExportNames = {}): ReadableExport {
  const { account, veteranRecord: veteran } = data
  const accountRows: Row[] = [
    ['称呼', account.displayName],
    ['身份', words(ROLES, account.role)],
    ['手机', account.phone ?? '未填写'],
    ['长辈版', account.elderMode ? '开启' : '关闭'],
    ['注册时间', formatWhen(account.createdAt)]
  ]
  const veteranSection: ReadableSection = veteran
    ? {
        title: '退役军人登记信息',
        summary: '退役军人事务局登记的信息。',
        items: [
          {
            rows: [
              ['姓名', veteran.name],
              ['身份证号', veteran.idNumber],
              ['性别', words(GENDERS, veteran.gender)],
              ['出生日期', formatWhen(veteran.birthDate)],
              ['户籍区县', names.districts?.[veteran.districtCode] ?? veteran.districtCode],
              ['类别', words(VETERAN_CATEGORIES, veteran.category)],
              ['入伍时间', veteran.enlistDate ? formatWhen(veteran.enlistDate) : '未登记'],
              ['退役时间', veteran.dischargeDate ? formatWhen(veteran.dischargeDate) : '未登记'],
              ['联系电话', veteran.phone ?? '未登记'],
              ['伤残等级', veteran.disabilityLevel ? `${veteran.disabilityLevel} 级` : '无']
            ]
          }
        ]
      }
    : { title: '退役军人登记信息', summary: '您的账号没有绑定退役军人登记信息。', items: [] }
  const family: ReadableSection = {
    title: '家人关联',
    summary:
      data.familyLinks.length + data.familyMembers.length === 0
        ? '没有家人关联。'
        : `共 ${data.familyLinks.length + data.familyMembers.length} 个关联。`,
    items: [
      ...data.familyLinks.map((l) => ({
        heading: '您关联的退役军人',
        rows: [
          ['姓名', l.veteranNameMasked],
          ['您是他的', words(RELATIONS, l.relation)],
          ['关联时间', formatWhen(l.createdAt)]
        ] as Row[]
      })),
      ...data.familyMembers.map((m) => ({
        heading: '关联您的家人',
        rows: [
          ['称呼', m.displayName],
          ['关系', words(RELATIONS, m.relation)],
          ['关联时间', formatWhen(m.createdAt)]
        ] as Row[]
      }))
    ]
  }
  const active = data.sessions.filter((s) => s.active).length
  const logins: ReadableSection = {
    title: '登录记录',
    summary: `共 ${data.sessions.length} 次登录，其中 ${active} 个仍然有效。`,
    items: data.sessions.map((s) => ({
      rows: [
        ['登录时间', formatWhen(s.createdAt)],
        ['最近使用', formatWhen(s.lastUsedAt)],
        ['状态', s.active ? '仍然有效' : '已退出或已过期']
      ]
    }))
  }
  return {
    exportedAt: formatWhen(data.exportedAt),
    sections: [
      { title: '账号', summary: '您在本平台的账号。', items: [{ rows: accountRows }] },
      veteranSection,
      family,
      logins,
      ...describeRecords(data.records)
    ]
  }
}

/** The readable file: plain text any phone or computer opens, all in Chinese, times in Beijing time. */
export function exportAsText(readable: ReadableExport): string {
  const lines = [
    'M市退役军人服务平台 · 我的数据',
    `导出时间：${readable.exportedAt}`,
    '文中时间均为北京时间。同时保存的 JSON 文件是同样的数据，供电脑程序读取。',
    ''
  ]
  for (const section of readable.sections) {
    lines.push(`【${section.title}】`, section.summary)
    section.items.forEach((item, index) => {
      const numbered = section.items.length > 1
      const indent = numbered ? '   ' : ''
      if (item.heading || numbered) lines.push(`${numbered ? `${index + 1}. ` : ''}${item.heading ?? ''}`.trimEnd())
      for (const [label, value] of item.rows) lines.push(`${indent}${label}：${value}`)
    })
    lines.push('')
  }
  return lines.join('\n')
}

/** File names with the day of the export: 我的数据-20261205.txt and .json. */
export function exportFileNames(exportedAtIso: string): { text: string; json: string } {
  const day = formatWhen(exportedAtIso).replace(
    /^(\d{4})年(\d{1,2})月(\d{1,2})日.*$/,
    (_, y: string, m: string, d: string) => `${y}${m.padStart(2, '0')}${d.padStart(2, '0')}`
  )
  return { text: `我的数据-${day}.txt`, json: `我的数据-${day}.json` }
}
