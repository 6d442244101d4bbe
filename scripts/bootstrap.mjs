#!/usr/bin/env node
// Runs a workspace script on a machine that has only Node and npm: makes sure pnpm 12.4.2 is there, installs the
// dependencies (native ones compile against this Node's headers), then runs `pnpm <script>`.
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, readdirSync } from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'

const PNPM_VERSION = '12.4.2'
const script = process.argv[2]
if (!script) {
  console.error('usage: node scripts/bootstrap.mjs <script>')
  process.exit(2)
}

// better-sqlite3 compiles from source where no prebuilt binary can be fetched; node-gyp needs this Node's headers.
process.env.npm_config_nodedir ??= path.resolve(path.dirname(process.execPath), '..')

function pnpmVersion() {
  try {
    return execFileSync('pnpm', ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim()
  } catch {
    return null
  }
}

// Without pnpm 12.4.2 on the PATH, install it into .tools/ (no root needed) and put it first on the PATH, so that
// the scripts, which call pnpm themselves, find it too.
if (pnpmVersion() !== PNPM_VERSION) {
  const tools = path.resolve(import.meta.dirname, '..', '.tools')
  const bin = path.join(tools, 'node_modules', '.bin')
  process.env.PATH = `${bin}${path.delimiter}${process.env.PATH}`
  if (pnpmVersion() !== PNPM_VERSION) {
    const npm = spawnSync(
      'npm',
      ['install', '--no-save', '--no-package-lock', '--prefix', tools, `pnpm@${PNPM_VERSION}`],
      { stdio: 'inherit' }
    )
    if (npm.status !== 0 || pnpmVersion() !== PNPM_VERSION) {
      console.error(`Could not install pnpm ${PNPM_VERSION}.`)
      process.exit(1)
    }
  }
}

function run(args) {
  const result = spawnSync('pnpm', args, { stdio: 'inherit', env: process.env })
  if (result.status !== 0) process.exit(result.status ?? 1)
}

// The tests need Chromium with CJK fonts (browser tests), Redis (several instances sharing fan-out and rate limits),
// PostgreSQL (the second database dialect) and nginx (the cluster test runs instances behind it). On Debian as root,
// install what is missing and start Redis and PostgreSQL if they are not answering; elsewhere say what is missing.
if (script.startsWith('test')) {
  // A PostgreSQL that already answers (a service container, another layout) is used as it is.
  const postgresAnswers = await answers(5432)
  const missing = [
    !process.env.CHROMIUM_PATH && !existsSync('/usr/bin/chromium') && ['chromium', 'fonts-noto-cjk'],
    !onPath('redis-server') && ['redis-server'],
    !postgresAnswers && !existsSync('/etc/postgresql') && ['postgresql'],
    !onPath('nginx') && !existsSync('/usr/sbin/nginx') && ['nginx-light']
  ]
    .filter(Boolean)
    .flat()
  if (missing.length > 0) {
    const isRoot = typeof process.getuid === 'function' && process.getuid() === 0
    if (!isRoot || !existsSync('/usr/bin/apt-get')) {
      console.error(
        `The tests need ${missing.join(', ')}: install them (Debian: apt-get install -y ${missing.join(' ')}).`
      )
      process.exit(1)
    }
    // RUNLEVEL=1: installing nginx or Redis does not start them as system services.
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive', RUNLEVEL: '1' }
    const apt = (args) => spawnSync('apt-get', args, { stdio: 'inherit', env })
    if (apt(['update']).status !== 0 || apt(['install', '-y', '--no-install-recommends', ...missing]).status !== 0)
      process.exit(1)
  }
  process.env.PATH = `${process.env.PATH}${path.delimiter}/usr/sbin`
  await startRedisIfSilent()
  await startPostgresIfSilent({ justInstalled: missing.includes('postgresql') })
}

function onPath(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0
}

/** Whether something accepts TCP connections on 127.0.0.1:port. */
function answers(port) {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1')
    socket.once('connect', () => {
      socket.end()
      resolve(true)
    })
    socket.once('error', () => resolve(false))
  })
}

/** Runs start (a command and its arguments) when nothing answers on the port, then waits up to 10 s for it. */
async function startIfSilent(name, port, start) {
  if (await answers(port)) return
  const started = spawnSync(start[0], start.slice(1), { stdio: 'inherit' })
  for (let i = 0; started.status === 0 && i < 100 && !(await answers(port)); i++)
    await new Promise((r) => setTimeout(r, 100))
  if (!(await answers(port))) {
    console.error(`${name} did not start on 127.0.0.1:${port}; the tests need it.`)
    process.exit(1)
  }
}

/** Redis on 127.0.0.1:6379, as the tests expect, keeping nothing on disk. */
function startRedisIfSilent() {
  const log = path.join(os.tmpdir(), 'veterans-test-redis.log')
  const options = ['--daemonize', 'yes', '--bind', '127.0.0.1', '--port', '6379', '--save', '', '--appendonly', 'no']
  return startIfSilent('Redis', 6379, ['redis-server', ...options, '--logfile', log])
}

/**
 * PostgreSQL on 127.0.0.1:5432, user postgres without a password, as the tests expect: Debian's newest cluster
 * started when nothing answers there.
 */
async function startPostgresIfSilent({ justInstalled }) {
  if (await answers(5432)) return
  const versions = existsSync('/etc/postgresql')
    ? readdirSync('/etc/postgresql')
        .filter((name) => /^\d+(\.\d+)?$/.test(name))
        .sort((a, b) => Number(a) - Number(b))
    : []
  const version = versions.at(-1)
  if (!version) {
    console.error('PostgreSQL is not installed (Debian: apt-get install -y postgresql); the tests need it.')
    process.exit(1)
  }
  // The cluster the package has just created asks for a password on 127.0.0.1; it is empty, so it is made again
  // with trust authentication (this machine's tests only; never done to a cluster that was there before).
  if (justInstalled) {
    spawnSync('pg_dropcluster', ['--stop', version, 'main'], { stdio: 'inherit' })
    const initdbOptions = ['--auth-host=trust', '--auth-local=trust']
    const created = spawnSync('pg_createcluster', [version, 'main', '--', ...initdbOptions], { stdio: 'inherit' })
    if (created.status !== 0) process.exit(1)
  }
  return startIfSilent('PostgreSQL', 5432, ['pg_ctlcluster', '--skip-systemctl-redirect', version, 'main', 'start'])
}

run(['install', ...(process.env.CI ? ['--frozen-lockfile'] : [])])
run(['run', script])
