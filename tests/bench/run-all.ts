// Runs every benchmark in turn, each in its own process so one's memory and JIT state don't colour the next.
// Each bench records its figures in results/<bench>.json (results.ts); results/SUMMARY.md is written from them.
import { spawnSync } from 'node:child_process'
import { readdirSync } from 'node:fs'
import path from 'node:path'
import { writeSummary } from './results'

const dir = import.meta.dirname
const only = process.argv[2]
const benches = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts') && (!only || f.includes(only)))
  .sort()

let failed = 0
for (const file of benches) {
  console.log(`\n=== ${file} ===`)
  const result = spawnSync(process.execPath, ['--import', 'tsx', path.join(dir, file)], { stdio: 'inherit' })
  if (result.status !== 0) {
    failed++
    // 13 is Node's code for a top-level await that never settled: some promise was never answered.
    const why = result.status === 13 ? ' (a top-level await never settled)' : ''
    console.error(`${file} failed: exit code ${result.status ?? result.signal}${why}`)
  }
}
writeSummary()
console.log(`\nfigures in ${path.join(dir, 'results')} (SUMMARY.md and one JSON file per bench)`)
process.exit(failed ? 1 : 0)
