/**
 * How policy text becomes search tokens.
 *
 * FTS5's tokenizers do not split Chinese, and `trigram` cannot find one- or two-character words. So text is folded
 * (full-width → ASCII, lower case), cut into runs of letters and digits of any script (punctuation and spaces end a
 * run), and each run contributes its characters and its overlapping character pairs:
 *
 *   退役军人 → 退役 役军 军人 退 役 军 人
 *
 * A one-character query term is then one token, a two-character term one token, and a longer term the AND of its
 * pairs (every pair of the term occurs in the policy; see queryTokens). The indexes keep only which policies (and, for
 * the short fields, which columns) hold a token, not positions, so each token is written once per field.
 */

/** Full-width forms to ASCII, compatibility characters to their plain form, Latin to lower case. */
export function foldText(text: string): string {
  return text.normalize('NFKC').toLowerCase()
}

const RUN = /[\p{L}\p{N}]+/gu

/** The runs of letters and digits of folded text. */
export function runsOf(folded: string): string[] {
  return folded.match(RUN) ?? []
}

/** Runs this long are matched by a cover of their pairs rather than all of them (see queryTokens). */
const LONG_RUN = 5

/**
 * The tokens a query run must find: itself if it is one character, else its character pairs. From LONG_RUN
 * characters on, every other pair (plus the last) is enough: each character is still covered, FTS5 reads fewer
 * long doclists for common words, and a policy holding all those pairs but not the run is vanishingly rare.
 */
export function queryTokens(run: string): string[] {
  const chars = Array.from(run)
  if (chars.length === 1) return chars
  const pairs: string[] = []
  for (let i = 0; i + 1 < chars.length; i++) pairs.push(chars[i]! + chars[i + 1]!)
  if (chars.length < LONG_RUN) return pairs
  const cover = pairs.filter((_, i) => i % 2 === 0)
  if (chars.length % 2 === 1) cover.push(pairs[pairs.length - 1]!)
  return cover
}

/** The space-separated, de-duplicated tokens FTS5 indexes for one field. */
export function indexStream(text: string): string {
  const tokens = new Set<string>()
  for (const run of runsOf(foldText(text))) {
    const chars = Array.from(run)
    for (let i = 0; i < chars.length; i++) {
      tokens.add(chars[i]!)
      if (i + 1 < chars.length) tokens.add(chars[i]! + chars[i + 1]!)
    }
  }
  return [...tokens].join(' ')
}

/** Markdown to the plain text people read: headings, emphasis, list markers, links and code fences dropped. */
export function markdownToPlain(markdown: string): string {
  return markdown
    .replace(/```[^\n]*\n?/g, '')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/^\s{0,3}(#{1,6}|>|[-*+]|\d+[.)])\s+/gm, '')
    .replace(/(\*\*|__|`|~~)/g, '')
    .replace(/\s*\n\s*/g, ' ')
    .trim()
}
