/** A piece of text, and whether it must stay on one line. */
export interface TextRun {
  text: string
  keep: boolean
}

// A number or code with its joining marks: 14:00–17:30, 0399-2601000, 1.2. (No lookbehind or matchAll: older
// iOS WeChat engines reject or lack them.)
const CODE = /[0-9A-Za-z][0-9A-Za-z:.\-–~/]*/g
/** The word that measures a number: 88 号, 3 楼, 1.2 公里, 满 5 年. */
const UNIT = /^ ?(?:公里|分钟|小时|[\u4e00-\u9fff])/
/** Longer runs may break: kept whole they could be wider than a narrow phone. */
const MAX_KEPT = 14

/** A short term in brackets: （退役士兵）, （您是他的子女）. */
const BRACKETED = /（[^（）]{1,8}）/g

/**
 * Splits a value into runs that must not be broken across lines (times, numbers with their unit, phone numbers,
 * short terms in brackets) and the rest, which may wrap as Chinese text does. Without this, a narrow column breaks
 * "14:00" into "14:0 / 0", "3 楼" into "3 / 楼" and "（退役士兵）" into "（退役士 / 兵）".
 */
export function keepTogether(text: string): TextRun[] {
  const runs: TextRun[] = []
  let at = 0
  BRACKETED.lastIndex = 0
  for (let match = BRACKETED.exec(text); match; match = BRACKETED.exec(text)) {
    if (match.index > at) runs.push(...keepCodes(text.slice(at, match.index)))
    runs.push({ text: match[0], keep: true })
    at = match.index + match[0].length
  }
  if (at < text.length) runs.push(...keepCodes(text.slice(at)))
  return runs
}

function keepCodes(text: string): TextRun[] {
  const runs: TextRun[] = []
  let at = 0
  CODE.lastIndex = 0
  for (let match = CODE.exec(text); match; match = CODE.exec(text)) {
    let run = match[0]
    const end = match.index + run.length
    const unit = /[0-9]$/.test(run) ? UNIT.exec(text.slice(end)) : null
    if (unit) run += unit[0]
    // A plain word or number has no break inside it anyway: only runs with a space or a joining mark need keeping.
    if (run.length > MAX_KEPT || !/[ :.\-–~/\u4e00-\u9fff]/.test(run)) continue
    if (match.index > at) runs.push({ text: text.slice(at, match.index), keep: false })
    runs.push({ text: run, keep: true })
    at = match.index + run.length
    CODE.lastIndex = at
  }
  if (at < text.length) runs.push({ text: text.slice(at), keep: false })
  return runs
}
