import { is } from 'drizzle-orm'
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core'
import * as pgSchema from './schema'
import { columnKind, type ColumnKind } from './copy-values'
import { CopyRefused, type SourceTable } from './copy-source'

/** One table to copy: its columns with their PostgreSQL types, and the order its rows are checksummed in. */
export interface TablePlan {
  name: string
  columns: { name: string; kind: ColumnKind }[]
  /** The primary key's columns; none for a table without one. */
  primaryKey: string[]
  /** The primary key's columns; every column for a table without one. */
  orderBy: string[]
}

/**
 * Pairs the SQLite file's tables with the derived PostgreSQL schema's, parents before children (foreign keys).
 * A SQLite table or column PostgreSQL lacks stops the copy, as does the reverse: nothing is dropped silently.
 */
export function planCopy(sourceTables: SourceTable[]): TablePlan[] {
  const targets = new Map(pgTables().map((table) => [getTableConfig(table).name, table]))
  const sourceNames = new Set(sourceTables.map((table) => table.name))
  const unknown = [...sourceNames].filter((name) => !targets.has(name))
  if (unknown.length > 0)
    throw new CopyRefused(`The SQLite file has tables the PostgreSQL schema lacks: ${unknown.join(', ')}`)
  const absent = [...targets.keys()].filter((name) => !sourceNames.has(name))
  if (absent.length > 0)
    throw new CopyRefused(`The SQLite file lacks tables of the PostgreSQL schema: ${absent.join(', ')}`)

  const plans = new Map<string, TablePlan>()
  for (const table of sourceTables) {
    const config = getTableConfig(targets.get(table.name)!)
    const targetColumns = config.columns.map((column) => column.name)
    const missing = table.columns.filter((name) => !targetColumns.includes(name))
    const extra = targetColumns.filter((name) => !table.columns.includes(name))
    if (missing.length > 0 || extra.length > 0) {
      const problems = [
        missing.length > 0 ? `only in SQLite: ${missing.join(', ')}` : '',
        extra.length > 0 ? `only in PostgreSQL: ${extra.join(', ')}` : ''
      ]
      throw new CopyRefused(`${table.name}: the columns differ (${problems.filter(Boolean).join('; ')})`)
    }
    const primary = config.primaryKeys[0]?.columns.map((column) => column.name) ?? []
    const single = config.columns.filter((column) => column.primary).map((column) => column.name)
    const primaryKey = primary.length > 0 ? primary : single
    plans.set(table.name, {
      name: table.name,
      primaryKey,
      columns: config.columns.map((column) => ({
        name: column.name,
        kind: columnKind(table.name, column.name, column.getSQLType())
      })),
      orderBy: primaryKey.length > 0 ? primaryKey : targetColumns
    })
  }
  return parentsFirst(plans)
}

function pgTables(): PgTable[] {
  return Object.values(pgSchema as Record<string, unknown>).filter((value): value is PgTable => is(value, PgTable))
}

/** Tables ordered so that every table comes after those its foreign keys point at. */
function parentsFirst(plans: Map<string, TablePlan>): TablePlan[] {
  const parents = new Map<string, string[]>()
  for (const table of pgTables()) {
    const config = getTableConfig(table)
    parents.set(
      config.name,
      config.foreignKeys
        .map((fk) => getTableConfig(fk.reference().foreignTable).name)
        .filter((parent) => parent !== config.name)
    )
  }
  const ordered: TablePlan[] = []
  const state = new Map<string, 'visiting' | 'done'>()
  const visit = (name: string) => {
    if (state.get(name) === 'done') return
    if (state.get(name) === 'visiting') throw new Error(`Foreign keys form a cycle through ${name}`)
    state.set(name, 'visiting')
    for (const parent of parents.get(name) ?? []) visit(parent)
    state.set(name, 'done')
    ordered.push(plans.get(name)!)
  }
  for (const name of [...plans.keys()].sort()) visit(name)
  return ordered
}
