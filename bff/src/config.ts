import { isIP } from 'node:net'
import { randomBytes } from 'node:crypto'
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { REPO_ROOT } from './paths'

export interface Config {
  env: 'development' | 'production' | 'test'
  port: number
  host: string
  /** Path of the SQLite file, or ':memory:' (also when the database is PostgreSQL: no SQLite file is kept). */
  databasePath: string
  /**
   * PostgreSQL (DATABASE_URL=postgres://…) instead of SQLite, with this many pooled connections per instance
   * (PG_POOL_SIZE). Null: SQLite.
   */
  postgres: {
    url: string
    poolSize: number
    /**
     * Tests only (NODE_ENV=test, DATABASE_TEMPLATE): the database in `url` is created from this migrated template
     * when the app starts and dropped when it closes, so that each test app starts from a database of its own.
     */
    template: string | null
  } | null
  /**
   * SQLite's `synchronous` in WAL mode (DB_SYNCHRONOUS). `full`: an acknowledged write is on disk, it survives a
   * power cut. `normal`: it survives a crash of the process, but the last commits can be lost in a power cut.
   */
  dbSynchronous: 'full' | 'normal'
  /**
   * The daily backup (BACKUP_DIR, BACKUP_HOUR, BACKUP_KEEP_DAYS): written at `hour` Beijing time into `dir`, kept
   * `keepDays` days. Null for an in-memory database, or with BACKUP_HOUR=off.
   */
  dailyBackup: { dir: string; hour: number; keepDays: number } | null
  seed: 'demo' | 'none'
  demoPassword: string | null
  jwtSecret: string
  /** 32 bytes that encrypt and hash personal data at rest. */
  piiKey: Buffer
  wechat:
    | { mode: 'dev'; apiBase: string; timeoutMs: number }
    | { mode: 'real'; appId: string; secret: string; apiBase: string; timeoutMs: number }
  logLevel: string
  rateLimits: boolean
  /** Folder of the built H5 app served at `/`, if it exists. */
  h5Dir: string | null
  /** Booking cancellation cut-off before the slot starts. */
  cancelCutoffMinutes: number
  /**
   * Folder of uploaded photos: beside the SQLite file (on PostgreSQL ./data/uploads), or a throw-away temporary one
   * for an in-memory database or a PostgreSQL test app.
   */
  uploadsDir: string
  /** The uploads folder belongs to this process only (in-memory database): removed when the app closes. */
  uploadsDirTemporary: boolean
  /** WebSocket: how long a new socket has to send its auth frame, and how often open sockets are pinged. */
  realtime: { authTimeoutMs: number; heartbeatMs: number }
  /** Due jobs (reminders) and WeChat deliveries are looked for this often (JOB_POLL_MS). */
  jobs: { pollMs: number }
  /** WeChat subscription messages open this version of the mini-program (WECHAT_MINIPROGRAM_STATE). */
  wechatMiniprogramState: 'formal' | 'trial' | 'developer'
  /**
   * What several instances share (REDIS_URL, REDIS_PREFIX): realtime fan-out and rate-limit counters. Null: one
   * instance, everything in process. The prefix starts every key and channel, so deployments (or test runs) can
   * share one Redis.
   */
  redis: { url: string; prefix: string } | null
  /**
   * The proxies in front of the instances (TRUST_PROXY: addresses or CIDR ranges, comma-separated, or `loopback`):
   * requests from them are taken to come from the client their X-Forwarded-For names, so per-address rate limits
   * and logs see people, not the proxy. Empty: nobody is trusted.
   */
  trustProxy: string[]
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`)
  }
}

type Env = Record<string, string | undefined>

const DEFAULT_H5_DIR = path.join(REPO_ROOT, 'miniapp', 'dist', 'h5')
const DEFAULT_DATABASE_URL = 'file:./data/veterans.db'

/**
 * Reads the environment into a typed config. Every problem is reported at once, with the variable's name,
 * so an operator can fix a deployment in one go.
 */
export function loadConfig(env: Env = process.env): Config {
  const problems: string[] = []
  const nodeEnv = env.NODE_ENV === 'production' ? 'production' : env.NODE_ENV === 'test' ? 'test' : 'development'
  const production = nodeEnv === 'production'

  const port = Number(env.PORT ?? 3000)
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    problems.push(`PORT must be a port number, got "${env.PORT}"`)

  const databaseUrl = env.DATABASE_URL ?? DEFAULT_DATABASE_URL
  const postgres = isPostgresUrl(databaseUrl)
    ? {
        url: databaseUrl,
        poolSize: positiveInteger(env, 'PG_POOL_SIZE', 10, problems),
        template: (nodeEnv === 'test' && env.DATABASE_TEMPLATE) || null
      }
    : null
  const databasePath = postgres ? ':memory:' : parseDatabaseUrl(databaseUrl, problems)

  const dbSynchronous = (env.DB_SYNCHRONOUS ?? 'full').toLowerCase()
  if (dbSynchronous !== 'full' && dbSynchronous !== 'normal')
    problems.push(`DB_SYNCHRONOUS must be "full" or "normal", got "${env.DB_SYNCHRONOUS}"`)

  const dailyBackup = parseDailyBackup(env, databasePath, problems)

  const seed = env.SEED ?? 'none'
  if (seed !== 'demo' && seed !== 'none') problems.push(`SEED must be "demo" or "none", got "${seed}"`)

  const rateLimits = env.RATE_LIMITS ?? 'on'
  if (rateLimits !== 'on' && rateLimits !== 'off')
    problems.push(`RATE_LIMITS must be "on" or "off", got "${rateLimits}"`)

  const appId = env.WECHAT_APPID?.trim()
  const apiBase = (env.WECHAT_API_BASE ?? 'https://api.weixin.qq.com').replace(/\/+$/, '')
  const timeoutMs = Number(env.WECHAT_TIMEOUT_MS ?? 5000)
  if (!Number.isInteger(timeoutMs) || timeoutMs <= 0) problems.push('WECHAT_TIMEOUT_MS must be a positive whole number')
  let wechat: Config['wechat'] = { mode: 'dev', apiBase, timeoutMs }
  if (appId) {
    if (!env.WECHAT_SECRET) problems.push('WECHAT_SECRET is required when WECHAT_APPID is set')
    wechat = { mode: 'real', appId, secret: env.WECHAT_SECRET ?? '', apiBase, timeoutMs }
  } else if (production && env.WECHAT_DEV_MODE !== '1') {
    problems.push('WECHAT_APPID is unset: dev-WeChat sign-in is refused in production unless WECHAT_DEV_MODE=1')
  }

  const secrets = secretStore(databasePath)
  let jwtSecret = env.JWT_SECRET ?? ''
  if (!jwtSecret) {
    if (production) problems.push('JWT_SECRET is required in production')
    // Instances on one PostgreSQL must share the secrets; none are kept beside a SQLite file to read them from.
    else if (postgres) problems.push('JWT_SECRET is required with PostgreSQL')
    else jwtSecret = secrets.get('jwt.secret', () => randomBytes(32).toString('base64url'))
  } else if (jwtSecret.length < 32) problems.push('JWT_SECRET must be at least 32 characters')

  let piiKey: Buffer = Buffer.alloc(0)
  if (env.PII_KEY) {
    piiKey = decodeKey(env.PII_KEY)
    if (piiKey.length !== 32) problems.push('PII_KEY must be 32 bytes, as 64 hex characters or base64')
  } else if (production) {
    problems.push('PII_KEY is required in production: it encrypts ID numbers and phones at rest')
  } else if (postgres) {
    problems.push('PII_KEY is required with PostgreSQL: it encrypts ID numbers and phones at rest')
  } else {
    piiKey = decodeKey(secrets.get('pii.key', () => randomBytes(32).toString('hex')))
  }

  const cancelCutoffMinutes = Number(env.CANCEL_CUTOFF_MINUTES ?? 120)
  if (!Number.isInteger(cancelCutoffMinutes) || cancelCutoffMinutes < 0) {
    problems.push('CANCEL_CUTOFF_MINUTES must be a whole number of minutes')
  }

  const authTimeoutMs = positiveInteger(env, 'WS_AUTH_TIMEOUT_MS', 5000, problems)
  const heartbeatMs = positiveInteger(env, 'WS_HEARTBEAT_MS', 30_000, problems)
  const jobPollMs = positiveInteger(env, 'JOB_POLL_MS', 15_000, problems)
  const miniprogramState = env.WECHAT_MINIPROGRAM_STATE ?? 'formal'
  if (!['formal', 'trial', 'developer'].includes(miniprogramState))
    problems.push(`WECHAT_MINIPROGRAM_STATE must be "formal", "trial" or "developer", got "${miniprogramState}"`)

  const redis = parseRedis(env, problems)
  const trustProxy = parseTrustedProxies(env, problems)

  if (problems.length > 0) throw new ConfigError(problems)
  // On PostgreSQL a test app's database is its own, and so are its uploads; otherwise ./data/uploads (set
  // UPLOADS_DIR to a folder every instance shares when they run on several machines).
  const uploadsDirTemporary = !env.UPLOADS_DIR && databasePath === ':memory:' && (!postgres || nodeEnv === 'test')
  const uploadsDir = env.UPLOADS_DIR
    ? path.resolve(env.UPLOADS_DIR)
    : uploadsDirTemporary
      ? path.join(tmpdir(), `veterans-uploads-${randomBytes(8).toString('hex')}`)
      : postgres
        ? path.resolve('data', 'uploads')
        : path.join(path.dirname(databasePath), 'uploads')

  const h5Dir = env.H5_DIR ?? DEFAULT_H5_DIR
  return {
    env: nodeEnv,
    port,
    host: env.HOST ?? '127.0.0.1',
    databasePath,
    postgres,
    dbSynchronous: dbSynchronous as Config['dbSynchronous'],
    dailyBackup,
    seed: seed as Config['seed'],
    demoPassword: env.DEMO_PASSWORD || null,
    jwtSecret,
    piiKey,
    wechat,
    logLevel: env.LOG_LEVEL ?? (nodeEnv === 'test' ? 'silent' : 'info'),
    rateLimits: rateLimits === 'on',
    h5Dir: existsSync(path.join(h5Dir, 'index.html')) ? h5Dir : null,
    cancelCutoffMinutes,
    uploadsDir,
    uploadsDirTemporary,
    realtime: { authTimeoutMs, heartbeatMs },
    jobs: { pollMs: jobPollMs },
    wechatMiniprogramState: miniprogramState as Config['wechatMiniprogramState'],
    redis,
    trustProxy
  }
}

const PROXY_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal'])

function parseTrustedProxies(env: Env, problems: string[]): string[] {
  const entries = (env.TRUST_PROXY ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry.length > 0)
  for (const entry of entries) {
    const [address, bits, extra] = entry.split('/')
    const validBits =
      bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= (isIP(address!) === 6 ? 128 : 32))
    if (!PROXY_NAMES.has(entry) && (!isIP(address!) || !validBits || extra !== undefined))
      problems.push(`TRUST_PROXY must list addresses, CIDR ranges or "loopback", got "${entry}"`)
  }
  return entries
}

function parseRedis(env: Env, problems: string[]): Config['redis'] {
  const url = env.REDIS_URL?.trim()
  if (!url) return null
  if (!/^rediss?:\/\/./.test(url)) problems.push('REDIS_URL must start with "redis://" or "rediss://"')
  return { url, prefix: env.REDIS_PREFIX ?? 'veterans:' }
}

function positiveInteger(env: Env, name: string, fallback: number, problems: string[]): number {
  const value = Number(env[name] ?? fallback)
  if (!Number.isInteger(value) || value <= 0) problems.push(`${name} must be a positive whole number`)
  return value
}

function parseDailyBackup(env: Env, databasePath: string, problems: string[]): Config['dailyBackup'] {
  const hourText = (env.BACKUP_HOUR ?? '3').trim().toLowerCase()
  const hour = Number(hourText)
  if (hourText !== 'off' && (!/^\d{1,2}$/.test(hourText) || hour > 23))
    problems.push(`BACKUP_HOUR must be an hour of the day in Beijing time (0–23) or "off", got "${env.BACKUP_HOUR}"`)
  const keepDays = Number(env.BACKUP_KEEP_DAYS ?? 7)
  if (!Number.isInteger(keepDays) || keepDays < 1)
    problems.push(`BACKUP_KEEP_DAYS must be a whole number of days (at least 1), got "${env.BACKUP_KEEP_DAYS}"`)
  // An in-memory database has nothing that outlives the process to back up.
  if (hourText === 'off' || databasePath === ':memory:') return null
  const dir = env.BACKUP_DIR ? path.resolve(env.BACKUP_DIR) : path.join(path.dirname(databasePath), 'backups')
  return { dir, hour, keepDays }
}

/** The SQLite file DATABASE_URL names (as the server resolves it), for the backup command. */
export function databasePathFrom(env: Env = process.env): string {
  const problems: string[] = []
  const databasePath = parseDatabaseUrl(env.DATABASE_URL ?? DEFAULT_DATABASE_URL, problems)
  if (problems.length > 0) throw new ConfigError(problems)
  return databasePath
}

const isPostgresUrl = (url: string) => /^postgres(ql)?:\/\//.test(url)

function parseDatabaseUrl(url: string, problems: string[]): string {
  if (isPostgresUrl(url)) {
    problems.push('DATABASE_URL names PostgreSQL: this command works on a SQLite file ("file:…")')
    return ':memory:'
  }
  if (!url.startsWith('file:')) {
    // The URL is not repeated: it may carry a password.
    problems.push('DATABASE_URL must start with "file:" (SQLite) or "postgres://" (PostgreSQL)')
    return ':memory:'
  }
  const rest = url.slice('file:'.length)
  if (rest === ':memory:' || rest === '') return ':memory:'
  return path.resolve(rest)
}

function decodeKey(text: string): Buffer {
  return /^[0-9a-fA-F]{64}$/.test(text) ? Buffer.from(text, 'hex') : Buffer.from(text, 'base64')
}

/**
 * Development secrets are generated once and kept beside the database (mode 0600), so restarts keep sessions
 * and encrypted data readable. An in-memory database gets throw-away secrets.
 */
function secretStore(databasePath: string) {
  return {
    get(name: string, create: () => string): string {
      if (databasePath === ':memory:') return create()
      const dir = path.dirname(databasePath)
      const file = path.join(dir, name)
      if (existsSync(file)) return readFileSync(file, 'utf8').trim()
      mkdirSync(dir, { recursive: true })
      const value = create()
      writeFileSync(file, value + '\n', { mode: 0o600 })
      chmodSync(file, 0o600)
      return value
    }
  }
}
