import { isPlainObject, RawJson, toJsonText } from './values'

// Building URLs from generated values, broken encodings included.

// With the u flag a surrogate pair is one code point, so only halves without their other half match.
const LONE_SURROGATE = /[\uD800-\uDFFF]/u

/**
 * Percent-encodes text as its UTF-8 bytes. A lone surrogate (which encodeURIComponent refuses) is written as the
 * three bytes it would take, which are not valid UTF-8: exactly what a broken client might send.
 */
export function percentEncode(text: string): string {
  if (!LONE_SURROGATE.test(text)) return encodeURIComponent(text)
  let out = ''
  for (const ch of text) {
    const code = ch.codePointAt(0)!
    if (code >= 0xd800 && code <= 0xdfff) {
      out += [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)]
        .map((b) => `%${b.toString(16).toUpperCase()}`)
        .join('')
    } else out += encodeURIComponent(ch)
  }
  return out
}

/** Path segments that are already encoded, and broken on purpose. */
export const RAW_SEGMENTS = [
  '%',
  '%zz',
  '%E4%B8',
  '%00',
  '..',
  '..%2F..%2Fetc%2Fpasswd',
  '%2e%2e',
  '%ED%A0%80',
  '%E2%80%AE',
  '%20'
]

export function fillPath(path: string, values: Record<string, string>): string {
  return path.replace(/\{([^}]+)\}/g, (_, name: string) => values[name] ?? 'x')
}

function queryPairs(key: string, value: unknown, out: string[]) {
  if (value === undefined) return
  if (Array.isArray(value)) for (const item of value) queryPairs(key, item, out)
  else if (isPlainObject(value))
    for (const inner of Object.keys(value)) queryPairs(`${key}[${inner}]`, value[inner], out)
  else {
    const text =
      value instanceof RawJson
        ? value.text
        : value === null
          ? ''
          : typeof value === 'string'
            ? value
            : JSON.stringify(value)
    out.push(`${percentEncode(key)}=${percentEncode(text)}`)
  }
}

/** A query string from a (possibly mutated) value: repeated keys for arrays, brackets for objects. */
export function queryString(value: unknown): string {
  if (value === undefined || (isPlainObject(value) && Object.keys(value).length === 0)) return ''
  if (!isPlainObject(value)) return `?${percentEncode(toJsonText(value))}`
  const pairs: string[] = []
  for (const key of Object.keys(value)) queryPairs(key, value[key], pairs)
  return pairs.length > 0 ? `?${pairs.join('&')}` : ''
}
