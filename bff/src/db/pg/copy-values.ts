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

/** The parameter sent to PostgreSQL for a SQLite value (JSON goes as its text: PostgreSQL parses it into jsonb). */
export function toPgParameter(kind: ColumnKind, value: SqliteValue, where: () => string): unknown {
  if (value === null) return null
  switch (kind) {
    case 'boolean':
      if (value === 0n || value === 1n) return value === 1n
      break
    case 'integer':
    case 'bigint':
      if (typeof value === 'bigint') return value.toString()
      break
    case 'double precision':
      if (typeof value === 'number') return value
      if (typeof value === 'bigint') return Number(value)
      break
    case 'text':
    case 'jsonb':
      if (typeof value === 'string') return value
      break
    case 'bytea':
      if (Buffer.isBuffer(value)) return value
      break
  }
  throw new Error(`${where()}: ${describe(value)} does not fit a ${kind} column`)
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
      return `j${canonicalJson(value)}`
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

function describe(value: SqliteValue): string {
  if (Buffer.isBuffer(value)) return `a ${value.length}-byte blob`
  if (typeof value === 'string')
    return `the text ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`
  return `the ${typeof value === 'bigint' ? 'integer' : 'real'} ${String(value)}`
}
