import type { ImportJob } from '@veterans/shared'
import type { ApiError } from '../../api/errors'

/** How often a running import is asked where it stands. */
export const IMPORT_POLL_MS = 1_000

/** Processed / total as a whole percentage (a finished job is 100 %, whatever its counts). */
export function progressPercent(job: Pick<ImportJob, 'status' | 'processed' | 'total'>): number {
  if (job.status !== 'running') return 100
  if (job.total <= 0) return 0
  return Math.min(100, Math.floor((job.processed / job.total) * 100))
}

export const isFinished = (job: Pick<ImportJob, 'status'>): boolean => job.status !== 'running'

/** Shown above the report, by how the job ended. */
export function jobHeadline(job: ImportJob): string {
  if (job.status === 'running') return job.dryRun ? '正在试运行…' : '正在导入…'
  if (job.status === 'failed') return job.dryRun ? '试运行没有完成' : '导入没有完成'
  if (job.dryRun) return job.errorCount > 0 ? '试运行完成，有些行需要修改' : '试运行完成，没有发现问题'
  return job.errorCount > 0 ? '导入完成，有些行没有导入' : '导入完成'
}

/** 已处理 1,200 / 5,000 行 */
export function progressText(job: Pick<ImportJob, 'processed' | 'total'>): string {
  const n = (value: number) => value.toLocaleString('en-US')
  return `已处理 ${n(job.processed)} / ${n(job.total)} 行`
}

/**
 * What to tell the person when a file was refused: the server's own words for an unreadable file (they say what
 * was wrong), and a way on for a file too large.
 */
export function fileRefusalText(error: Pick<ApiError, 'code' | 'message' | 'status'>): string {
  if (error.code === 'IMPORT_FILE_INVALID') return `${error.message}。可以用 Excel 或 WPS 另存为 CSV 或 XLSX 后再选择。`
  if (error.code === 'TOO_LARGE' || error.status === 413) {
    // The server names its limit for spreadsheets; the shared default speaks of photos (a proxy's bare 413).
    const said = /CSV|XLSX/.test(error.message) ? `${error.message}。` : '文件太大，无法导入。'
    return `${said}请把表格拆成几个较小的文件，分几次导入。`
  }
  return error.message
}

/** The file types the chooser offers. */
export const IMPORT_EXTENSIONS = ['csv', 'xlsx'] as const

/** Whether a chosen file's name says it is one the server reads. */
export const isImportableName = (name: string): boolean => /\.(csv|xlsx)$/i.test(name)
