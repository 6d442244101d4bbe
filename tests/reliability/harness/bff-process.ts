// The BFF as production runs it: its own process, started from source (no build needed), on a SQLite file in a
// data directory of the test's choosing, so that it can be killed with SIGKILL and started again on the same files.
import { spawn, type ChildProcess } from 'node:child_process'
import { createServer } from 'node:net'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { waitForMessage } from '../../bench/child-messages'
import type { LoopDelay, LoopDelayMessage } from './loop-delay-probe'

const BFF_DIR = path.resolve(import.meta.dirname, '..', '..', '..', 'bff')
const PROBE = pathToFileURL(path.join(import.meta.dirname, 'loop-delay-probe.ts')).href

export const DEMO_PASSWORD = 'reliability-demo-password-2026'
export const DATABASE_FILE = 'veterans.db'

export interface BffProcess {
  port: number
  child: ChildProcess
  /** Every line the server wrote (JSON log lines at LOG_LEVEL and above, anything else on stderr). */
  logs: string[]
  /** Its log lines at level error or worse, shortened to what they say (message, error type and text). */
  errorLogs(): string[]
  /** The server's event-loop delay since it started or since the last reset (ms). */
  loopDelay(reset?: boolean): Promise<LoopDelay>
  /** SIGKILL: no shutdown hook runs, nothing is flushed. Resolves when the process is gone. */
  kill9(): Promise<void>
  /** SIGTERM and wait: the graceful shutdown (checkpoint, close). Answers the exit code. */
  stop(): Promise<number | null>
}

/** A port free right now (the server takes it a moment later; on loopback nobody else races for it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
  })
}

/**
 * Starts the BFF on `dataDir/veterans.db` (demo data seeded into an empty database) and waits until /readyz
 * answers. NODE_ENV=production, as deployed (back-pressure on), with dev-WeChat sign-in allowed explicitly and rate
 * limits off (every client is 127.0.0.1 here).
 */
export async function startBff(dataDir: string, env: Record<string, string> = {}): Promise<BffProcess> {
  const port = await freePort()
  const child = spawn(process.execPath, ['--import', 'tsx', '--import', PROBE, 'src/server.ts'], {
    cwd: BFF_DIR,
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    env: {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'production',
      WECHAT_DEV_MODE: '1',
      DATABASE_URL: `file:${path.join(dataDir, DATABASE_FILE)}`,
      SEED: 'demo',
      DEMO_PASSWORD,
      JWT_SECRET: 'reliability-jwt-secret-that-is-long-enough-0123',
      PII_KEY: 'c3'.repeat(32),
      RATE_LIMITS: 'off',
      LOG_LEVEL: 'warn',
      H5_DIR: '/nonexistent',
      HOST: '127.0.0.1',
      PORT: String(port),
      ...env
    }
  })
  const logs: string[] = []
  for (const stream of [child.stdout!, child.stderr!]) {
    let partial = ''
    stream.setEncoding('utf8')
    stream.on('data', (chunk: string) => {
      const lines = (partial + chunk).split('\n')
      partial = lines.pop() ?? ''
      logs.push(...lines.filter(Boolean))
    })
  }
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
  await waitUntilReady(port, exited, logs)
  return {
    port,
    child,
    logs,
    errorLogs: () => logs.filter((line) => /"level":(50|60)/.test(line)).map(shortLogLine),
    async loopDelay(reset = false) {
      const answer = waitForMessage<LoopDelayMessage, 'loop-delay'>(child, 'loop-delay')
      child.send({ type: 'loop-delay', reset })
      return (await answer).delay
    },
    async kill9() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
      await exited
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM')
      return exited
    }
  }
}

function shortLogLine(line: string) {
  try {
    const { msg, err } = JSON.parse(line) as { msg?: string; err?: { type?: string; message?: string } }
    return `${msg ?? ''}${err ? ` (${err.type ?? 'Error'}: ${err.message ?? ''})` : ''}`
  } catch {
    return line.slice(0, 300)
  }
}

async function waitUntilReady(port: number, exited: Promise<number | null>, logs: string[]) {
  let gone = false
  void exited.then(() => (gone = true))
  const deadline = Date.now() + 60_000
  while (Date.now() < deadline) {
    if (gone) throw new Error(`the BFF exited before it was ready:\n${logs.slice(-20).join('\n')}`)
    try {
      const response = await fetch(`http://127.0.0.1:${port}/readyz`)
      if (response.status === 200) return
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error(`the BFF was not ready within 60 s:\n${logs.slice(-20).join('\n')}`)
}
