// Over 400 lines on purpose: one reader whose block and inline rules must be read together to see that no input
// becomes markup; split, the safety argument would be spread over several files.
import type { RichAttrs, RichElement, RichNode, RichTag } from './rich-nodes'

/**
 * A small Markdown reader for policy bodies, written for safety rather than completeness: it knows headings,
 * paragraphs, lists (nested), block quotes, rules, fenced code, tables, bold, emphasis, inline code and links, and
 * turns everything else — HTML tags, entities, images, scripts — into plain text. Its output is a tree of the few
 * node types in rich-nodes.ts; no string from the body is ever interpreted as markup.
 *
 * Links: an in-app page path (/pages/…, /policy/…) stays a link; a web address is shown as its text followed by the
 * address; anything else (javascript:, data:, relative paths) keeps only its text.
 */
export interface MarkdownOptions {
  /** HTML level of the body's top headings (# and ##); ### is one level below, down to h5. Default 2. */
  topHeading?: 2 | 3
}

// Hostile bodies cannot make the reader slow or deep: nesting stops at MAX_DEPTH (deeper markers stay text), and an
// opening mark looks at most SEARCH_WINDOW characters ahead for its closing one.
const MAX_DEPTH = 8
const MAX_INLINE_DEPTH = 6
const SEARCH_WINDOW = 1000
const LINK_LABEL_WINDOW = 300
const MAX_TABLE_COLUMNS = 20

const el = (name: RichTag, children: RichNode[], extra: Partial<RichAttrs> = {}): RichElement => ({
  name,
  attrs: { class: `md-${name}`, ...extra },
  children
})

function appendText(out: RichNode[], text: string): void {
  if (!text) return
  const last = out[out.length - 1]
  if (last && 'type' in last) last.text += text
  else out.push({ type: 'text', text })
}

// ---- blocks --------------------------------------------------------------------------------------------------

const FENCE = /^ {0,3}(`{3,}|~{3,})/
const HEADING = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?[ \t]*$/
const RULE = /^ {0,3}([-*_])[ \t]*(?:\1[ \t]*){2,}$/
const QUOTE = /^ {0,3}> ?(.*)$/
const ITEM = /^( {0,3})([-*+]|\d{1,9}[.)])(?:([ \t]+)(.*))?$/
const TABLE_DIVIDER = /^ {0,3}\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/

const isBlank = (line: string) => /^[ \t]*$/.test(line)
const leadingSpaces = (line: string) => /^ */.exec(line)![0].length
const isDivider = (line: string | undefined) => line !== undefined && line.includes('|') && TABLE_DIVIDER.test(line)

/** Lines that end a paragraph without a blank line between. */
function startsBlock(line: string, depth: number): boolean {
  if (FENCE.test(line) || HEADING.test(line) || RULE.test(line)) return true
  if (depth >= MAX_DEPTH) return false
  if (QUOTE.test(line)) return true
  const item = ITEM.exec(line)
  // An ordered list interrupts a paragraph only from 1 (so "2023. 年" inside a sentence stays text).
  return item !== null && item[4] !== undefined && item[4] !== '' && (!/\d/.test(item[2]!) || /^1[.)]$/.test(item[2]!))
}

function headingLevel(hashes: number, top: number): RichTag {
  return `h${Math.min(5, top + Math.max(0, hashes - 2))}` as RichTag
}

function parseBlocks(lines: string[], depth: number, top: number): RichElement[] {
  const blocks: RichElement[] = []
  let i = 0
  while (i < lines.length) {
    const line = lines[i]!
    if (isBlank(line)) {
      i++
      continue
    }

    const fence = FENCE.exec(line)
    if (fence) {
      const mark = fence[1]!
      const code: string[] = []
      i++
      while (i < lines.length && !closesFence(lines[i]!, mark)) code.push(lines[i++]!)
      i++ // the closing fence (or the end)
      blocks.push(el('pre', [el('code', [{ type: 'text', text: code.join('\n') }])]))
      continue
    }

    const heading = HEADING.exec(line)
    if (heading) {
      const text = (heading[2] ?? '').replace(/[ \t]+#+$/, '').replace(/^#+$/, '')
      blocks.push(el(headingLevel(heading[1]!.length, top), parseInline(text, 0)))
      i++
      continue
    }

    if (RULE.test(line)) {
      blocks.push(el('hr', []))
      i++
      continue
    }

    if (depth < MAX_DEPTH && QUOTE.test(line)) {
      const quoted: string[] = []
      while (i < lines.length && QUOTE.test(lines[i]!)) quoted.push(QUOTE.exec(lines[i++]!)![1]!)
      blocks.push(el('blockquote', parseBlocks(quoted, depth + 1, top)))
      continue
    }

    if (depth < MAX_DEPTH && ITEM.test(line)) {
      i = parseList(lines, i, depth, top, blocks)
      continue
    }

    if (line.includes('|') && isDivider(lines[i + 1])) {
      i = parseTable(lines, i, blocks)
      continue
    }

    const paragraph = [line]
    i++
    while (i < lines.length && !isBlank(lines[i]!) && !startsBlock(lines[i]!, depth) && !isDivider(lines[i + 1])) {
      paragraph.push(lines[i++]!)
    }
    blocks.push(el('p', parseInline(paragraph.map((l) => l.replace(/^[ \t]+/, '')).join('\n'), 0)))
  }
  return blocks
}

function closesFence(line: string, mark: string): boolean {
  const trimmed = line.replace(/^ {0,3}/, '').replace(/[ \t]+$/, '')
  return trimmed.length >= mark.length && [...trimmed].every((c) => c === mark[0])
}

function parseList(lines: string[], start: number, depth: number, top: number, blocks: RichElement[]): number {
  const first = ITEM.exec(lines[start]!)!
  const ordered = /\d/.test(first[2]!)
  const items: RichElement[] = []
  let i = start
  while (i < lines.length) {
    // Blank lines between items keep one list.
    let next = i
    while (next < lines.length && isBlank(lines[next]!)) next++
    const item = next < lines.length ? ITEM.exec(lines[next]!) : null
    if (!item || /\d/.test(item[2]!) !== ordered || RULE.test(lines[next]!)) break
    i = next

    const gap = item[3]?.length ?? 1
    const indent = item[1]!.length + item[2]!.length + (gap > 4 ? 1 : gap)
    const content: string[] = [gap > 4 ? `${item[3]!.slice(1)}${item[4]}` : (item[4] ?? '')]
    i++
    while (i < lines.length) {
      const line = lines[i]!
      if (isBlank(line)) {
        let j = i + 1
        while (j < lines.length && isBlank(lines[j]!)) j++
        if (j < lines.length && leadingSpaces(lines[j]!) >= indent) {
          while (i < j) {
            content.push('')
            i++
          }
          continue
        }
        break
      }
      if (leadingSpaces(line) >= indent) {
        content.push(line.slice(indent))
        i++
        continue
      }
      if (ITEM.test(line) || startsBlock(line, depth)) break
      const previous = content[content.length - 1]
      if (previous === undefined || isBlank(previous)) break
      content.push(line.trimStart()) // a paragraph's lazy continuation line
      i++
    }
    items.push(listItem(parseBlocks(content, depth + 1, top)))
  }
  const number = ordered ? Number.parseInt(first[2]!, 10) : 1
  blocks.push(el(ordered ? 'ol' : 'ul', items, ordered && number !== 1 ? { start: String(number) } : {}))
  return i
}

/** A list item holding one paragraph is "tight": its text goes straight into the <li>. */
function listItem(blocks: RichElement[]): RichElement {
  if (blocks.length === 1 && blocks[0]!.name === 'p') return el('li', blocks[0]!.children)
  return el('li', blocks)
}

function tableCells(line: string): string[] {
  let row = line.trim()
  if (row.startsWith('|')) row = row.slice(1)
  if (row.endsWith('|') && !row.endsWith('\\|')) row = row.slice(0, -1)
  const cells: string[] = []
  let cell = ''
  for (let i = 0; i < row.length; i++) {
    const c = row[i]!
    if (c === '\\' && row[i + 1] === '|') {
      cell += '|'
      i++
    } else if (c === '|') {
      cells.push(cell.trim())
      cell = ''
    } else cell += c
  }
  cells.push(cell.trim())
  return cells.slice(0, MAX_TABLE_COLUMNS)
}

function tableRow(cells: string[], columns: number, tag: 'th' | 'td'): RichElement {
  const filled = Array.from({ length: columns }, (_, k) => cells[k] ?? '')
  return el(
    'tr',
    filled.map((cell) => el(tag, parseInline(cell, 0)))
  )
}

function parseTable(lines: string[], start: number, blocks: RichElement[]): number {
  const header = tableCells(lines[start]!)
  const rows: RichElement[] = []
  let i = start + 2
  while (i < lines.length && !isBlank(lines[i]!) && lines[i]!.includes('|'))
    rows.push(tableRow(tableCells(lines[i++]!), header.length, 'td'))
  const parts = [el('thead', [tableRow(header, header.length, 'th')]), ...(rows.length ? [el('tbody', rows)] : [])]
  // Wide tables scroll sideways inside their own box instead of widening the page.
  blocks.push(el('div', [el('table', parts)], { class: 'md-table-wrap' }))
  return i
}

// ---- inline --------------------------------------------------------------------------------------------------

const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/
const WORD = /[A-Za-z0-9]/
// Chinese characters and full-width punctuation: a line break between two of them is no space at all.
const CJK = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/

interface Parsed {
  nodes: RichNode[]
  end: number
}

function lastChar(out: RichNode[], buffer: string): string | undefined {
  if (buffer) return buffer[buffer.length - 1]
  const last = out[out.length - 1]
  return last && 'type' in last ? last.text[last.text.length - 1] : undefined
}

function parseInline(src: string, depth: number): RichNode[] {
  const out: RichNode[] = []
  let buffer = ''
  const flush = () => {
    appendText(out, buffer)
    buffer = ''
  }
  const emit = (parsed: Parsed) => {
    flush()
    for (const node of parsed.nodes) {
      if ('type' in node) appendText(out, node.text)
      else out.push(node)
    }
    return parsed.end
  }

  let i = 0
  while (i < src.length) {
    const c = src[i]!
    if (c === '\\' && src[i + 1] === '\n') {
      i = emit({ nodes: [el('br', [])], end: i + 2 })
      continue
    }
    if (c === '\\' && src[i + 1] !== undefined && ASCII_PUNCTUATION.test(src[i + 1]!)) {
      buffer += src[i + 1]
      i += 2
      continue
    }
    if (c === '\n') {
      if (/ {2,}$/.test(buffer)) {
        buffer = buffer.replace(/ +$/, '')
        i = emit({ nodes: [el('br', [])], end: i + 1 })
        continue
      }
      buffer = buffer.replace(/[ \t]+$/, '')
      const before = lastChar(out, buffer)
      const after = src[i + 1]
      if (!(before && after && CJK.test(before) && CJK.test(after))) buffer += ' '
      i++
      continue
    }
    if (depth < MAX_INLINE_DEPTH) {
      if (c === '`') {
        const run = /^`+/.exec(src.slice(i, i + SEARCH_WINDOW))![0]
        const code = codeSpan(src, i, run.length)
        if (code) i = emit(code)
        else {
          buffer += run // no closing run: the backticks are text
          i += run.length
        }
        continue
      }
      if (c === '[' || (c === '!' && src[i + 1] === '[')) {
        const image = c === '!'
        const link = parseLink(src, image ? i + 1 : i, depth)
        if (link) {
          // Images are never loaded: their description is kept as text.
          i = emit(image ? { nodes: [{ type: 'text', text: plainText(link.label) }], end: link.end } : link)
          continue
        }
      }
      if (c === '*' || c === '_') {
        const emphasis = parseEmphasis(src, i, depth)
        if (emphasis) {
          i = emit(emphasis)
          continue
        }
      }
    }
    buffer += c
    i++
  }
  flush()
  return out
}

function plainText(nodes: RichNode[]): string {
  return nodes.map((n) => ('type' in n ? n.text : plainText(n.children))).join('')
}

function codeSpan(src: string, start: number, length: number): Parsed | null {
  const limit = Math.min(src.length, start + length + SEARCH_WINDOW)
  for (let j = start + length; j < limit; j++) {
    if (src[j] !== '`') continue
    let k = j
    while (k < src.length && src[k] === '`') k++
    if (k - j === length) {
      let text = src.slice(start + length, j).replace(/\n/g, ' ')
      if (/^ .*[^ ].* $/.test(text)) text = text.slice(1, -1)
      return { nodes: [el('code', [{ type: 'text', text }])], end: k }
    }
    j = k - 1
  }
  return null
}

/** [label](target) → the label, linked only when the target is a page of this app. */
function parseLink(src: string, start: number, depth: number): (Parsed & { label: RichNode[] }) | null {
  const limit = Math.min(src.length, start + LINK_LABEL_WINDOW)
  let level = 0
  let close = -1
  for (let j = start; j < limit; j++) {
    const c = src[j]
    if (c === '\\') j++
    else if (c === '[') level++
    else if (c === ']' && --level === 0) {
      close = j
      break
    }
  }
  if (close < 0 || src[close + 1] !== '(') return null
  let end = -1
  let parens = 0 // a target may hold balanced parentheses, as CommonMark allows
  for (let j = close + 2; j < Math.min(src.length, close + 2 + SEARCH_WINDOW); j++) {
    if (src[j] === '\n') return null
    if (src[j] === '(') parens++
    else if (src[j] === ')' && parens-- === 0) {
      end = j
      break
    }
  }
  if (end < 0) return null
  const target = (
    src
      .slice(close + 2, end)
      .trim()
      .split(/\s+/)[0] ?? ''
  ).replace(/^<(.*)>$/, '$1')
  const label = parseInline(src.slice(start + 1, close), depth + 1)
  return { nodes: linkNodes(label, target), label, end: end + 1 }
}

const APP_PATH = /^\/(?:pages|policy)(?:\/[a-z0-9-]+)+(?:\?[A-Za-z0-9_=&%.-]*)?$/
const WEB_ADDRESS = /^https?:\/\/[A-Za-z0-9.-]+(?::\d+)?(?:[/?#][^\s<>"'`]*)?$/i

/** An in-app page path a body may link to, or null. Only our own page paths; never a scheme, host or "..". */
export function safeAppPath(target: string): string | null {
  return APP_PATH.test(target) && !target.includes('..') ? target : null
}

function linkNodes(label: RichNode[], target: string): RichNode[] {
  const appPath = safeAppPath(target)
  if (appPath) return [el('a', label, { href: appPath })]
  if (WEB_ADDRESS.test(target)) {
    return plainText(label).trim() === target
      ? [{ type: 'text', text: target }]
      : [...label, { type: 'text', text: `（${target}）` }]
  }
  return label
}

function parseEmphasis(src: string, start: number, depth: number): Parsed | null {
  const mark = src[start]!
  if (mark === '_' && start > 0 && WORD.test(src[start - 1]!)) return null // snake_case, file_name
  const strong = src[start + 1] === mark
  const from = start + (strong ? 2 : 1)
  if (from >= src.length || /\s/.test(src[from]!)) return null
  const limit = Math.min(src.length, from + SEARCH_WINDOW)
  for (let j = from; j < limit; j++) {
    const c = src[j]
    if (c === '\\') {
      j++
      continue
    }
    if (c !== mark || j === from || /\s/.test(src[j - 1]!)) {
      if (c === mark && src[j + 1] === mark) j++ // a doubled mark inside belongs to a nested strong
      continue
    }
    const doubled = src[j + 1] === mark
    if (strong && !doubled) continue
    if (!strong && doubled) {
      j++
      continue
    }
    const end = j + (strong ? 2 : 1)
    if (mark === '_' && end < src.length && WORD.test(src[end]!)) continue
    return { nodes: [el(strong ? 'strong' : 'em', parseInline(src.slice(from, j), depth + 1))], end }
  }
  return null
}

// ---- entry -----------------------------------------------------------------------------------------------------

/** Markdown → a tree of safe nodes (see rich-nodes.ts). */
export function markdownToNodes(markdown: string, options: MarkdownOptions = {}): RichNode[] {
  const lines = markdown
    .replace(/\r\n?/g, '\n')
    .split('\u0000') // NUL becomes U+FFFD, as CommonMark asks
    .join('\ufffd')
    .split('\n')
    .map((line) => line.replace(/^\t+/, (tabs) => '    '.repeat(tabs.length)))
  return parseBlocks(lines, 0, options.topHeading ?? 2)
}
