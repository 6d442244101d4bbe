import { createHash } from 'node:crypto'

// How a SQLite value becomes the PostgreSQL column's value, and how both sides' values are written for the
// checksum. Conversion is strict: a value that does not fit its column (a 2 in a boolean, text in an integer)
// stops the copy rather than being coerced into something else.

/** The PostgreSQL column types the derived schema uses (db/pg/derive.ts). */
export type ColumnKind = 'text' | 'jsonb' | 'boolean' | 'integer' | 'bigint' | 'double precision' | 'bytea'

const KINDS = new Set<string>(['text', 'jsonb', 'boolean', 'integer', 'bigint', 'double precision', 'bytea'])

export function columnKind(table: string, column: string, sqlType: string): ColumnKind {
  if (!KINDS.has(sqlType)) throw new Error(`${table}.${column}: no copy rule for the PostgreSQL type ${sqlType}`)
  return sqlType as ColumnKind
}

/** A value read from SQLite with safe integers on: integers are bigint, reals number, text string, blobs Buffer. */
export type SqliteValue = bigint | number | string | Buffer | null

/**
 * A SQLite value that PostgreSQL would refuse or change. The message says why without the value: it may be
 * personal data.
 */
export class ValueRefused extends Error {
  override name = 'ValueRefused'
}

const INT4 = { min: -(2n ** 31n), max: 2n ** 31n - 1n }
const SAFE = { min: BigInt(Number.MIN_SAFE_INTEGER), max: BigInt(Number.MAX_SAFE_INTEGER) }

/**
 * The parameter sent to PostgreSQL for a SQLite value (JSON goes as its text: PostgreSQL parses it into jsonb).
 * `storedBytes` reads the text's bytes as SQLite stores them; it is called only for text holding U+FFFD, which is
 * what invalid UTF-8 reads as (and, rarely, a genuine U+FFFD).
 */
export function toPgParameter(kind: ColumnKind, value: SqliteValue, storedBytes: () => Buffer | undefined): unknown {
  if (value === null) return null
  switch (kind) {
    case 'boolean':
      if (value === 0n || value === 1n) return value === 1n
      break
    case 'integer':
    case 'bigint':
      if (typeof value !== 'bigint') break
      // The server reads both as JavaScript numbers: a bigint past 2^53 would come back changed.
      if (kind === 'integer' && (value < INT4.min || value > INT4.max))
        throw new ValueRefused('an integer outside the range of an integer column (±2^31)')
      if (value < SAFE.min || value > SAFE.max)
        throw new ValueRefused("an integer beyond JavaScript's exact range (±2^53), which the server would round")
      return value.toString()
    case 'double precision':
      if (typeof value === 'number') return value
      if (typeof value === 'bigint') {
        if (value < SAFE.min || value > SAFE.max)
          throw new ValueRefused('an integer too large to be stored exactly in a double precision column')
        return Number(value)
      }
      break
    case 'text':
    case 'jsonb':
      if (typeof value !== 'string') break
      checkText(value, storedBytes)
      if (kind === 'jsonb') checkJson(value)
      return value
    case 'bytea':
      if (Buffer.isBuffer(value)) return value
      break
  }
  throw new ValueRefused(`${kindOfValue(value)} does not fit a ${kind} column`)
}

function checkText(value: string, storedBytes: () => Buffer | undefined) {
  if (value.includes('\0')) throw new ValueRefused('text with a NUL character (PostgreSQL text cannot hold one)')
  if (value.includes('\uFFFD') && !storedBytes()?.equals(Buffer.from(value, 'utf8')))
    throw new ValueRefused('text that is not valid UTF-8')
}

const UNPAIRED_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

/** jsonb refuses \u0000 and unpaired surrogates written as escapes (json would keep them; jsonb cannot). */
function checkJson(text: string) {
  // Only escapes can spell either, and most JSON has none: parsed only then.
  if (!text.includes('\\u')) return
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch {
    throw new ValueRefused('text that is not JSON in a jsonb column')
  }
  const bad = (s: string) => s.includes('\0') || UNPAIRED_SURROGATE.test(s)
  const visit = (node: unknown): boolean => {
    if (typeof node === 'string') return bad(node)
    if (Array.isArray(node)) return node.some(visit)
    if (node !== null && typeof node === 'object')
      return Object.entries(node).some(([key, inner]) => bad(key) || visit(inner))
    return false
  }
  if (visit(parsed))
    throw new ValueRefused('JSON with a \\u0000 or an unpaired surrogate escape (jsonb cannot hold either)')
}

/**
 * The value as the checksum writes it, one form for both sides: booleans, integers (int4 arrives as a number,
 * int8 as a string, SQLite's as bigint), doubles, JSON by canonical stringify, text, bytes as hex.
 */
export function canonicalFromSqlite(kind: ColumnKind, value: SqliteValue): string {
  if (value === null) return 'null'
  switch (kind) {
    case 'boolean':
      return value === 1n ? 'true' : 'false'
    case 'integer':
    case 'bigint':
      return `i${String(value)}`
    case 'double precision':
      return `d${String(Number(value))}`
    case 'jsonb':
      return `j${canonicalJson(JSON.parse(value as string))}`
    case 'text':
      return JSON.stringify(value)
    case 'bytea':
      return `x${(value as Buffer).toString('hex')}`
  }
}

/** As canonicalFromSqlite, for a value read back from PostgreSQL with jsonb columns selected as text. */
export function canonicalFromPg(kind: ColumnKind, value: unknown): string {
  if (value === null) return 'null'
  switch (kind) {
    case 'boolean':
      return value === true ? 'true' : 'false'
    case 'integer':
    case 'bigint':
      return `i${scalar(value)}`
    case 'double precision':
      return `d${scalar(value)}`
    case 'jsonb':
      // Read as its text (verify-copy selects it ::text): parsed by pg, a JSON null would look like SQL's NULL.
      return `j${canonicalJson(JSON.parse(value as string))}`
    case 'text':
      return JSON.stringify(value)
    case 'bytea':
      return `x${(value as Buffer).toString('hex')}`
  }
}

function scalar(value: unknown): string {
  if (typeof value === 'number' || typeof value === 'string') return String(value)
  throw new Error(`Unexpected ${typeof value} read back from PostgreSQL`)
}

/** JSON with object keys sorted at every level: the same value gives the same text whatever its key order. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  if (value !== null && typeof value === 'object') {
    const entries = Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`)
    return `{${entries.join(',')}}`
  }
  return JSON.stringify(value)
}

/** sha256 over rows fed in key order, each row its canonical values joined. */
export class RowChecksum {
  private readonly hash = createHash('sha256')
  rows = 0

  add(values: string[]) {
    this.hash.update(values.join('\u001f'))
    this.hash.update('\u001e')
    this.rows++
  }

  digest(): string {
    return this.hash.digest('hex')
  }
}

/** What kind of value it is, never the value itself (it may be personal data). */
function kindOfValue(value: SqliteValue): string {
  if (Buffer.isBuffer(value)) return 'a blob'
  if (typeof value === 'string') return 'text'
  return typeof value === 'bigint' ? 'an integer' : 'a real number'
}
