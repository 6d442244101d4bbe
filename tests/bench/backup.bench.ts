// Backup of a big database while the server takes writes: the longest event-loop block and the writes' latency,
// side by side with the same writes and no backup (the baseline, same run); the backup alone on an idle server; and
// the backup API (`db.backup()` on the app's connection, 100-page steps on the event loop), which is not used.
// The database: the demo data plus the dashboard benchmark's 100,000 veterans, 500,000 bookings, 200,000 messages.
// Run: cd tests && pnpm exec tsx bench/backup.bench.ts
import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { recordResult } from './results'
import { generateStatsData } from './stats-generate'

const VOLUMES = { veterans: 100_000, bookings: 500_000, messages: 200_000 }
/** Blocks of the event loop longer than this are counted as such (a 1 ms timer is expected to fire every ms). */
const TICK_MS = 1

const { buildApp } = await import('@veterans/bff')
const { testConfig, signInWechat } = await import('@veterans/bff/testing')

const dir = mkdtempSync(path.join(tmpdir(), 'backup-bench-'))
const dbFile = path.join(dir, 'bench.db')
const beijing = (date: string, time: string) => Date.parse(`${date}T${time}:00+08:00`)
const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10)
const config = testConfig({
  DATABASE_URL: `file:${dbFile}`,
  BACKUP_DIR: path.join(dir, 'backups'),
  BACKUP_HOUR: '3',
  LOG_LEVEL: 'silent',
  RATE_LIMITS: 'off'
})

/** The longest gap between ticks of a 1 ms timer while `work` runs, beyond the 1 ms: the longest block. */
async function longestBlock<T>(
  work: () => Promise<T>
): Promise<{ value: T; blockMs: number; ms: number; busy: number }> {
  // How much of the time the event loop was running code: a gap with an idle loop was the machine's doing.
  const utilization = performance.eventLoopUtilization()
  let last = performance.now()
  let longest = 0
  const timer = setInterval(() => {
    const now = performance.now()
    longest = Math.max(longest, now - last - TICK_MS)
    last = now
  }, TICK_MS)
  const started = performance.now()
  try {
    const value = await work()
    const { utilization: busy } = performance.eventLoopUtilization(utilization)
    return { value, blockMs: longest, ms: performance.now() - started, busy }
  } finally {
    clearInterval(timer)
  }
}

try {
  const seeded = await buildApp(config)
  await seeded.ready()
  await seeded.close()
  generateStatsData(dbFile, VOLUMES)
  const databaseBytes = statSync(dbFile).size

  let now = beijing(today, '03:00')
  const app = await buildApp(config, { clock: () => now })
  await app.ready()
  const resident = await signInWechat(app, 'zhangmin')
  const thread = await resident.request({
    method: 'POST',
    url: '/api/v1/threads',
    payload: { category: 'preferential', subject: '备份压测', body: '第一条' }
  })
  const threadId = thread.json<{ id: string }>().id

  // Messages posted one after another for as long as `work` runs: the writes the server keeps taking.
  const whileWriting = async <T>(work: () => Promise<T>) => {
    let done = false
    const latencies: number[] = []
    const writer = (async () => {
      for (let n = 0; !done; n++) {
        const sent = performance.now()
        const response = await resident.request({
          method: 'POST',
          url: `/api/v1/threads/${threadId}/messages`,
          payload: { body: `备份期间 ${n}` },
          headers: { 'idempotency-key': `backup-bench-${n}-${Math.random()}` }
        })
        if (response.statusCode !== 201) throw new Error(`message: ${response.statusCode} ${response.body}`)
        latencies.push(performance.now() - sent)
      }
    })()
    const measured = await longestBlock(async () => {
      try {
        return await work()
      } finally {
        done = true
      }
    })
    await writer
    latencies.sort((a, b) => a - b)
    const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!
    return { ...measured, written: latencies.length, p50: at(0.5), p99: at(0.99) }
  }

  const daily = await whileWriting(() => app.backups.runDue())
  if (!daily.value) throw new Error('the daily backup did not run')
  const baseline = await whileWriting(() => new Promise((resolve) => setTimeout(resolve, daily.ms)))
  now += 24 * 3_600_000
  const idle = await longestBlock(() => app.backups.runDue())
  const idleBaseline = await longestBlock(() => new Promise((resolve) => setTimeout(resolve, idle.ms)))
  const backupApiFile = path.join(dir, 'backup-api.db')
  const backupApi = await whileWriting(() => app.sqlite.backup(backupApiFile))

  const row = (cells: (string | number)[]) => `| ${cells.map(String).join(' | ')} |`
  const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`
  const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`
  const block = (ms: number, base = baseline.blockMs) =>
    `${ms.toFixed(0)} ms (${(ms / Math.max(base, 1)).toFixed(1)} × baseline)`
  const writes = (w: typeof baseline) => `${w.written}, p50 ${w.p50.toFixed(1)} / p99 ${w.p99.toFixed(0)} ms`
  console.log(`\nBackup benchmark: database ${mb(databaseBytes)}; messages posted one after another meanwhile\n`)
  const busy = (m: { busy: number }) => `${(m.busy * 100).toFixed(0)} %`
  const lines = [
    row([
      'measurement',
      'duration',
      'longest event-loop block',
      'event loop busy',
      'messages written, latency',
      'file'
    ]),
    row(['---', '---:', '---:', '---:', '---:', '---:']),
    row([
      'same writes, no backup (baseline)',
      seconds(baseline.ms),
      `${baseline.blockMs.toFixed(0)} ms`,
      busy(baseline),
      writes(baseline),
      ''
    ]),
    row([
      'daily backup (VACUUM INTO in a worker, integrity check, fsync)',
      seconds(daily.ms),
      block(daily.blockMs),
      busy(daily),
      writes(daily),
      mb(daily.value.bytes)
    ]),
    row([
      'no writes, no backup (baseline of the next row)',
      seconds(idleBaseline.ms),
      `${idleBaseline.blockMs.toFixed(0)} ms`,
      busy(idleBaseline),
      '',
      ''
    ]),
    row([
      'daily backup, no writes meanwhile',
      seconds(idle.ms),
      block(idle.blockMs, idleBaseline.blockMs),
      busy(idle),
      '',
      ''
    ]),
    row([
      'backup API on the app connection, 100-page steps (not used; no integrity check)',
      seconds(backupApi.ms),
      block(backupApi.blockMs),
      busy(backupApi),
      writes(backupApi),
      mb(statSync(backupApiFile).size)
    ])
  ]
  console.log(lines.join('\n'))
  recordResult('backup', { table: lines, databaseBytes })
  await app.close()
} finally {
  rmSync(dir, { recursive: true, force: true })
}
