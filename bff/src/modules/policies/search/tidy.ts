import { foldText } from './text'

/**
 * Query text as people type it, made into what the index holds. Both sides go through foldText (full-width digits
 * and brackets become ASCII); on top of that a query's document numbers are written the one way every stored form
 * contains: the year and the number as separate runs, so 「2024年13号」, 「2024第13号」, 「〔2024〕第13号」 and
 * 「２０２４〔13〕号」 all find M民发〔2024〕13号 (whose runs are 2024 and 13号), and also 〔2024〕第13号 (whose run
 * 第13号 holds every token of 13号).
 */

// A year, what people put between it and the number (年, brackets, 第), the number, 号. Without 第 the 号 is needed:
// "2024年12月" is a date, not a document number.
const DOC_NUMBER = /(?<!\d)(\d{4})\s*((?:[年[\]()〔〕【】]\s*)*)(第?)\s*(\d{1,6})(?!\d)\s*(号?)/gu

function canonicalDocNumbers(folded: string): string {
  return folded.replace(DOC_NUMBER, (whole, year: string, between: string, di: string, number: string, hao: string) =>
    (di || hao) && (between || di) ? ` ${year} ${number}${hao} ` : whole
  )
}

// One Chinese character typed three or more times running (a held key, a nervous tap) is read as typed once: no
// word repeats a character three times, and 医医医… otherwise matches nothing or only word by word.
const REPEATED_HAN = /(\p{Script=Han})\1{2,}/gu

/** The folded query with its document numbers written the indexed way and runs of one repeated character cut to one. */
export function tidyQueryText(q: string): string {
  return canonicalDocNumbers(foldText(q)).replace(REPEATED_HAN, '$1')
}
