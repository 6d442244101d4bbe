import { and, asc, eq, isNull, lte, or, sql } from 'drizzle-orm'
import type { Conn, Db } from '../../../db/client'
import { groupCommit } from '../../../db/group-commit'
import { query, rowsChanged } from '../../../db/query'
import { importJobErrors, importJobs, type veterans } from '../../../db/schema/index'
import { insertAudit, type AuditEntryInput } from '../../platform/audit-repo'

export type ImportJobRow = typeof importJobs.$inferSelect
export type NewImportJobRow = typeof importJobs.$inferInsert
type VeteranRow = typeof veterans.$inferSelect
type NewVeteranRow = typeof veterans.$inferInsert

export async function insertJob(db: Db, row: NewImportJobRow) {
  await db.insert(importJobs).values(row)
}

export async function findJob(db: Db, id: string) {
  const [job] = await db.select().from(importJobs).where(eq(importJobs.id, id)).limit(1)
  return job
}

export async function runningJobs(db: Db) {
  return await db.select().from(importJobs).where(eq(importJobs.status, 'running')).orderBy(asc(importJobs.id))
}

export async function setTotal(db: Db, id: string, total: number, now: string) {
  await db.update(importJobs).set({ total, updatedAt: now }).where(eq(importJobs.id, id))
}

/** An instance's claim on a running job: only the owner runs it, and only while its lease holds. */
export interface ImportLease {
  owner: string
  leaseUntil: string
}

/** Thrown inside a batch's transaction when the job is no longer ours: the batch is rolled back. */
export class LeaseLostError extends Error {
  constructor(jobId: string) {
    super(`import ${jobId} is run by another instance now`)
  }
}

const ownedBy = (id: string, owner: string) =>
  and(eq(importJobs.id, id), eq(importJobs.status, 'running'), eq(importJobs.owner, owner))

/**
 * Claims a running job for `lease.owner` in one conditional UPDATE: it succeeds when the job is already the
 * owner's (it was inserted with its lease) or when nobody's lease holds any more (released, or run out).
 */
export async function claimJob(db: Db, id: string, lease: ImportLease, now: string): Promise<boolean> {
  const claimed = await db
    .update(importJobs)
    .set(lease)
    .where(
      and(
        eq(importJobs.id, id),
        eq(importJobs.status, 'running'),
        or(eq(importJobs.owner, lease.owner), isNull(importJobs.leaseUntil), lte(importJobs.leaseUntil, now))
      )
    )
  return rowsChanged(claimed) === 1
}

/** Extends the owner's lease; false when another instance has taken the job (or it has ended). */
export async function renewLease(db: Db, id: string, lease: ImportLease): Promise<boolean> {
  return rowsChanged(await db.update(importJobs).set(lease).where(ownedBy(id, lease.owner))) === 1
}

/** At shutdown: the job stays running with its lease ended, so another instance can go on with it at once. */
export async function releaseJob(db: Db, id: string, owner: string) {
  await db.update(importJobs).set({ leaseUntil: null }).where(ownedBy(id, owner))
}

/** Ends a job (done or failed) if `owner` still runs it: the file it kept is forgotten, as the caller deletes it. */
export async function finishJob(
  db: Db,
  id: string,
  owner: string,
  outcome: { status: 'done' | 'failed'; failure?: string },
  now: string
): Promise<boolean> {
  const finished = await db
    .update(importJobs)
    .set({
      status: outcome.status,
      failure: outcome.failure ?? null,
      filePath: null,
      finishedAt: now,
      updatedAt: now,
      leaseUntil: null
    })
    .where(ownedBy(id, owner))
  return rowsChanged(finished) === 1
}

export async function firstErrors(db: Db, jobId: string, limit: number) {
  return await db
    .select({ row: importJobErrors.row, message: importJobErrors.message })
    .from(importJobErrors)
    .where(eq(importJobErrors.jobId, jobId))
    .orderBy(asc(importJobErrors.row))
    .limit(limit)
}

/** Every refused row, in row order, a page at a time (the errors CSV streams them). */
export async function errorsAfter(db: Db, jobId: string, afterRow: number, limit: number) {
  return await db
    .select({ row: importJobErrors.row, message: importJobErrors.message })
    .from(importJobErrors)
    .where(and(eq(importJobErrors.jobId, jobId), sql`${importJobErrors.row} > ${afterRow}`))
    .orderBy(asc(importJobErrors.row))
    .limit(limit)
}

/** What to do with one checked row once its existing record (if any) is known. */
export type RowDecision =
  | { kind: 'create'; row: NewVeteranRow }
  | { kind: 'update'; changes: Partial<NewVeteranRow> }
  | { kind: 'unchanged' }
  | { kind: 'error'; message: string }

export interface BatchRow {
  row: number
  /** The keyed hash of the row's ID number; absent for a row already refused. */
  idNumberHash?: string
  error?: string
}

export interface BatchResult {
  created: number
  updated: number
  unchanged: number
  errors: number
}

/**
 * Applies one batch of rows in ONE transaction with the job's counters: `processed` moves only with the rows it
 * covers, so after a crash the job resumes exactly after the last committed batch. The counters move only while
 * `lease.owner` owns the job (its lease renewed with them); otherwise LeaseLostError rolls the batch back. A dry run
 * decides the same way and writes only the job's own rows.
 */
export async function applyBatch<R extends BatchRow>(
  db: Db,
  job: { id: string; dryRun: boolean },
  lease: ImportLease,
  rows: R[],
  decide: (row: R, existing: VeteranRow | undefined) => RowDecision,
  audit: AuditEntryInput,
  now: string
): Promise<BatchResult> {
  return groupCommit(db, async (tx) => {
    const result: BatchResult = { created: 0, updated: 0, unchanged: 0, errors: 0 }
    // Plain SQL, prepared once per connection (query() keeps it): drizzle builds and prepares its SQL on every
    // call, several times the cost of running it, which 100,000 rows would feel.
    const findByHash = query(tx, 'SELECT * FROM veterans WHERE id_number_hash = ?')
    const insertVeteran = query(tx, INSERT_VETERAN_SQL)
    const insertError = query(tx, 'INSERT INTO import_job_errors (job_id, row, message) VALUES (?, ?, ?)')
    const createdIds: string[] = []
    const updatedIds: string[] = []
    for (const row of rows) {
      let decision: RowDecision
      let existing: VeteranRow | undefined
      if (row.error !== undefined || row.idNumberHash === undefined)
        decision = { kind: 'error', message: row.error ?? '' }
      else {
        const raw = await findByHash.get(row.idNumberHash)
        existing = raw ? veteranFromSql(raw) : undefined
        decision = decide(row, existing)
      }
      switch (decision.kind) {
        case 'create':
          result.created += 1
          if (!job.dryRun) {
            await insertVeteran.run(veteranParams(decision.row))
            createdIds.push(decision.row.id)
          }
          break
        case 'update': {
          result.updated += 1
          if (!job.dryRun && existing) {
            await updateVeteran(tx, existing.id, decision.changes)
            updatedIds.push(existing.id)
          }
          break
        }
        case 'unchanged':
          result.unchanged += 1
          break
        case 'error':
          result.errors += 1
          await insertError.run(job.id, row.row, decision.message)
          break
      }
    }
    const counted = await tx
      .update(importJobs)
      .set({
        processed: sql`${importJobs.processed} + ${rows.length}`,
        created: sql`${importJobs.created} + ${result.created}`,
        updated: sql`${importJobs.updated} + ${result.updated}`,
        unchanged: sql`${importJobs.unchanged} + ${result.unchanged}`,
        errorCount: sql`${importJobs.errorCount} + ${result.errors}`,
        leaseUntil: lease.leaseUntil,
        updatedAt: now
      })
      .where(ownedBy(job.id, lease.owner))
    if (rowsChanged(counted) !== 1) throw new LeaseLostError(job.id)
    if (createdIds.length || updatedIds.length) {
      await insertAudit(
        tx,
        { ...audit, detail: { ...audit.detail, created: createdIds.length, updated: updatedIds.length } },
        now
      )
    }
    return result
  })
}

/** The columns an import writes, with the parameter name each takes from a row. */
const COLUMNS: [column: string, key: keyof NewVeteranRow][] = [
  ['id', 'id'],
  ['name', 'name'],
  ['id_number_enc', 'idNumberEnc'],
  ['id_number_hash', 'idNumberHash'],
  ['id_number_masked', 'idNumberMasked'],
  ['gender', 'gender'],
  ['birth_date', 'birthDate'],
  ['district_code', 'districtCode'],
  ['category', 'category'],
  ['enlist_date', 'enlistDate'],
  ['discharge_date', 'dischargeDate'],
  ['phone_enc', 'phoneEnc'],
  ['phone_masked', 'phoneMasked'],
  ['disability_level', 'disabilityLevel'],
  ['status', 'status'],
  ['served_unit', 'servedUnit'],
  ['notes', 'notes'],
  ['created_by', 'createdBy'],
  ['created_at', 'createdAt'],
  ['updated_at', 'updatedAt']
]
const COLUMN_OF = new Map(COLUMNS.map(([column, key]) => [key, column]))

const INSERT_VETERAN_SQL = `INSERT INTO veterans (${COLUMNS.map(([c]) => c).join(', ')}) VALUES (${COLUMNS.map(
  ([, key]) => '@' + key
).join(', ')})`

function veteranParams(row: Partial<NewVeteranRow>): Record<string, unknown> {
  const params: Record<string, unknown> = {}
  for (const [, key] of COLUMNS) params[key] = row[key] ?? null
  return params
}

/** Sets the changed columns only; the statement is prepared once for each set of columns. */
async function updateVeteran(tx: Conn, id: string, changes: Partial<NewVeteranRow>) {
  const keys = (Object.keys(changes) as (keyof NewVeteranRow)[]).filter((key) => COLUMN_OF.has(key)).sort()
  const text = `UPDATE veterans SET ${keys.map((key) => `${COLUMN_OF.get(key)} = @${key}`).join(', ')} WHERE id = @id`
  await query(tx, text).run({ ...Object.fromEntries(keys.map((key) => [key, changes[key] ?? null])), id })
}

/** A row read with a prepared statement (snake_case columns) as drizzle's row type. */
function veteranFromSql(raw: Record<string, unknown>): VeteranRow {
  return {
    id: raw.id as string,
    name: raw.name as string,
    idNumberEnc: raw.id_number_enc as string,
    idNumberHash: raw.id_number_hash as string,
    idNumberMasked: raw.id_number_masked as string,
    gender: raw.gender as VeteranRow['gender'],
    birthDate: raw.birth_date as string,
    districtCode: raw.district_code as string,
    category: raw.category as VeteranRow['category'],
    enlistDate: raw.enlist_date as string | null,
    dischargeDate: raw.discharge_date as string | null,
    phoneEnc: raw.phone_enc as string | null,
    phoneMasked: raw.phone_masked as string | null,
    disabilityLevel: raw.disability_level as number | null,
    status: raw.status as VeteranRow['status'],
    servedUnit: raw.served_unit as string | null,
    notes: raw.notes as string | null,
    createdBy: raw.created_by as string | null,
    createdAt: raw.created_at as string,
    updatedAt: raw.updated_at as string
  }
}
