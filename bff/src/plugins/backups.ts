import fp from 'fastify-plugin'
import { mkdir, readdir, rm, stat } from 'node:fs/promises'
import path from 'node:path'
import { addDays, beijingClock, beijingDateOf } from '@veterans/shared/rules'
import { backupDatabase, type BackupResult } from '../db/backup'

declare module 'fastify' {
  interface FastifyInstance {
    /** The daily backup: `runDue()` takes today's if it is its hour (a timer calls it every minute). */
    backups: DailyBackups
  }
}

export interface DailyBackups {
  /**
   * Within the Beijing hour BACKUP_HOUR (by app.clock()), if today's backup is not in the folder yet: writes
   * it, then removes daily backups older than BACKUP_KEEP_DAYS. Resolves with what it did, or null if nothing was
   * due; a call while one runs waits for that one instead of starting another.
   */
  runDue(): Promise<(BackupResult & { removed: string[] }) | null>
}

/** Daily backups are named for their Beijing date; retention touches no other file. */
const DAILY_NAME = /^daily-(\d{4}-\d{2}-\d{2})\.db$/
/** A copy left half-written by a process that died; one a running backup writes is far younger. */
const PARTIAL_NAME = /^daily-\d{4}-\d{2}-\d{2}\.db\.partial-[0-9a-f]+$/
const PARTIAL_STALE_MS = 24 * 60 * 60 * 1000
const CHECK_MS = 60_000
/** After a failure (disk full, say) the next attempt waits this long, rather than a whole copy every minute. */
const RETRY_MS = 10 * 60 * 1000

const dailyName = (date: string) => `daily-${date}.db`

export default fp(
  async (app) => {
    const settings = app.config.dailyBackup
    if (!settings) {
      app.decorate('backups', { runDue: async () => null })
      return
    }
    const { dir, hour, keepDays } = settings
    const stopping = new AbortController()
    let failedAt = -Infinity

    const takeIfDue = async () => {
      const now = app.clock()
      // Only within its hour, one chosen as quiet: a server restarted at a busy time does not start a copy then.
      if (beijingClock(now).hour !== hour || now - failedAt < RETRY_MS) return null
      const today = beijingDateOf(now)
      const target = path.join(dir, dailyName(today))
      // The folder, not memory, says whether today's is done: a restart after the backup does not take another.
      if (await exists(target)) return null
      try {
        await mkdir(dir, { recursive: true })
        const result = await backupDatabase(app.config.databasePath, target, stopping.signal)
        // Only after a good backup: while backups fail, the old ones are all there is.
        const removed = await removeOld(dir, addDays(today, -(keepDays - 1)))
        app.log.info(
          { backup: { file: path.basename(result.file), bytes: result.bytes, ms: result.ms, removed } },
          'daily backup written'
        )
        return { ...result, removed }
      } catch (error) {
        failedAt = now
        throw error
      }
    }

    let running: ReturnType<DailyBackups['runDue']> | null = null
    const runDue = () =>
      (running ??= takeIfDue().finally(() => {
        running = null
      }))

    app.decorate('backups', { runDue })
    const timer = setInterval(() => {
      runDue().catch((err: Error) => {
        if (stopping.signal.aborted) app.log.info('daily backup abandoned: the server is stopping')
        else app.log.error({ err }, 'daily backup failed')
      })
    }, CHECK_MS)
    timer.unref()
    app.addHook('onClose', async () => {
      clearInterval(timer)
      // A backup in progress is abandoned (its partial file removed); a start later within the hour takes it again.
      stopping.abort()
      await running?.catch(() => undefined)
    })
  },
  { name: 'backups', dependencies: ['db'] }
)

/** Removes daily backups dated before `oldestKept`, and partial copies a dead process left; returns the names. */
async function removeOld(dir: string, oldestKept: string): Promise<string[]> {
  const removed: string[] = []
  for (const name of await readdir(dir)) {
    const date = DAILY_NAME.exec(name)?.[1]
    const stalePartial =
      PARTIAL_NAME.test(name) && Date.now() - (await stat(path.join(dir, name))).mtimeMs > PARTIAL_STALE_MS
    if ((date && date < oldestKept) || stalePartial) {
      await rm(path.join(dir, name), { force: true })
      removed.push(name)
    }
  }
  return removed.sort()
}

const exists = (file: string) =>
  stat(file).then(
    () => true,
    () => false
  )
