/** A stretch of a search snippet: plain text, highlighted where the query matched. */
export interface SnippetPart {
  text: string
  hit: boolean
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' }

/** Decodes the entities an HTML-escaped text can hold, in one pass (so `&amp;lt;` is the text `&lt;`). */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,6});/gi, (whole, name: string) => {
    if (name[0] !== '#') return NAMED[name.toLowerCase()] ?? whole
    const code =
      name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number.parseInt(name.slice(1), 10)
    const usable = code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff)
    return usable ? String.fromCodePoint(code) : whole
  })
}

/**
 * Reads a snippet from GET /policies: hits wrapped in `<em>…</em>`, everything else HTML-escaped. Only a matched
 * pair of exactly `<em>` and `</em>` marks a hit; any other tag, an unmatched or nested marker, stays visible text.
 * The result is text to put in text nodes — never markup.
 */
export function parseSnippet(snippet: string): SnippetPart[] {
  const pieces = snippet.split(/(<em>|<\/em>)/)
  // Which markers pair up: an opener pairs with the next closer, unless another opener comes first.
  const paired = new Set<number>()
  let open = -1
  pieces.forEach((piece, index) => {
    if (piece === '<em>') open = index
    else if (piece === '</em>' && open >= 0) {
      paired.add(open).add(index)
      open = -1
    }
  })

  const parts: SnippetPart[] = []
  const add = (text: string, hit: boolean) => {
    if (!text) return
    const last = parts[parts.length - 1]
    if (last && last.hit === hit) last.text += text
    else parts.push({ text, hit })
  }
  let inHit = false
  pieces.forEach((piece, index) => {
    if (paired.has(index)) inHit = piece === '<em>'
    else if (piece === '<em>' || piece === '</em>') add(piece, inHit)
    else add(decodeEntities(piece), inHit)
  })
  return parts
}
