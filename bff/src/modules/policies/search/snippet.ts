import { foldText, markdownToPlain } from './text'

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!)
}

/**
 * Folds text, remembering where each folded code unit came from so hits found in the folded text can be marked in
 * the original. Folding almost never changes the length (CJK, ASCII, full-width forms map one to one); only when it
 * does is the text folded one code point at a time.
 */
function foldWithOrigins(text: string): { folded: string; origin: (at: number) => number } {
  const whole = foldText(text)
  if (whole.length === text.length) return { folded: whole, origin: (at) => at }
  let folded = ''
  const origins: number[] = []
  for (let i = 0; i < text.length;) {
    const width = text.codePointAt(i)! > 0xffff ? 2 : 1
    const f = foldText(text.slice(i, i + width))
    folded += f
    for (let k = 0; k < f.length; k++) origins.push(i)
    i += width
  }
  origins.push(text.length)
  return { folded, origin: (at) => origins[at]! }
}

function firstHit(folded: string, needles: string[]): number {
  let first = -1
  for (const needle of needles) {
    const at = folded.indexOf(needle)
    if (at >= 0 && (first < 0 || at < first)) first = at
  }
  return first
}

const LEAD = 24
const isLowSurrogate = (text: string, at: number) => /[\uDC00-\uDFFF]/.test(text[at] ?? '')

/** Marks every needle inside a window of `width` characters around the first hit of a short plain text. */
function markWindow(text: string, needles: string[], width: number, cutBefore: boolean, cutAfter: boolean): string {
  const { folded, origin } = foldWithOrigins(text)
  const first = firstHit(folded, needles)
  let start = first < 0 ? 0 : Math.max(0, origin(first) - LEAD)
  if (start > 0 && isLowSurrogate(text, start)) start--
  let end = Math.min(text.length, start + width)
  if (end < text.length && isLowSurrogate(text, end)) end++

  const ranges: [number, number][] = []
  for (const needle of needles) {
    for (let at = folded.indexOf(needle); at >= 0; at = folded.indexOf(needle, at + 1)) {
      const from = origin(at)
      const to = origin(at + needle.length)
      if (from >= end) break
      if (to > start) ranges.push([Math.max(from, start), Math.min(to, end)])
    }
  }
  ranges.sort((a, b) => a[0] - b[0] || b[1] - a[1])
  let out = cutBefore || start > 0 ? '…' : ''
  let cursor = start
  for (const [from, to] of ranges) {
    if (to <= cursor) continue
    const hitFrom = Math.max(from, cursor)
    out += escapeHtml(text.slice(cursor, hitFrom)) + '<em>' + escapeHtml(text.slice(hitFrom, to)) + '</em>'
    cursor = to
  }
  out += escapeHtml(text.slice(cursor, end))
  return cutAfter || end < text.length ? out + '…' : out
}

/** Where the first needle occurs in UTF-8 bytes (ASCII letters tried as typed and upper-cased), or -1. */
function firstByteHit(bytes: Buffer, needles: string[]): number {
  let first = -1
  for (const needle of needles) {
    const forms = /[a-z]/.test(needle) ? [needle, needle.toUpperCase()] : [needle]
    for (const form of forms) {
      const at = bytes.indexOf(form)
      if (at >= 0 && (first < 0 || at < first)) first = at
    }
  }
  return first
}

const isContinuationByte = (bytes: Buffer, at: number) => at < bytes.length && (bytes[at]! & 0xc0) === 0x80
const EXCERPT_BYTES_BEFORE = 3 * 2 * LEAD
const EXCERPT_BYTES = 3 * 240

/**
 * A short stretch of the summary and body around the first hit, decoded from the body's bytes: bodies are long and
 * decoding all of them for every page of results would cost more than the search. The byte search is exact for
 * Chinese; Latin letters are tried in both cases; a full-width form in the body (２０２４) is only found if it
 * is also in the part decoded anyway.
 */
function excerptAround(summary: string, body: Buffer, needles: string[]) {
  const decode = (from: number, to: number) => body.toString('utf8', from, to)
  if (firstHit(foldText(summary), needles) >= 0) {
    let to = Math.min(body.length, EXCERPT_BYTES)
    while (isContinuationByte(body, to)) to++
    return { text: `${summary}\n${decode(0, to)}`, before: false, after: to < body.length }
  }
  const hit = firstByteHit(body, needles)
  let from = hit < 0 ? 0 : Math.max(0, hit - EXCERPT_BYTES_BEFORE)
  while (from > 0 && isContinuationByte(body, from)) from--
  let to = Math.min(body.length, from + EXCERPT_BYTES)
  while (isContinuationByte(body, to)) to++
  const text = from === 0 ? `${summary}\n${decode(0, to)}` : decode(from, to)
  return { text, before: from > 0, after: to < body.length }
}

/**
 * About `width` characters of a policy's summary and Markdown body around the first hit, as plain text with every
 * hit in it wrapped in <em>…</em> and everything else HTML-escaped. Without a hit (the match was in the title or
 * document number) it is the start of the summary. Only the neighbourhood of the hit is decoded, stripped of
 * Markdown and scanned character by character, so a long body costs little more than a short one.
 */
export function makeSnippet(summary: string, body: Buffer, needles: string[], width = 96): string {
  const usable = needles.filter((n) => n.length > 0)
  const excerpt = excerptAround(summary, body, usable)
  return markWindow(markdownToPlain(excerpt.text), usable, width, excerpt.before, excerpt.after)
}
