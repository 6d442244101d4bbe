import { queryTokens, runsOf } from './text'
import { tidyQueryText } from './tidy'
import { termVariants, type SynonymGroups } from './synonyms'

/**
 * What a person typed, as tokens to look up. User text never reaches FTS5 syntax: it is cut into runs of letters
 * and digits and only the resulting tokens are looked up, one double-quoted token at a time (see postings.ts). So
 * `"`, `*`, `NEAR`, `OR`, `(` and unbalanced quotes are just characters that end a run.
 *
 * A policy matches when it matches every term; it matches a term when it holds every token of `all` and every
 * token of at least one of the `anyOf` lists (the term's spellings and synonyms, their shared tokens taken out).
 */
export interface TermMatch {
  all: string[]
  anyOf: string[][]
}

export interface CompiledQuery {
  terms: TermMatch[]
  /** Folded strings to mark in snippets. */
  needles: string[]
}

export interface ParsedQuery {
  /** The query as typed: every term must match (itself or a synonym). Null when it has nothing searchable. */
  strict: CompiledQuery | null
  /**
   * Long unspaced terms cut into words that may occur apart; null when that would change nothing. Built only when
   * asked for (the word segmenter is the slowest part of parsing), i.e. when the strict query found nothing.
   */
  relaxed: () => CompiledQuery | null
}

export const MAX_TERMS = 12
const WORD_SPLIT_MIN_CHARS = 4

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' })

/** The words of a run, for relaxed matching: 退役军人优待证办理 → 退役军人 优待证 办理. */
function wordsOf(run: string): string[] {
  if (Array.from(run).length < WORD_SPLIT_MIN_CHARS) return [run]
  return [...segmenter.segment(run)].filter((s) => s.isWordLike).map((s) => s.segment)
}

interface Alternative {
  tokens: Set<string>
  needles: string[]
}

function alternative(pieces: string[]): Alternative {
  const tokens = new Set<string>()
  for (const piece of pieces) for (const token of queryTokens(piece)) tokens.add(token)
  return { tokens, needles: pieces }
}

const isSubset = (a: Set<string>, b: Set<string>) => a.size <= b.size && [...a].every((t) => b.has(t))

/**
 * One term's alternatives as a TermMatch: an alternative that holds all the tokens of another adds nothing (the
 * other matches wherever it does) and is dropped; the tokens the rest share are required outright.
 */
function termMatch(alternatives: Alternative[]): TermMatch {
  const sets = alternatives.map((a) => a.tokens)
  const kept = sets.filter(
    (set, i) => !sets.some((other, j) => j !== i && isSubset(other, set) && (other.size < set.size || j < i))
  )
  const all = [...kept[0]!].filter((t) => kept.every((set) => set.has(t)))
  const rests = kept.map((set) => [...set].filter((t) => !all.includes(t)))
  return { all, anyOf: rests.some((rest) => rest.length === 0) ? [] : rests }
}

function compile(terms: Alternative[][]): CompiledQuery {
  return {
    terms: terms.map(termMatch),
    needles: [...new Set(terms.flatMap((alternatives) => alternatives.flatMap((a) => a.needles)))]
  }
}

/**
 * Terms are separated by white space (any width); a term with no letter or digit (emoji, punctuation) is ignored.
 * The text is folded and tidied first (document numbers, repeated characters: see tidy.ts).
 */
export function searchTerms(q: string): string[] {
  return tidyQueryText(q)
    .split(/\s+/u)
    .filter((term) => runsOf(term).length > 0)
}

export function parseQuery(q: string, groups: SynonymGroups): ParsedQuery {
  const terms = searchTerms(q).map((term) => termVariants(term, groups).map(runsOf))
  if (terms.length === 0) return { strict: null, relaxed: () => null }
  const strict = compile(terms.map((variants) => variants.map(alternative)))
  const relaxed = () => {
    let splitAny = false
    const split = terms.map((variants) =>
      variants.map((runs) => {
        const words = runs.flatMap(wordsOf)
        if (words.length > runs.length) splitAny = true
        return alternative(words)
      })
    )
    return splitAny ? compile(split) : null
  }
  return { strict, relaxed }
}
