#!/usr/bin/env node
// After `taro build --type weapp`: prints the size of the main package (everything in dist/weapp outside the
// subpackage roots) and of each subpackage, and fails when WeChat would refuse the upload: main or any
// subpackage over 2 MB, or all together over 20 MB.
import { readFileSync, readdirSync, statSync } from 'node:fs'
import path from 'node:path'

const MB = 1024 * 1024
const LIMITS = { package: 2 * MB, total: 20 * MB }
const dist = path.resolve(process.argv[2] ?? path.join(import.meta.dirname, '..', 'dist', 'weapp'))

function sizeOf(target) {
  const stat = statSync(target)
  if (!stat.isDirectory()) return stat.size
  return readdirSync(target).reduce((sum, name) => sum + sizeOf(path.join(target, name)), 0)
}

const format = (bytes) => `${(bytes / 1024).toFixed(1)} KB`.padStart(11)

let appJson
try {
  appJson = JSON.parse(readFileSync(path.join(dist, 'app.json'), 'utf8'))
} catch {
  console.error(`No WeChat build at ${dist}: run \`taro build --type weapp\` first.`)
  process.exit(1)
}

const roots = (appJson.subPackages ?? appJson.subpackages ?? []).map((sub) => sub.root.replace(/\/+$/, ''))
const subpackages = roots.map((root) => ({ name: root, bytes: sizeOf(path.join(dist, root)) }))
const total = sizeOf(dist)
const main = total - subpackages.reduce((sum, sub) => sum + sub.bytes, 0)

const rows = [
  { name: 'main package', bytes: main },
  ...subpackages.map((s) => ({ name: `subpackage ${s.name}`, bytes: s.bytes }))
]
console.log('WeChat package sizes (limit 2048.0 KB each, 20480.0 KB in all):')
for (const row of rows) console.log(`  ${row.name.padEnd(24)}${format(row.bytes)}`)
console.log(`  ${'total'.padEnd(24)}${format(total)}`)

const problems = [
  ...rows
    .filter((row) => row.bytes > LIMITS.package)
    .map((row) => `${row.name} is ${format(row.bytes).trim()}, over 2 MB`),
  ...(total > LIMITS.total ? [`all packages together are ${format(total).trim()}, over 20 MB`] : [])
]
if (problems.length > 0) {
  for (const problem of problems) console.error(`✗ ${problem}`)
  process.exit(1)
}
console.log('✓ within WeChat limits')
