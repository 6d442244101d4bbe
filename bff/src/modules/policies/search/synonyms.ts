import { readFileSync } from 'node:fs'
import path from 'node:path'
import { CONFIG_DIR } from '../../../paths'
import { foldText } from './text'

export const SYNONYMS_FILE = path.join(CONFIG_DIR, 'policy-synonyms.json')

/** Groups of words that mean the same to the people searching, each group's words folded, longest first. */
export type SynonymGroups = string[][]

/** Reads and checks the synonym file; a malformed file stops the app at start rather than silently searching worse. */
export function loadSynonyms(file: string = SYNONYMS_FILE): SynonymGroups {
  const data = JSON.parse(readFileSync(file, 'utf8')) as { groups?: unknown }
  if (!Array.isArray(data.groups)) throw new Error(`${file}: "groups" must be an array of word lists`)
  return data.groups.map((group, i) => {
    if (
      !Array.isArray(group) ||
      group.length < 2 ||
      group.some((w) => typeof w !== 'string' || Array.from(w.trim()).length < 2)
    ) {
      throw new Error(`${file}: group ${i + 1} must list at least two words of two or more characters`)
    }
    const words = [...new Set(group.map((w: string) => foldText(w.trim())))]
    return words.sort((a, b) => b.length - a.length)
  })
}

let cached: SynonymGroups | null = null
export function synonyms(): SynonymGroups {
  cached ??= loadSynonyms()
  return cached
}

const MAX_VARIANTS = 8
/** A synonym applies to the word itself or the word with a short affix (退伍 → 退伍军人), not inside any long term. */
const MAX_AFFIX = 2

/**
 * The ways a (folded) term may be written: the term itself, plus, for each group with a word inside the term (with
 * at most MAX_AFFIX other characters), the term with that word (the longest found) replaced by each other word.
 */
export function termVariants(term: string, groups: SynonymGroups): string[] {
  const variants = new Set([term])
  for (const group of groups) {
    for (const variant of [...variants]) {
      const word = group.find((w) => variant.includes(w) && variant.length - w.length <= MAX_AFFIX)
      if (!word) continue
      for (const other of group) {
        if (variants.size >= MAX_VARIANTS) return [...variants]
        variants.add(variant.replace(word, other))
      }
    }
  }
  return [...variants]
}
