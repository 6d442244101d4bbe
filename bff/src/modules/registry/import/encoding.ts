import chardet from 'chardet'

/** Encodings a CSV from the bureau's spreadsheets comes in: UTF-8 (with or without BOM), or GBK/GB18030 from Excel on Chinese Windows. */
export type TextEncoding = 'utf-8' | 'gb18030' | 'utf-16le' | 'utf-16be'

/** How much of a file is looked at to decide (Excel's headers and a few hundred rows). */
export const SAMPLE_BYTES = 64 * 1024

const CHINESE_LEGACY = new Set(['GB18030', 'GBK', 'GB2312', 'GB-2312', 'BIG5', 'EUC-CN'])

/**
 * The encoding of a text file from its first bytes, or null when they are not text (a picture, an archive, random
 * bytes). A BOM decides; valid UTF-8 is UTF-8; otherwise chardet's guess is taken when it names a Chinese
 * encoding, and GB18030 (a superset of GBK and GB2312) is assumed for the rest, as Excel writes CSV on Chinese Windows.
 */
export function detectEncoding(sample: Buffer): TextEncoding | null {
  if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) return 'utf-8'
  if (sample[0] === 0xff && sample[1] === 0xfe) return 'utf-16le'
  if (sample[0] === 0xfe && sample[1] === 0xff) return 'utf-16be'
  if (looksBinary(sample)) return null
  if (isUtf8(sample)) return 'utf-8'
  const guess = chardet.detect(sample)?.toUpperCase()
  if (guess && CHINESE_LEGACY.has(guess)) return 'gb18030'
  return 'gb18030'
}

/** Control bytes other than tab, CR, LF (and a DOS end-of-file) do not occur in a spreadsheet's text. */
function looksBinary(sample: Buffer): boolean {
  let control = 0
  for (const byte of sample) {
    if (byte === 0) return true
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x1a) control += 1
  }
  return control > Math.max(2, sample.length / 200)
}

function isUtf8(sample: Buffer): boolean {
  try {
    // `stream: true` lets a character cut at the end of the sample pass; a real error anywhere else fails.
    new TextDecoder('utf-8', { fatal: true }).decode(sample, { stream: true })
    return true
  } catch {
    return false
  }
}
