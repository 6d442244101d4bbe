/**
 * The times of a batch of slots as staff type them: "09:00-09:30 10:00-10:30", also with commas, Chinese
 * punctuation, 至/到/～ between start and end, full-width characters, or single-digit hours ("9:00-9:30").
 * Pure, for unit tests.
 */
export interface ParsedTimes {
  times: string[]
  /** The pieces that could not be read, to point at in the message. */
  invalid: string[]
}

/**
 * What a Chinese keyboard types in place of plain ASCII: full-width digits and colons (０９：００), dashes and
 * tildes of every width between start and end (－ — – ～ 〜 ﹣ −), the ideographic space. All become the plain form.
 */
export function normalizeTypedTimes(input: string): string {
  return input
    .replace(/[０-９]/g, (digit) => String.fromCharCode(digit.charCodeAt(0) - 0xfee0))
    .replace(/[：﹕︰]/g, ':')
    .replace(/[－—–―‐‑﹣−～〜~]+/g, '-') // a Chinese IME's dash is often two (——)
    .replace(/\u3000/g, ' ')
}

const pad = (hour: string) => hour.padStart(2, '0')
const RANGE = /^(\d{1,2}):(\d{2})\s*(?:-|至|到)\s*(\d{1,2}):(\d{2})$/

export function parseTimeRanges(input: string): ParsedTimes {
  const pieces = normalizeTypedTimes(input)
    .replace(/\s*(-|至|到)\s*/g, '$1')
    .split(/[\s,，、;；]+/)
    .filter(Boolean)
  const times: string[] = []
  const invalid: string[] = []
  for (const piece of pieces) {
    const match = RANGE.exec(piece)
    if (!match) {
      invalid.push(piece)
      continue
    }
    const [, h1, m1, h2, m2] = match as unknown as [string, string, string, string, string]
    const start = `${pad(h1)}:${m1}`
    const end = `${pad(h2)}:${m2}`
    const valid = Number(h1) < 24 && Number(h2) < 24 && Number(m1) < 60 && Number(m2) < 60 && end > start
    if (!valid) invalid.push(piece)
    else if (!times.includes(`${start}-${end}`)) times.push(`${start}-${end}`)
  }
  return { times: times.sort(), invalid }
}

export function checkTimeRanges(input: string): { times: string[]; error?: string } {
  const { times, invalid } = parseTimeRanges(input)
  if (invalid.length > 0) return { times, error: `看不懂“${invalid[0]}”，请写成 09:00-09:30 这样，开始早于结束` }
  if (times.length === 0) return { times, error: '请至少写一个时间段，例如 09:00-09:30' }
  if (times.length > 24) return { times, error: '一次最多 24 个时间段' }
  return { times }
}

/** A capacity typed by staff: a whole number 1–200. */
export function checkCapacity(input: string): { capacity?: number; error?: string } {
  const value = normalizeTypedTimes(input).trim()
  if (!/^\d{1,3}$/.test(value)) return { error: '请填写 1 到 200 之间的整数' }
  const capacity = Number(value)
  if (capacity < 1 || capacity > 200) return { error: '请填写 1 到 200 之间的整数' }
  return { capacity }
}
