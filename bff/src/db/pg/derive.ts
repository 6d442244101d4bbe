import { Column, SQL, StringChunk, is } from 'drizzle-orm'
import {
  bigint,
  boolean,
  check,
  customType,
  doublePrecision,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  type PgColumn,
  type PgColumnBuilderBase,
  type PgTable,
  type PgTableExtraConfigValue,
  type PgTableWithColumns
} from 'drizzle-orm/pg-core'
import { getTableConfig, type SQLiteColumn, type SQLiteTable } from 'drizzle-orm/sqlite-core'

// The PostgreSQL tables are read off the SQLite ones (schema/*.ts stays the one description of the data): same
// names, keys, indexes, checks and defaults. Types map column by column; timestamps stay ISO text on both dialects,
// so a repository's SQL can be the same on either.

/**
 * Integer columns whose values may pass 2^31 on PostgreSQL (SQLite's integers are 64-bit, PostgreSQL's `integer`
 * is not). Only the identity counter of failed attempts qualifies: its ids are never reused, and a long password
 * guessing campaign adds a row per try. Counts, sizes (uploads stay well under 2 GB), sequence numbers within a
 * thread and version counters stay far below.
 */
const BIGINT_COLUMNS = new Set(['failed_attempts.id'])

/** PostgreSQL's binary type; this drizzle version's pg-core has no builder of its own for it. */
const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' })

/** The PostgreSQL table with the SQLite table's name and columns, and the same row types. */
export type PgTableOf<T extends SQLiteTable> = PgTableWithColumns<{
  name: T['_']['name']
  schema: undefined
  dialect: 'pg'
  columns: { [K in keyof T['_']['columns']]: PgColumnOf<T['_']['columns'][K]> }
}>

/** A PostgreSQL column typed as the SQLite one: same name, data, nullability and defaults. */
type PgColumnOf<C extends SQLiteColumn> = PgColumn<{
  name: C['_']['name']
  tableName: C['_']['tableName']
  dataType: C['_']['dataType']
  columnType: C['_']['columnType']
  data: C['_']['data']
  driverParam: C['_']['driverParam']
  notNull: C['_']['notNull']
  hasDefault: C['_']['hasDefault']
  isPrimaryKey: C['_']['isPrimaryKey']
  isAutoincrement: C['_']['isAutoincrement']
  hasRuntimeDefault: C['_']['hasRuntimeDefault']
  enumValues: C['_']['enumValues']
  baseColumn: C['_']['baseColumn']
  identity: C['_']['identity']
  generated: C['_']['generated']
}>

type Builder = PgColumnBuilderBase & {
  notNull(): Builder
  default(value: unknown): Builder
  $defaultFn(fn: () => unknown): Builder
  $onUpdateFn(fn: () => unknown): Builder
  primaryKey(): Builder
  unique(name?: string): Builder
}

const pgTableBySqlite = new Map<SQLiteTable, PgTable>()

/** Derives the PostgreSQL table; tables referenced by foreign keys must be derived too before it is used. */
export function derivePgTable<T extends SQLiteTable>(sqliteTable: T): PgTableOf<T> {
  const config = getTableConfig(sqliteTable)
  // Not used by the schema so far (unique indexes are): refuse rather than drop one silently.
  for (const unique of config.uniqueConstraints) {
    throw new Error(`${config.name}: table-level unique constraint ${unique.name} has no PostgreSQL mapping yet`)
  }
  const keyByColumn = new Map<SQLiteColumn, string>()
  const builders: Record<string, PgColumnBuilderBase> = {}
  for (const [key, column] of Object.entries(sqliteTable as unknown as Record<string, unknown>)) {
    if (!is(column, Column)) continue
    keyByColumn.set(column as SQLiteColumn, key)
    builders[key] = deriveColumn(config.name, column as SQLiteColumn)
  }

  const table = pgTable(config.name, builders, (t) => {
    const columns = t as unknown as Record<string, PgColumn>
    const toPg = (column: SQLiteColumn): PgColumn => {
      const key = keyByColumn.get(column)
      const pgColumn = key === undefined ? undefined : columns[key]
      if (!pgColumn) throw new Error(`${config.name}: column ${column.name} is not one of this table's`)
      return pgColumn
    }
    const extra: PgTableExtraConfigValue[] = []
    for (const pk of config.primaryKeys) {
      extra.push(primaryKey({ columns: pk.columns.map(toPg) as [PgColumn, ...PgColumn[]], name: pk.name }))
    }
    for (const { config: ix } of config.indexes) {
      const on = ix.columns.map((c) => (is(c, SQL) ? translateSql(c, toPg, config.name) : toPg(c)))
      const built = (ix.unique ? uniqueIndex(ix.name) : index(ix.name)).on(...(on as [PgColumn, ...PgColumn[]]))
      extra.push(ix.where ? built.where(translateSql(ix.where, toPg, config.name)) : built)
    }
    for (const ck of config.checks) extra.push(check(ck.name, translateSql(ck.value, toPg, config.name)))
    for (const fk of config.foreignKeys) {
      const reference = fk.reference()
      const target = pgTableBySqlite.get(reference.foreignTable)
      if (!target) throw new Error(`${config.name}: foreign key to a table that was not derived for PostgreSQL`)
      const targetColumns = target as unknown as Record<string, PgColumn>
      const foreignColumns = reference.foreignColumns.map((c) => {
        const match = Object.values(targetColumns).find((pg) => is(pg, Column) && pg.name === c.name)
        if (!match) throw new Error(`${config.name}: foreign key to the unknown column ${c.name}`)
        return match
      })
      let built = foreignKey({
        columns: reference.columns.map(toPg) as [PgColumn, ...PgColumn[]],
        foreignColumns: foreignColumns as [PgColumn, ...PgColumn[]],
        name: fk.getName()
      })
      if (fk.onDelete) built = built.onDelete(fk.onDelete)
      if (fk.onUpdate) built = built.onUpdate(fk.onUpdate)
      extra.push(built)
    }
    return extra
  })
  pgTableBySqlite.set(sqliteTable, table)
  return table as unknown as PgTableOf<T>
}

function deriveColumn(tableName: string, column: SQLiteColumn): Builder {
  let builder = baseBuilder(tableName, column)
  if (column.notNull) builder = builder.notNull()
  if (column.default !== undefined) builder = builder.default(column.default)
  if (column.defaultFn) builder = builder.$defaultFn(column.defaultFn)
  if (column.onUpdateFn) builder = builder.$onUpdateFn(column.onUpdateFn)
  if (column.primary) builder = builder.primaryKey()
  // A column's UNIQUE keeps its name: SQLite makes it a unique index, PostgreSQL a constraint with its own index.
  if (column.isUnique) builder = builder.unique(column.uniqueName)
  return builder
}

/** Throws on a SQLite column type with no mapping here, so a new one cannot slip through unnoticed. */
function baseBuilder(tableName: string, column: SQLiteColumn): Builder {
  const name = column.name
  const qualified = `${tableName}.${name}`
  switch (column.columnType) {
    case 'SQLiteText':
      return text(name, { enum: column.enumValues as [string, ...string[]] | undefined })
    case 'SQLiteTextJson':
      return jsonb(name)
    case 'SQLiteBoolean':
      return boolean(name)
    case 'SQLiteReal':
      return doublePrecision(name)
    case 'SQLiteBlobBuffer':
      return bytea(name)
    case 'SQLiteInteger': {
      const autoIncrement = (column as unknown as { autoIncrement: boolean }).autoIncrement
      const wide = BIGINT_COLUMNS.has(qualified)
      const base = wide ? bigint(name, { mode: 'number' }) : integer(name)
      // SQLite's AUTOINCREMENT numbers rows the caller leaves without an id; explicit ids (a copy) still go in.
      return autoIncrement ? base.generatedByDefaultAsIdentity() : base
    }
    default:
      throw new Error(`${qualified}: SQLite column type ${column.columnType} has no PostgreSQL mapping`)
  }
}

/**
 * Rewrites a CHECK or partial index condition for PostgreSQL: the SQLite columns become this table's PostgreSQL
 * columns, and SQLite's boolean comparisons with 1 and 0 become true and false (PostgreSQL compares no boolean
 * with an integer).
 */
function translateSql(value: SQL, toPg: (column: SQLiteColumn) => PgColumn, tableName: string): SQL {
  const chunks: unknown[] = []
  let afterBoolean = false
  for (const chunk of value.queryChunks) {
    if (is(chunk, Column)) {
      chunks.push(toPg(chunk as SQLiteColumn))
      afterBoolean = (chunk as SQLiteColumn).columnType === 'SQLiteBoolean'
      continue
    }
    if (is(chunk, StringChunk) && afterBoolean) {
      const text = chunk.value.join('')
      const rewritten = text.replace(/^(\s*(?:=|<>|!=)\s*)([01])(?![0-9])/, (_, op: string, bit: string) => {
        return `${op}${bit === '1' ? 'true' : 'false'}`
      })
      if (/^\s*(?:=|<>|!=|<|>)\s*[0-9]/.test(rewritten)) {
        throw new Error(`${tableName}: a boolean column compared with a number other than 0 or 1: ${text}`)
      }
      chunks.push(new StringChunk(rewritten))
    } else if (is(chunk, SQL)) {
      chunks.push(translateSql(chunk, toPg, tableName))
    } else {
      chunks.push(chunk)
    }
    afterBoolean = false
  }
  return new SQL(chunks as SQL['queryChunks'])
}
