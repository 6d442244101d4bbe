import type pg from 'pg'
import { migratePostgres } from './migrate'
import { CommandSession } from './session'
import { planCopy } from './copy-plan'
import { copyIntoPostgres } from './copy-into-postgres'
import { CopyRefused, SqliteSnapshot, type SkippedTable } from './copy-source'
import { verifyCopy, type TableCheck } from './verify-copy'

export { CopyRefused } from './copy-source'

export interface CopyReport {
  /** Tables of the SQLite file with no PostgreSQL counterpart on purpose, with why. */
  skipped: SkippedTable[]
  /** Per table: rows and checksums on both sides. */
  checks: TableCheck[]
  rows: number
  policiesIndexed: number
  sequences: string[]
  copyMs: number
  verifyMs: number
}

/**
 * Moves a SQLite deployment's data into the PostgreSQL database `targetUrl`: the migrations applied there, every
 * table copied in one transaction (ciphertexts as they are: nothing is decrypted), then both sides read back and
 * compared. Throws CopyRefused when the source or the target is not fit (nothing written), another error when the
 * copy failed (rolled back: the target holds no copied rows). A mismatch is reported in `checks`, not thrown.
 */
export async function copySqliteToPostgres(
  sqliteFile: string,
  targetUrl: string,
  progress: (line: string) => void = () => undefined,
  onCommitted: () => void = () => undefined
): Promise<CopyReport> {
  const snapshot = SqliteSnapshot.open(sqliteFile)
  try {
    const { tables, skipped } = snapshot.tables()
    const plans = planCopy(tables)
    const session = await connect(targetUrl)
    const { client } = session
    try {
      await refuseForeignDatabase(client)
      await migratePostgres(targetUrl)
      progress(`${describeTarget(targetUrl)}: migrations applied`)

      const copyStarted = performance.now()
      const { rows, policiesIndexed, sequences } = await copyIntoPostgres(client, snapshot, plans, (table, copied) =>
        progress(`  ${table}: ${copied} rows`)
      )
      const copyMs = Math.round(performance.now() - copyStarted)
      onCommitted()
      progress(`Copied ${rows} rows in ${(copyMs / 1000).toFixed(1)} s (committed); verifying`)

      const verifyStarted = performance.now()
      const checks = await verifyCopy(client, snapshot, plans)
      const verifyMs = Math.round(performance.now() - verifyStarted)
      return { skipped, checks, rows, policiesIndexed, sequences, copyMs, verifyMs }
    } finally {
      await session.close()
    }
  } finally {
    snapshot.close()
  }
}

/**
 * Only the verification, of a target a copy has already filled (one interrupted while verifying, say): the SQLite
 * file read in a snapshot of its own, so it must not have changed since the copy.
 */
export async function verifySqliteAgainstPostgres(sqliteFile: string, targetUrl: string): Promise<TableCheck[]> {
  const snapshot = SqliteSnapshot.open(sqliteFile)
  try {
    const plans = planCopy(snapshot.tables().tables)
    const session = await connect(targetUrl)
    try {
      await refuseForeignDatabase(session.client)
      return await verifyCopy(session.client, snapshot, plans)
    } finally {
      await session.close()
    }
  } finally {
    snapshot.close()
  }
}

async function connect(url: string): Promise<CommandSession> {
  try {
    return await CommandSession.open(url)
  } catch (error) {
    throw new CopyRefused(`Cannot connect to ${describeTarget(url)}: ${(error as Error).message}`)
  }
}

/** A database with tables but no record of this platform's migrations belongs to something else: left alone. */
async function refuseForeignDatabase(client: pg.Client) {
  const { rows } = await client.query<{ tables: string; migrated: boolean }>(
    `SELECT (SELECT count(*) FROM pg_tables WHERE schemaname = current_schema()) AS tables,
            to_regclass('drizzle.__drizzle_migrations') IS NOT NULL AS migrated`
  )
  const [{ tables, migrated }] = rows as [{ tables: string; migrated: boolean }]
  if (Number(tables) > 0 && !migrated) {
    throw new CopyRefused(
      "The target database has tables but none of this platform's migrations: give a new, empty database"
    )
  }
}

/** Host, port and database of a URL, without the user's password. */
export function describeTarget(url: string): string {
  try {
    const parsed = new URL(url)
    return `${parsed.host}${parsed.pathname}`
  } catch {
    return 'the target database'
  }
}
