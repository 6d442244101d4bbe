#!/usr/bin/env node
// Runs a workspace script on a machine that has only Node and npm: makes sure pnpm 12.4.2 is there, installs the
// dependencies (native ones compile against this Node's headers), then runs `pnpm <script>`.
import { execFileSync, spawnSync } from 'node:child_process'
import path from 'node:path'

const PNPM_VERSION = '12.4.2'
const script = process.argv[2]
if (!script) {
  console.error('usage: node scripts/bootstrap.mjs <script>')
  process.exit(2)
}

// better-sqlite3 compiles from source where no prebuilt binary can be fetched; node-gyp needs this Node's headers.
process.env.npm_config_nodedir ??= path.resolve(path.dirname(process.execPath), '..')

function hasPnpm() {
  try {
    return execFileSync('pnpm', ['--version'], { encoding: 'utf8' }).trim() === PNPM_VERSION
  } catch {
    return false
  }
}
const pnpm = hasPnpm() ? ['pnpm'] : ['npx', '-y', `pnpm@${PNPM_VERSION}`]

function run(args) {
  const result = spawnSync(pnpm[0], [...pnpm.slice(1), ...args], { stdio: 'inherit', env: process.env })
  if (result.status !== 0) process.exit(result.status ?? 1)
}

run(['install', ...(process.env.CI ? ['--frozen-lockfile'] : [])])
run(['run', script])
