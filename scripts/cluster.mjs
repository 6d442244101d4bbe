#!/usr/bin/env node
// Several BFF instances behind nginx on one address: `pnpm cluster -- --instances 3 --port 3000`. The instances share
// one database (DATABASE_URL, passed to each unchanged) and Redis (realtime fan-out, rate limits); nginx spreads the
// requests (least_conn), upgrades WebSockets and takes a failing instance out for a while (passive health checks).
// The tests (tests/cluster) start the cluster with the same function, startCluster.
import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'

const REPO_ROOT = path.resolve(import.meta.dirname, '..')
const BFF_DIR = path.join(REPO_ROOT, 'bff')
const DIST_SERVER = path.join(BFF_DIR, 'dist', 'server.js')

/**
 * @typedef {object} ClusterOptions
 * @property {number} [instances] how many BFF processes (default 3)
 * @property {string} [host] nginx's address (default 127.0.0.1)
 * @property {number} [port] nginx's port (default 3000)
 * @property {number} [basePort] instance k listens on basePort + k (default 3100: 3101…310N)
 * @property {number[]} [ports] the instances' ports, instead of basePort + k (tests pass free ones)
 * @property {string} [dataDir] where the SQLite file and the generated secrets live (default ./data/cluster)
 * @property {'dist' | 'source' | 'auto'} [run] bff/dist/server.js, or src/server.ts through tsx; auto: dist when built
 * @property {Record<string, string | undefined>} [env] the instances' environment (default process.env)
 * @property {(instance: number, line: string) => void} [onLog] each line an instance writes (default: to stdout)
 */

/**
 * @typedef {object} Instance
 * @property {number} index 1…N
 * @property {number} port
 * @property {import('node:child_process').ChildProcess} child
 * @property {Promise<number | null>} exited resolves with the exit code once the process is gone
 */

/**
 * @typedef {object} Cluster
 * @property {string} url nginx's address, e.g. http://127.0.0.1:3000
 * @property {Instance[]} instances
 * @property {string} runDir nginx's conf, pid file and logs
 * @property {(instance: Instance) => Promise<void>} kill9 SIGKILL one instance and wait until it is gone
 * @property {() => Promise<void>} stop nginx first (no new requests), then every instance gracefully (SIGTERM)
 */

/**
 * Starts nginx in front of N instances of the BFF and resolves once every instance answers /readyz and nginx
 * listens. The first instance starts alone (it migrates and, with SEED=demo, seeds an empty database), then the rest.
 * @param {ClusterOptions} [options]
 * @returns {Promise<Cluster>}
 */
export async function startCluster(options = {}) {
  const count = options.instances ?? 3
  const host = options.host ?? '127.0.0.1'
  const port = options.port ?? 3000
  const basePort = options.basePort ?? 3100
  const portOf = (k) => options.ports?.[k - 1] ?? basePort + k
  const env = options.env ?? process.env
  const dataDir = path.resolve(options.dataDir ?? path.join(REPO_ROOT, 'data', 'cluster'))
  const onLog = options.onLog ?? ((k, line) => console.log(`[bff-${k}] ${line}`))
  const command = serverCommand(options.run ?? 'auto')
  mkdirSync(dataDir, { recursive: true })

  const secrets = sharedSecrets(dataDir, env)
  const shared = {
    PATH: process.env.PATH ?? '',
    ...env,
    NODE_ENV: env.NODE_ENV ?? 'production',
    // Without a WeChat app id, dev sign-in (a local cluster); production refuses it unless this says so.
    WECHAT_DEV_MODE: env.WECHAT_DEV_MODE ?? (env.WECHAT_APPID ? undefined : '1'),
    HOST: '127.0.0.1',
    DATABASE_URL: env.DATABASE_URL ?? `file:${path.join(dataDir, 'veterans.db')}`,
    REDIS_URL: env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    // nginx forwards from loopback: the instances take the client's address from its X-Forwarded-For.
    TRUST_PROXY: env.TRUST_PROXY ?? '127.0.0.1',
    ...secrets
  }

  const runDir = mkdtempSync(path.join(tmpdir(), 'veterans-cluster-'))
  // nginx's workers drop root's rights: they must be able to reach their temp folders in here.
  chmodSync(runDir, 0o755)
  /** @type {Instance[]} */
  const instances = []
  /** @type {import('node:child_process').ChildProcess | undefined} */
  let nginx
  const stop = async () => {
    if (nginx) await stopProcess(nginx, 'SIGQUIT', 5_000)
    await Promise.all(instances.map((instance) => stopProcess(instance.child, 'SIGTERM', 15_000)))
  }
  try {
    const start = (k) => {
      const seed = k === 1 ? (env.SEED ?? 'demo') : 'none'
      const instance = startInstance(k, portOf(k), command, { ...shared, PORT: String(portOf(k)), SEED: seed }, onLog)
      instances.push(instance)
      return waitUntilReady(instance)
    }
    await start(1)
    await Promise.all(Array.from({ length: count - 1 }, (_, i) => start(i + 2)))

    const heartbeatMs = Number(shared.WS_HEARTBEAT_MS ?? 30_000)
    const conf = path.join(runDir, 'nginx.conf')
    writeFileSync(conf, nginxConf({ runDir, host, port, ports: instances.map((i) => i.port), heartbeatMs }))
    nginx = await startNginx(runDir, conf, host, port)
  } catch (error) {
    await stop()
    throw error
  }

  return {
    url: `http://${host}:${port}`,
    instances,
    runDir,
    async kill9(instance) {
      if (instance.child.exitCode === null && instance.child.signalCode === null) instance.child.kill('SIGKILL')
      await instance.exited
    },
    stop
  }
}

/** @param {'dist' | 'source' | 'auto'} run */
function serverCommand(run) {
  const dist = run === 'dist' || (run === 'auto' && existsSync(DIST_SERVER))
  if (run === 'dist' && !existsSync(DIST_SERVER)) throw new Error('bff/dist/server.js is missing: run `pnpm build`')
  return dist ? ['--enable-source-maps', DIST_SERVER] : ['--import', 'tsx', path.join(BFF_DIR, 'src', 'server.ts')]
}

/**
 * JWT_SECRET and PII_KEY from the environment, or generated once into the data folder: every instance must sign
 * and encrypt alike, and whatever the database (a PostgreSQL URL too) the secrets outlive a restart.
 * @param {string} dataDir
 * @param {Record<string, string | undefined>} env
 */
function sharedSecrets(dataDir, env) {
  const file = path.join(dataDir, 'cluster-secrets.json')
  /** @type {{ JWT_SECRET?: string, PII_KEY?: string }} */
  let stored = {}
  if (existsSync(file)) stored = JSON.parse(readFileSync(file, 'utf8'))
  const secrets = {
    JWT_SECRET: env.JWT_SECRET || stored.JWT_SECRET || randomBytes(32).toString('base64url'),
    PII_KEY: env.PII_KEY || stored.PII_KEY || randomBytes(32).toString('hex')
  }
  if (!env.JWT_SECRET || !env.PII_KEY) {
    const keep = { ...stored }
    if (!env.JWT_SECRET) keep.JWT_SECRET = secrets.JWT_SECRET
    if (!env.PII_KEY) keep.PII_KEY = secrets.PII_KEY
    writeFileSync(file, JSON.stringify(keep, null, 2) + '\n', { mode: 0o600 })
  }
  return secrets
}

/**
 * @param {number} index
 * @param {number} port
 * @param {string[]} command
 * @param {Record<string, string | undefined>} env
 * @param {(instance: number, line: string) => void} onLog
 * @returns {Instance}
 */
function startInstance(index, port, command, env, onLog) {
  // Own process group: Ctrl-C reaches only this script, which then stops nginx first and sends one SIGTERM.
  const child = spawn(process.execPath, command, {
    cwd: BFF_DIR,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true
  })
  for (const stream of [child.stdout, child.stderr]) {
    let partial = ''
    stream.setEncoding('utf8')
    stream.on('data', (chunk) => {
      const lines = (partial + chunk).split('\n')
      partial = lines.pop() ?? ''
      for (const line of lines) if (line) onLog(index, line)
    })
  }
  const exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)))
  return { index, port, child, exited }
}

/** @param {Instance} instance */
async function waitUntilReady(instance) {
  const deadline = Date.now() + 60_000
  while (Date.now() < deadline) {
    if (instance.child.exitCode !== null) throw new Error(`instance ${instance.index} exited before it was ready`)
    try {
      const response = await fetch(`http://127.0.0.1:${instance.port}/readyz`)
      if (response.status === 200) return
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error(`instance ${instance.index} was not ready within 60 s`)
}

/**
 * The upstream is the N instances, least busy first. A failed connection or timeout marks an instance down for
 * fail_timeout (open-source nginx has only these passive checks; /readyz is there for load balancers that probe).
 * A request nginx already sent is not sent again elsewhere (POSTs are not idempotent without their key).
 * @param {{ runDir: string, host: string, port: number, ports: number[], heartbeatMs: number }} settings
 */
export function nginxConf({ runDir, host, port, ports, heartbeatMs }) {
  const at = (name) => path.join(runDir, name)
  // A WebSocket is quiet between the server's pings: nginx must not time it out before the next one.
  const wsTimeout = Math.ceil((2 * heartbeatMs) / 1000) + 15
  return `# Written by scripts/cluster.mjs.
worker_processes 1;
daemon off;
pid ${at('nginx.pid')};
error_log ${at('error.log')} warn;
events { worker_connections 4096; }
http {
  access_log ${at('access.log')};
  client_body_temp_path ${at('client_body')};
  proxy_temp_path ${at('proxy')};
  fastcgi_temp_path ${at('fastcgi')};
  uwsgi_temp_path ${at('uwsgi')};
  scgi_temp_path ${at('scgi')};
  client_max_body_size 6m;

  map $http_upgrade $connection_upgrade {
    default upgrade;
    '' '';
  }

  upstream bff {
    least_conn;
${ports.map((p) => `    server 127.0.0.1:${p} max_fails=1 fail_timeout=10s;`).join('\n')}
    keepalive 32;
  }

  server {
    listen ${host}:${port};
    proxy_http_version 1.1;
    proxy_set_header Host $http_host;
    proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
    proxy_set_header X-Forwarded-Proto $scheme;
    proxy_set_header Connection "";
    proxy_connect_timeout 2s;

    location = /api/v1/ws {
      proxy_pass http://bff;
      proxy_set_header Upgrade $http_upgrade;
      proxy_set_header Connection $connection_upgrade;
      proxy_read_timeout ${wsTimeout}s;
      proxy_send_timeout ${wsTimeout}s;
    }

    location / {
      proxy_pass http://bff;
    }
  }
}
`
}

/**
 * @param {string} runDir
 * @param {string} conf
 * @param {string} host
 * @param {number} port
 */
async function startNginx(runDir, conf, host, port) {
  // Debian puts it in /usr/sbin, which is not on every user's PATH.
  const binary = process.env.NGINX ?? (existsSync('/usr/sbin/nginx') ? '/usr/sbin/nginx' : 'nginx')
  const nginx = spawn(binary, ['-p', runDir, '-c', conf, '-e', path.join(runDir, 'error.log')], {
    stdio: ['ignore', 'inherit', 'inherit'],
    detached: true
  })
  const failed = new Promise((_, reject) => {
    nginx.once('error', (error) =>
      reject(new Error(`nginx could not start (${error.message}): install it (Debian: apt-get install nginx-light)`))
    )
    nginx.once('exit', (code) => reject(new Error(`nginx exited (${code}): see ${path.join(runDir, 'error.log')}`)))
  })
  const listening = (async () => {
    const deadline = Date.now() + 10_000
    while (Date.now() < deadline) {
      try {
        await fetch(`http://${host}:${port}/healthz`)
        return
      } catch {
        await new Promise((resolve) => setTimeout(resolve, 50))
      }
    }
    throw new Error(`nginx did not listen on ${host}:${port} within 10 s`)
  })()
  failed.catch(() => {})
  await Promise.race([listening, failed])
  return nginx
}

/**
 * Sends `signal`, and SIGKILL if the process is still there after `graceMs`.
 * @param {import('node:child_process').ChildProcess} child
 * @param {NodeJS.Signals} signal
 * @param {number} graceMs
 */
async function stopProcess(child, signal, graceMs) {
  if (child.exitCode !== null || child.signalCode !== null) return
  const gone = new Promise((resolve) => child.once('exit', resolve))
  child.kill(signal)
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs)
  await gone
  clearTimeout(timer)
}

/** @param {string[]} argv */
function parseArgs(argv) {
  /** @type {Record<string, string>} */
  const args = {}
  for (let i = 0; i < argv.length; i++) {
    const match = /^--([a-z-]+)(?:=(.*))?$/.exec(argv[i] ?? '')
    if (!match) continue
    args[match[1] ?? ''] = match[2] ?? argv[++i] ?? ''
  }
  return args
}

const USAGE = `usage: pnpm cluster -- [--instances 3] [--port 3000] [--host 127.0.0.1] [--base-port 3100] [--data-dir ./data/cluster]
Runs bff/dist/server.js (build it first: pnpm build), or src/server.ts through tsx when dist is missing.
Environment: DATABASE_URL (default file:<data-dir>/veterans.db), REDIS_URL (default redis://127.0.0.1:6379),
JWT_SECRET and PII_KEY (default: generated once into <data-dir>/cluster-secrets.json), SEED (first instance only).`

async function main() {
  const args = parseArgs(process.argv.slice(2))
  if ('help' in args) {
    console.log(USAGE)
    return
  }
  const number = (name, fallback) => {
    const value = Number(args[name] ?? fallback)
    if (!Number.isInteger(value) || value < 1) {
      console.error(`--${name} must be a positive whole number\n${USAGE}`)
      process.exit(2)
    }
    return value
  }
  const instances = number('instances', 3)
  const run = existsSync(DIST_SERVER) ? 'bff/dist/server.js' : 'src/server.ts through tsx (no build found)'
  console.log(`Starting ${instances} instances (${run}) and nginx …`)
  const cluster = await startCluster({
    instances,
    port: number('port', 3000),
    host: args.host || '127.0.0.1',
    basePort: number('base-port', 3100),
    dataDir: args['data-dir'] ? path.resolve(args['data-dir']) : undefined
  })
  let stopping = false
  const shutdown = async (signal) => {
    if (stopping) return
    stopping = true
    console.log(`\n${signal}: stopping nginx, then each instance …`)
    await cluster.stop()
    rmSync(cluster.runDir, { recursive: true, force: true })
    process.exit(0)
  }
  process.on('SIGINT', () => void shutdown('SIGINT'))
  process.on('SIGTERM', () => void shutdown('SIGTERM'))
  for (const instance of cluster.instances)
    void instance.exited.then((code) => {
      if (!stopping) console.error(`instance ${instance.index} (port ${instance.port}) exited with ${code}`)
    })
  console.log(
    [
      '',
      `  M City veterans platform: ${instances} instances behind nginx at ${cluster.url}/`,
      `  API ${cluster.url}/api/v1, docs ${cluster.url}/docs`,
      `  instances: ${cluster.instances.map((i) => `http://127.0.0.1:${i.port}`).join(', ')}`,
      `  nginx conf and logs: ${cluster.runDir}`,
      '  Demo staff password: DEMO_PASSWORD, or the one generated beside a new SQLite database (demo-password).',
      '  Ctrl-C stops nginx, then each instance gracefully.',
      ''
    ].join('\n')
  )
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error)
    process.exit(1)
  })
}
