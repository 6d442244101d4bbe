#!/usr/bin/env node
// Runs a workspace script on a machine that has only Node and npm: makes sure pnpm 12.4.2 is there, installs the
// dependencies (native ones compile against this Node's headers), then runs `pnpm <script>`.
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
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

// The browser tests need Chromium and CJK fonts. On Debian as root, install them; elsewhere say what is missing.
if (script.startsWith('test') && !process.env.CHROMIUM_PATH && !existsSync('/usr/bin/chromium')) {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0
  if (isRoot && existsSync('/usr/bin/apt-get')) {
    const apt = (args) =>
      spawnSync('apt-get', args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } })
    if (apt(['update']).status !== 0 || apt(['install', '-y', 'chromium', 'fonts-noto-cjk']).status !== 0)
      process.exit(1)
  } else {
    console.error(
      'The browser tests need Chromium: install it (Debian: apt-get install -y chromium fonts-noto-cjk) or set CHROMIUM_PATH.'
    )
    process.exit(1)
  }
}

run(['install', ...(process.env.CI ? ['--frozen-lockfile'] : [])])
run(['run', script])
