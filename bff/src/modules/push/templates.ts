import { readFileSync } from 'node:fs'
import path from 'node:path'
import { MESSAGE_KIND_CODES, type MessageKind } from '@veterans/shared'
import { beijingClock } from '@veterans/shared/rules'
import { CONFIG_DIR } from '../../paths'

// WeChat subscription-message templates (config/wechat-templates.json): which template each kind of message uses,
// and what goes in each of its fields. WeChat refuses a whole message (47003) when one value breaks its field rules,
// so values are fitted to them here, before sending.

export interface Template {
  templateId: string
  /** Template key (thing1, time2 …) → the meaning callers fill (title, time, place, status, detail, sender). */
  fields: Record<string, string>
}

export type Templates = Record<MessageKind, Template>

export const TEMPLATES_FILE = path.join(CONFIG_DIR, 'wechat-templates.json')

const FIELD_KEY = /^(thing|phrase|name|character_string|number|letter|phone_number|time|date|amount|car_number)\d+$/

/** Reads and checks the template mapping; a broken file stops the app at start, not at the first send. */
export function loadTemplates(file = TEMPLATES_FILE): Templates {
  const raw = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>
  const templates = {} as Templates
  for (const kind of MESSAGE_KIND_CODES) {
    const entry = raw[kind] as Partial<Template> | undefined
    if (!entry?.templateId || typeof entry.fields !== 'object' || entry.fields === null)
      throw new Error(`${file}: "${kind}" needs a templateId and fields`)
    for (const key of Object.keys(entry.fields)) {
      if (!FIELD_KEY.test(key)) throw new Error(`${file}: "${kind}" has a field "${key}" WeChat does not know`)
    }
    templates[kind] = { templateId: entry.templateId, fields: entry.fields }
  }
  return templates
}

/** The kind whose template this is, if any (subscription answers name templates). */
export function kindOfTemplate(templates: Templates, templateId: string): MessageKind | null {
  return MESSAGE_KIND_CODES.find((kind) => templates[kind].templateId === templateId) ?? null
}

/** Longest value WeChat accepts per field type, in characters. */
const MAX_CHARS: Record<string, number> = {
  thing: 20,
  phrase: 5,
  name: 10,
  character_string: 32,
  number: 32,
  letter: 32,
  phone_number: 17,
  car_number: 8,
  amount: 32
}

/** Cuts at code points (a character outside the BMP is one character, never half a surrogate pair). */
export function truncateChars(text: string, max: number): string {
  const chars = Array.from(text)
  if (chars.length <= max) return text
  return max <= 1 ? chars.slice(0, max).join('') : chars.slice(0, max - 1).join('') + '…'
}

/** 2026-12-01T01:30:00.000Z → 2026年12月01日 09:30 (Beijing), the form time and date fields take. */
export function wechatTime(iso: string): string {
  const c = beijingClock(iso)
  const p = (n: number) => String(n).padStart(2, '0')
  return `${c.year}年${p(c.month)}月${p(c.day)}日 ${p(c.hour)}:${p(c.minute)}`
}

/** One value fitted to its field's rules: times formatted, text cut, characters a field may not hold dropped. */
export function fitField(key: string, value: string): string {
  const type = FIELD_KEY.exec(key)?.[1] ?? 'thing'
  const flat = value.replace(/\s+/g, ' ').trim()
  if (type === 'time' || type === 'date') {
    return Number.isNaN(Date.parse(flat)) ? flat : wechatTime(flat)
  }
  // phrase: Chinese words only (no digits or punctuation, by WeChat's rule); numbers and letters as named.
  const cleaned =
    type === 'phrase'
      ? flat.replace(/[^\p{Script=Han}]/gu, '')
      : type === 'number'
        ? flat.replace(/[^\d.]/g, '')
        : type === 'letter'
          ? flat.replace(/[^A-Za-z]/g, '')
          : type === 'phone_number'
            ? flat.replace(/[^\d+-]/g, '')
            : flat
  const max = MAX_CHARS[type] ?? 20
  // Numbers and codes are not shortened with an ellipsis: cut them plainly.
  if (type === 'thing' || type === 'name') return truncateChars(cleaned || '-', max)
  return Array.from(cleaned || '-')
    .slice(0, max)
    .join('')
}

/** The `data` of a send request: each template key with its fitted value (`-` where the caller gave nothing). */
export function templateData(template: Template, values: Record<string, string>): Record<string, { value: string }> {
  const data: Record<string, { value: string }> = {}
  for (const [key, meaning] of Object.entries(template.fields)) {
    data[key] = { value: fitField(key, values[meaning] ?? '') }
  }
  return data
}
