// Errors the repositories tell apart, whichever database raised them.

/** The driver's error code; drizzle wraps the driver's error in its own (as `cause`). */
export function codeOf(error: unknown): unknown {
  const outer = error as { code?: unknown; cause?: { code?: unknown } } | null
  return outer?.code ?? outer?.cause?.code
}

/** A UNIQUE constraint or unique index refused the write (SQLite's SQLITE_CONSTRAINT_UNIQUE, PostgreSQL's 23505). */
export function isUniqueViolation(error: unknown): boolean {
  const code = codeOf(error)
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === '23505'
}
