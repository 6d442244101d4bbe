import { randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import { rm } from 'node:fs/promises'
import { hostname } from 'node:os'
import { beijingToday, maskIdNumber, maskPhone, normalizeIdNumber, parseIdNumber } from '@veterans/shared'
import type { Ctx } from '../../../context'
import { newId } from '../../../lib/ids'
import { allDistricts } from '../districts-repo'
import { inRegistryScope } from '../scope'
import * as jobsRepo from './jobs-repo'
import { resolveColumns, type ColumnMap } from './mapping'
import { openSheet } from './open-file'
import { isEmptyRow, type SheetRow } from './sheet-row'
import { checkRow, districtLookup, type ImportedRecord, type RowContext } from './validate-row'

// Import jobs run in this process, in batches: each batch of rows and the job's counters commit in one transaction,
// and the event loop is let go between batches so the server keeps answering. The job row is the truth: after a
// restart, a running job resumes after its last committed batch, or is marked failed when its file is gone.
// With several instances on one database, a job is run by the one holding its lease (owner, lease_until): renewed
// with every batch and by a timer, released at shutdown, and taken over by another instance once it has run out.
// The upload waits in the uploads folder beside the database, so an instance taking a job over reads the same file:
// true for instances on one machine (or sharing one volume, as they must to share the SQLite file); one without the
// file marks the job failed.

/** Rows per transaction: large enough for speed, small enough that other requests wait little in between. */
export const BATCH_ROWS = 1000

/** How long a claim on a job holds unrenewed: the jobs of an instance that died wait this long to be taken over. */
export const LEASE_MS = 60_000
const RENEW_MS = LEASE_MS / 3

export interface ImportRunner {
  /** A lease for a new job, written with it so that no other instance starts it first. */
  newLease(): jobsRepo.ImportLease
  /**
   * Starts (or resumes) a running job in the background, if this instance can claim it; answers once the claim is
   * decided, whether it was taken.
   */
  start(jobId: string): Promise<boolean>
  /**
   * At start and then at every poll: claims and resumes every running job no live instance holds, or marks it
   * failed if its file is gone.
   */
  resumeRunning(): Promise<void>
  /** At shutdown: jobs stop after their current batch and stay running, released for any instance to resume. */
  stop(): Promise<void>
}

/** Whether this instance still owns a job it runs (the renewal timer finds out when another has taken it). */
interface Claim {
  lost: boolean
}

type CheckedRow = jobsRepo.BatchRow & { record?: ImportedRecord }

/** csv-parse's errors carry a code such as CSV_QUOTE_NOT_CLOSED. */
function isBrokenCsv(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code
  return typeof code === 'string' && code.startsWith('CSV_')
}

const letOthersIn = () => new Promise<void>((resolve) => setImmediate(resolve))

export function createImportRunner(ctx: Ctx): ImportRunner {
  const running = new Map<string, Promise<void>>()
  let stopping = false
  // Several apps may share a process (tests), hence the random part.
  const owner = `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`
  const newLease = () => ({ owner, leaseUntil: new Date(Date.now() + LEASE_MS).toISOString() })

  async function fail(job: jobsRepo.ImportJobRow, reason: string) {
    const latest = (await jobsRepo.findJob(ctx.db, job.id)) ?? job
    const applied = job.dryRun ? '已检查' : '其中没有错误的行已写入登记'
    return jobsRepo.finishJob(
      ctx.db,
      job.id,
      owner,
      {
        status: 'failed',
        failure: `${reason}。已处理 ${latest.processed} / ${latest.total} 行（${applied}）。请重新导入这个文件：已导入的记录会计为“未变化”。`
      },
      new Date().toISOString()
    )
  }

  async function renew(jobId: string, claim: Claim) {
    try {
      if (!(await jobsRepo.renewLease(ctx.db, jobId, newLease()))) claim.lost = true
    } catch (err) {
      // A busy database: the next renewal (or batch) tries again well before the lease runs out.
      ctx.log.warn({ err, jobId }, 'registry import lease not renewed')
    }
  }

  async function run(jobId: string) {
    const job = await jobsRepo.findJob(ctx.db, jobId)
    if (!job || job.status !== 'running' || job.owner !== owner) return
    if (!job.filePath || !existsSync(job.filePath)) {
      await fail(job, '导入中断后找不到上传的文件')
      return
    }
    const claim: Claim = { lost: false }
    const renewal = setInterval(() => void renew(jobId, claim), RENEW_MS)
    renewal.unref()
    let ended = false
    try {
      if ((await processFile(job, job.filePath, claim)) === 'stopped') {
        if (!claim.lost) await jobsRepo.releaseJob(ctx.db, jobId, owner)
        return
      }
      ended = await jobsRepo.finishJob(ctx.db, job.id, owner, { status: 'done' }, new Date().toISOString())
    } catch (err) {
      if (err instanceof jobsRepo.LeaseLostError) {
        // Our lease ran out (a stalled process) and another instance goes on with the job: its file stays.
        ctx.log.warn({ jobId }, 'registry import taken over by another instance')
        return
      }
      // A CSV that breaks part-way (a quote never closed) is the file's fault, told on the job; anything else is ours.
      if (isBrokenCsv(err)) {
        ctx.log.warn({ err, jobId }, 'registry import stopped: the CSV cannot be read to its end')
        ended = await fail(job, '文件中途有无法读取的内容（例如引号没有闭合），未能读完文件')
      } else {
        ctx.log.error({ err, jobId }, 'registry import failed')
        ended = await fail(job, '导入中途出错，未能读完文件')
      }
    } finally {
      clearInterval(renewal)
    }
    if (ended) await rm(job.filePath, { force: true })
  }

  /** Reads the file once to count its data rows, for the progress bar. */
  async function countRows(rows: AsyncGenerator<SheetRow>): Promise<number> {
    let count = -1 // the header
    let sinceYield = 0
    for await (const row of rows) {
      if (!isEmptyRow(row)) count += 1
      if (++sinceYield >= 5000) {
        sinceYield = 0
        await letOthersIn()
      }
    }
    return Math.max(count, 0)
  }

  /** Runs the job to its end, or until the server stops or another instance has taken the job. */
  async function processFile(
    job: jobsRepo.ImportJobRow,
    filePath: string,
    claim: Claim
  ): Promise<'finished' | 'stopped'> {
    const sheet = await openSheet(filePath)
    if (job.processed === 0) {
      const total = await countRows(sheet.rows())
      await jobsRepo.setTotal(ctx.db, job.id, total, new Date().toISOString())
      job = { ...job, total }
    }
    const districts = districtLookup(await allDistricts(ctx.db))
    let context: RowContext | null = null
    let columns: ColumnMap = {}
    /** ID number → the row it first appeared on, for the duplicates within the file. */
    const seen = new Map<string, number>()
    let dataRows = 0
    let batch: CheckedRow[] = []

    const flush = async () => {
      if (!batch.length) return
      const rows = batch
      batch = []
      const now = new Date().toISOString()
      await jobsRepo.applyBatch(
        ctx.db,
        job,
        newLease(),
        rows,
        (row, existing) => decide(job, row.record!, existing, now),
        {
          actorId: job.staffId,
          action: 'registry.import',
          entity: 'import_job',
          entityId: job.id,
          detail: { rows: `${rows[0]!.row}-${rows[rows.length - 1]!.row}` }
        },
        now
      )
    }

    for await (const row of sheet.rows()) {
      if (isEmptyRow(row)) continue
      if (!context) {
        columns = resolveColumns(
          row.cells.map((cell) => cell.trim()),
          job.mapping as Record<string, never>
        )
        context = {
          columns,
          districts,
          scopeDistrictCode: job.scopeDistrictCode,
          format: sheet.format,
          today: beijingToday()
        }
        continue
      }
      dataRows += 1
      const idIndex = columns.idNumber
      const idNumber = normalizeIdNumber(idIndex === undefined ? '' : (row.cells[idIndex] ?? ''))
      const validId = parseIdNumber(idNumber) !== null
      const firstSeen = validId ? seen.get(idNumber) : undefined
      if (validId && firstSeen === undefined) seen.set(idNumber, row.row)
      // Rows a committed batch already covered: only their ID numbers are remembered, for the duplicates.
      if (dataRows <= job.processed) continue

      const check = checkRow(row, context)
      if (!check.ok) batch.push({ row: row.row, error: check.message })
      else if (firstSeen !== undefined) batch.push({ row: row.row, error: `身份证号与第 ${firstSeen} 行重复` })
      else batch.push({ row: row.row, idNumberHash: ctx.pii.lookupHash(idNumber), record: check.record })

      if (batch.length >= BATCH_ROWS) {
        await flush()
        await letOthersIn()
        if (stopping || claim.lost) return 'stopped'
      }
    }
    await flush()
    return 'finished'
  }

  /** Creates a new record, or changes an existing one only where the file says something different. */
  function decide(
    job: jobsRepo.ImportJobRow,
    record: ImportedRecord,
    existing: Parameters<Parameters<typeof jobsRepo.applyBatch>[4]>[1],
    now: string
  ): jobsRepo.RowDecision {
    if (!existing) {
      return {
        kind: 'create',
        row: {
          id: newId(),
          name: record.name,
          idNumberEnc: ctx.pii.encrypt(record.idNumber),
          idNumberHash: ctx.pii.lookupHash(record.idNumber),
          idNumberMasked: maskIdNumber(record.idNumber),
          gender: record.gender,
          birthDate: record.birthDate,
          districtCode: record.districtCode,
          category: record.category,
          enlistDate: record.enlistDate ?? null,
          dischargeDate: record.dischargeDate ?? null,
          phoneEnc: record.phone ? ctx.pii.encrypt(record.phone) : null,
          phoneMasked: record.phone ? maskPhone(record.phone) : null,
          disabilityLevel: record.disabilityLevel ?? null,
          status: record.status ?? 'active',
          servedUnit: record.servedUnit ?? null,
          notes: record.notes ?? null,
          createdBy: job.staffId,
          createdAt: now,
          updatedAt: now
        }
      }
    }
    if (!inRegistryScope(job.scopeDistrictCode, existing.districtCode)) {
      return { kind: 'error', message: '该身份证号已登记在其他区县，请联系该区县修改' }
    }
    const changes: Record<string, unknown> = {}
    const compare = (key: string, value: unknown, current: unknown) => {
      if (value !== undefined && value !== current) changes[key] = value
    }
    compare('name', record.name, existing.name)
    if (record.genderGiven) compare('gender', record.gender, existing.gender)
    if (record.birthDateGiven) compare('birthDate', record.birthDate, existing.birthDate)
    compare('districtCode', record.districtCode, existing.districtCode)
    compare('category', record.category, existing.category)
    compare('enlistDate', record.enlistDate, existing.enlistDate)
    compare('dischargeDate', record.dischargeDate, existing.dischargeDate)
    compare('disabilityLevel', record.disabilityLevel, existing.disabilityLevel)
    compare('status', record.status, existing.status)
    compare('servedUnit', record.servedUnit, existing.servedUnit)
    compare('notes', record.notes, existing.notes)
    if (record.phone !== undefined) {
      const currentPhone = existing.phoneEnc ? ctx.pii.decrypt(existing.phoneEnc) : null
      if (record.phone !== currentPhone) {
        changes.phoneEnc = ctx.pii.encrypt(record.phone)
        changes.phoneMasked = maskPhone(record.phone)
      }
    }
    if (Object.keys(changes).length === 0) return { kind: 'unchanged' }
    return { kind: 'update', changes: { ...changes, updatedAt: now } }
  }

  return {
    newLease,
    async start(jobId) {
      if (stopping || running.has(jobId)) return false
      // Entered in `running` before the claim is answered, so that a second start meanwhile does not run it too.
      const claimed = jobsRepo.claimJob(ctx.db, jobId, newLease(), new Date().toISOString())
      const job = claimed
        .then(
          async (ok) => {
            if (!ok) return
            await run(jobId).catch((err: unknown) => ctx.log.error({ err, jobId }, 'registry import could not end'))
          },
          // A claim that failed is the caller's error (start answers it), not a run's.
          () => undefined
        )
        .finally(() => running.delete(jobId))
      running.set(jobId, job)
      return claimed
    },
    async resumeRunning() {
      for (const job of await jobsRepo.runningJobs(ctx.db)) {
        if (running.has(job.id)) continue
        if ((await this.start(job.id)) && job.owner && job.owner !== owner)
          ctx.log.info({ jobId: job.id, from: job.owner }, 'registry import taken over')
      }
    },
    async stop() {
      stopping = true
      await Promise.allSettled([...running.values()])
    }
  }
}
