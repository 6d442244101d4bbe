// Where every bench leaves its figures: tests/bench/results/<bench>.json, one file per bench, rewritten by each
// run; run-all.ts turns them into results/SUMMARY.md. The machine is shared and noisy, so each file says how busy it
// was (load average when the bench started and when it recorded) beside the figures.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { cpus, loadavg } from 'node:os'
import path from 'node:path'

export const RESULTS_DIR = path.join(import.meta.dirname, 'results')

/** What one bench recorded: its figures as it names them, and the conditions they were measured in. */
export interface BenchRecord {
  bench: string
  recordedAt: string
  machine: { cpus: number; node: string; loadAverageAtStart: number[]; loadAverageAtRecord: number[] }
  /** A Markdown table as lines (`table`), and any other named figures. */
  figures: Record<string, unknown>
}

// This module is imported as the bench starts: the load average then is the one the bench began in.
const loadAtStart = loadavg()
const recorded = new Map<string, Record<string, unknown>>()
const round = (values: number[]) => values.map((n) => Math.round(n * 100) / 100)

/**
 * Records figures of `bench` in results/<bench>.json. Calls of one run add to each other (a bench may record as it
 * goes); a new run starts the file afresh.
 */
export function recordResult(bench: string, figures: Record<string, unknown>) {
  const merged = { ...recorded.get(bench), ...figures }
  recorded.set(bench, merged)
  const record: BenchRecord = {
    bench,
    recordedAt: new Date().toISOString(),
    machine: {
      cpus: cpus().length,
      node: process.version,
      loadAverageAtStart: round(loadAtStart),
      loadAverageAtRecord: round(loadavg())
    },
    figures: merged
  }
  mkdirSync(RESULTS_DIR, { recursive: true })
  writeFileSync(path.join(RESULTS_DIR, `${bench}.json`), JSON.stringify(record, null, 2) + '\n')
}

function describe(value: unknown): string {
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : value.toFixed(2)
  if (value === null || typeof value !== 'object') return String(value)
  if (Array.isArray(value)) return value.map(describe).join(', ')
  return Object.entries(value)
    .map(([k, v]) => `${k} ${describe(v)}`)
    .join('; ')
}

/** results/SUMMARY.md from every results/<bench>.json there: each bench's table and figures, for people to read. */
export function writeSummary() {
  mkdirSync(RESULTS_DIR, { recursive: true })
  const files = readdirSync(RESULTS_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()
  const sections = files.map((file) => {
    const record = JSON.parse(readFileSync(path.join(RESULTS_DIR, file), 'utf8')) as BenchRecord
    const { table, ...rest } = record.figures
    const { cpus: cores, node, loadAverageAtStart, loadAverageAtRecord } = record.machine
    return [
      `## ${record.bench}`,
      '',
      `Recorded ${record.recordedAt} on ${cores} cores, Node ${node}; load average ${loadAverageAtStart.join(' ')} ` +
        `at the start, ${loadAverageAtRecord.join(' ')} at the end.`,
      '',
      ...(Array.isArray(table) ? [...(table as string[]), ''] : []),
      ...Object.entries(rest).map(([name, value]) => `- ${name}: ${describe(value)}`)
    ].join('\n')
  })
  const summary = [
    '# Benchmark results',
    '',
    'Written by `pnpm bench` (tests/bench/run-all.ts) from the results/<bench>.json files beside it; each bench',
    'overwrites its own file when it runs. Figures of one run only compare with figures of the same run.',
    '',
    ...sections.map((s) => s + '\n')
  ].join('\n')
  writeFileSync(path.join(RESULTS_DIR, 'SUMMARY.md'), summary)
}
