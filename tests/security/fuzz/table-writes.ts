import type { buildTestApp } from '@veterans/bff/testing'

type Sqlite = Awaited<ReturnType<typeof buildTestApp>>['sqlite']

/**
 * Which tables the app wrote, seen by temporary triggers (they live on the test's connection only, and the
 * in-memory database has no other). Stronger than comparing row counts and the largest rowid: an UPDATE or a
 * DELETE followed by an INSERT shows too. Full-text index tables are left out; their source tables are watched.
 */
export function watchTableWrites(sqlite: Sqlite) {
  sqlite.exec('CREATE TEMP TABLE fuzz_writes (tbl TEXT NOT NULL)')
  const tables = sqlite
    .prepare(
      `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
         AND sql NOT LIKE 'CREATE VIRTUAL TABLE%'
         AND name NOT IN (SELECT v.name || s.suffix FROM sqlite_master v,
           (SELECT '_data' AS suffix UNION SELECT '_idx' UNION SELECT '_docsize' UNION SELECT '_config' UNION SELECT '_content') s
           WHERE v.sql LIKE 'CREATE VIRTUAL TABLE%')`
    )
    .pluck()
    .all() as string[]
  for (const table of tables) {
    for (const event of ['INSERT', 'UPDATE', 'DELETE']) {
      sqlite.exec(
        `CREATE TEMP TRIGGER "fuzz_${table}_${event}" AFTER ${event} ON main."${table}"
         BEGIN INSERT INTO temp.fuzz_writes (tbl) VALUES ('${table}'); END`
      )
    }
  }
  const count = sqlite.prepare('SELECT count(*) FROM temp.fuzz_writes').pluck()
  const written = sqlite.prepare('SELECT DISTINCT tbl FROM temp.fuzz_writes ORDER BY tbl').pluck()
  const clear = sqlite.prepare('DELETE FROM temp.fuzz_writes')
  return {
    tables,
    /** Rows written since the last take(). */
    count: () => count.get() as number,
    /** The tables written since the last take(), forgetting them. */
    take(): string[] {
      const names = written.all() as string[]
      clear.run()
      return names
    }
  }
}

export type TableWrites = ReturnType<typeof watchTableWrites>
