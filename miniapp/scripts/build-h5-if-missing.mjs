#!/usr/bin/env node
// Used by the root `pnpm start`: builds the H5 app only when there is no build yet (a rebuild takes a minute;
// run `pnpm --filter @veterans/miniapp build:h5` yourself after changing the app).
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import path from 'node:path'

const root = path.resolve(import.meta.dirname, '..')
const index = path.join(root, 'dist', 'h5', 'index.html')
if (existsSync(index)) {
  console.log(`H5 build found (${path.relative(process.cwd(), index)}); not rebuilding.`)
  process.exit(0)
}
console.log('No H5 build yet: building it (about a minute)…')
const result = spawnSync('pnpm', ['run', 'build:h5'], { cwd: root, stdio: 'inherit' })
process.exit(result.status ?? 1)
