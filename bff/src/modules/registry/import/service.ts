import { rm } from 'node:fs/promises'
import type { ImportAccepted, ImportJob, ImportPreview } from '@veterans/shared'
import type { Ctx } from '../../../context'
import { AppError } from '../../../lib/app-error'
import { newId } from '../../../lib/ids'
import type { Principal } from '../../../lib/principal'
import { registryScopeOf } from '../scope'
import * as jobsRepo from './jobs-repo'
import { parseMappingField, resolveColumns, suggestMapping } from './mapping'
import { openSheet, readStart } from './open-file'
import type { ImportRunner } from './runner'
import type { ReceivedFile } from './upload'

const PREVIEW_ROWS = 5
const ERRORS_SHOWN = 100

/** Removes the uploaded file when reading it fails, so a refused file never stays on disk. */
async function removingOnFailure<T>(filePath: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work()
  } catch (error) {
    await rm(filePath, { force: true })
    throw error
  }
}

/** The headers and first rows of a file, how it was read, and the mapping suggested from its headers. Nothing is kept. */
export async function previewImport(file: ReceivedFile): Promise<ImportPreview> {
  try {
    const sheet = await openSheet(file.filePath)
    const { header, firstRows } = await readStart(sheet, PREVIEW_ROWS)
    const width = header.cells.length
    return {
      format: sheet.format,
      encoding: sheet.encoding,
      headers: header.cells,
      rows: firstRows.map((row) => Array.from({ length: width }, (_, i) => row.cells[i] ?? '')),
      suggestedMapping: suggestMapping(header.cells)
    }
  } finally {
    await rm(file.filePath, { force: true })
  }
}

/**
 * Checks that the file can be read and has the required columns (else 422 at once), records the job and starts it in
 * the background. The file stays on disk until the job ends.
 */
export async function startImport(
  ctx: Ctx,
  runner: ImportRunner,
  principal: Principal,
  file: ReceivedFile,
  dryRun: boolean
): Promise<ImportAccepted> {
  const { sheet, mapping } = await removingOnFailure(file.filePath, async () => {
    const given = parseMappingField(file.mapping)
    const opened = await openSheet(file.filePath)
    const { header } = await readStart(opened, 1)
    const chosen = given ?? suggestMapping(header.cells)
    resolveColumns(header.cells, chosen)
    return { sheet: opened, mapping: chosen }
  })
  const now = new Date().toISOString()
  const id = newId()
  await jobsRepo.insertJob(ctx.db, {
    id,
    staffId: principal.userId,
    scopeDistrictCode: registryScopeOf(principal),
    dryRun,
    status: 'running',
    fileName: file.fileName,
    fileFormat: sheet.format,
    filePath: file.filePath,
    mapping,
    ...runner.newLease(),
    createdAt: now,
    updatedAt: now
  })
  await runner.start(id)
  return { jobId: id }
}

/** A job is seen by the staff member who started it and by admins; anyone else: 404. */
async function jobFor(ctx: Ctx, principal: Principal, id: string) {
  const job = await jobsRepo.findJob(ctx.db, id)
  if (!job || (job.staffId !== principal.userId && principal.role !== 'admin')) throw new AppError('NOT_FOUND')
  return job
}

export async function getImportJob(ctx: Ctx, principal: Principal, id: string): Promise<ImportJob> {
  const job = await jobFor(ctx, principal, id)
  return {
    id: job.id,
    status: job.status,
    dryRun: job.dryRun,
    fileName: job.fileName,
    total: job.total,
    processed: job.processed,
    created: job.created,
    updated: job.updated,
    unchanged: job.unchanged,
    errorCount: job.errorCount,
    errors: await jobsRepo.firstErrors(ctx.db, id, ERRORS_SHOWN),
    failure: job.failure,
    createdAt: job.createdAt,
    finishedAt: job.finishedAt
  }
}

/** CSV text of a field: quoted when it must be; a leading = + - @ is defused so Excel does not run it as a formula. */
export function csvField(value: string | number | null): string {
  let text = value === null ? '' : String(value)
  if (/^[=+\-@\t\r]/.test(text)) text = "'" + text
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

/** Every refused row of a job as CSV lines (UTF-8 with BOM, for Excel on Chinese Windows), a page at a time. */
export async function* importErrorsCsv(ctx: Ctx, principal: Principal, id: string): AsyncGenerator<string> {
  await jobFor(ctx, principal, id)
  yield '\uFEFF行号,原因\r\n'
  let after = 0
  for (;;) {
    const page = await jobsRepo.errorsAfter(ctx.db, id, after, 1000)
    if (!page.length) return
    yield page.map((e) => `${e.row},${csvField(e.message)}\r\n`).join('')
    after = page[page.length - 1]!.row
  }
}

/** Checks access before any byte is sent, so a refusal is a proper error answer. */
export async function assertCanSeeJob(ctx: Ctx, principal: Principal, id: string) {
  await jobFor(ctx, principal, id)
}
