// Moves a SQLite deployment to PostgreSQL: every table copied, then verified by row counts and checksums.
// Run: pnpm --filter @veterans/bff migrate-to-postgres <sqlite-file> [--to postgres://…]   (--help says more)
import {
  CopyRefused,
  copySqliteToPostgres,
  describeTarget,
  verifySqliteAgainstPostgres,
  type CopyReport
} from '../src/db/pg/copy-from-sqlite'
import type { TableCheck } from '../src/db/pg/verify-copy'
import { argumentPath, runCommand } from './cli'

const USAGE = 'migrate-to-postgres <sqlite-file> [--to postgres://user:password@host:5432/database] [--verify-only]'

const HELP = `Usage: pnpm --filter @veterans/bff ${USAGE}

Copies every table of the SQLite file into the PostgreSQL database named by --to, or else by the environment
variable TARGET_DATABASE_URL (which keeps a password out of the shell's history and the process list).

- The SQLite file is only read, in one snapshot: a server still running on it does not disturb the copy, but what
  it writes afterwards is not copied. Stop the server (or its writers) for the final run.
- The file must have every migration of this version applied (start the server on it once if not).
- The target must be empty: its migrations are applied, then everything is copied in one transaction; if anything
  fails, nothing of the copy stays. Personal data is copied as the ciphertext it is: keep the same PII_KEY.
- Both databases are then read back: per table, row counts and a sha256 checksum of the rows in key order.
- --verify-only runs only that reading back, against a target a copy has filled (one interrupted while it was
  being verified, say); the SQLite file must not have changed since.
- SQLite's full-text tables, its migration record and its own bookkeeping are skipped (and listed); the policy
  search index is built anew on PostgreSQL. Any other table the PostgreSQL schema lacks stops the command.

Exit codes: 0 copied and verified; 1 the copy failed (rolled back) or a table does not match; 2 refused before
anything was written (usage, the SQLite file, or a target that is not empty or not reachable).`

await runCommand(USAGE, async (args) => {
  if (args.includes('--help') || args.includes('-h')) return console.log(HELP)
  const { file, to, verifyOnly } = parseArguments(args)
  const source = argumentPath(file)
  const target = to ?? process.env.TARGET_DATABASE_URL
  if (!target || !/^postgres(ql)?:\/\//.test(target)) {
    console.error('Give the target as --to postgres://… or in TARGET_DATABASE_URL (see --help)')
    process.exitCode = 2
    return
  }
  let report: CopyReport
  try {
    if (verifyOnly) {
      const checks = await verifySqliteAgainstPostgres(source, target)
      const rows = checks.reduce((sum, check) => sum + check.targetRows, 0)
      printChecks(checks, describeTarget(target), 'verification only', `${rows} rows`)
      if (checks.some((check) => !check.ok)) process.exitCode = 1
      return
    }
    report = await copySqliteToPostgres(
      source,
      target,
      (line) => console.log(line),
      () => process.once('SIGINT', () => interruptedWhileVerifying(source, describeTarget(target)))
    )
  } catch (error) {
    if (!(error instanceof CopyRefused)) throw error
    console.error(`Refused: ${error.message}`)
    process.exitCode = 2
    return
  }
  printReport(report, describeTarget(target))
  if (report.checks.some((check) => !check.ok)) process.exitCode = 1
})

/** Ctrl-C once the copy is committed: the target is filled, only its check is missing. Said, not left to guess. */
function interruptedWhileVerifying(file: string, target: string) {
  const message =
    `Interrupted while verifying: the copy into ${target} is committed but NOT verified. Verify it before using ` +
    `it, with the SQLite file unchanged: pnpm --filter @veterans/bff migrate-to-postgres ${file} --verify-only ` +
    '(the target as before, by --to or TARGET_DATABASE_URL)\n'
  // Exits once written: stderr into a pipe is asynchronous, and an exit at once could drop the message.
  process.stderr.write(message, () => process.exit(130))
}

function parseArguments(args: string[]): { file: string | undefined; to: string | undefined; verifyOnly: boolean } {
  const positional: string[] = []
  let to: string | undefined
  let verifyOnly = false
  const rest = [...args]
  for (let arg = rest.shift(); arg !== undefined; arg = rest.shift()) {
    if (arg === '--verify-only') verifyOnly = true
    else if (arg === '--to') to = rest.shift()
    else if (arg.startsWith('--to=')) to = arg.slice('--to='.length)
    else positional.push(arg)
  }
  // Anything but one file (an unknown option, a second file) is a usage error (argumentPath of undefined).
  const [first] = positional
  const file = positional.length === 1 && !first?.startsWith('-') ? first : undefined
  return { file, to, verifyOnly }
}

function printReport(report: CopyReport, target: string) {
  if (report.skipped.length > 0) {
    console.log('Skipped (no PostgreSQL counterpart, on purpose):')
    for (const { name, why } of report.skipped) console.log(`  ${name}: ${why}`)
  }
  console.log(`Policy search index built on PostgreSQL: ${report.policiesIndexed} policies`)
  for (const sequence of report.sequences) console.log(`Sequence ${sequence}`)
  const timing = `copy ${(report.copyMs / 1000).toFixed(1)} s, verification ${(report.verifyMs / 1000).toFixed(1)} s`
  printChecks(report.checks, target, timing, `${report.rows} rows`)
}

function printChecks(checks: TableCheck[], target: string, timing: string, what: string) {
  const width = Math.max(...checks.map((check) => check.table.length), 5)
  console.log(`${'table'.padEnd(width)}  ${'rows'.padStart(9)}  checksum (sha256)  ok`)
  for (const check of checks) {
    const rows = check.ok ? String(check.targetRows) : `${check.sourceRows}→${check.targetRows}`
    const verdict = check.ok ? 'ok' : 'MISMATCH'
    console.log(`${check.table.padEnd(width)}  ${rows.padStart(9)}  ${check.targetChecksum.slice(0, 16)}   ${verdict}`)
  }
  const bad = checks.filter((check) => !check.ok).map((check) => check.table)
  if (bad.length > 0) {
    console.error(
      `Mismatch in ${bad.join(', ')}: ${target} holds a copy that differs from the SQLite file (${timing}). ` +
        'Do not switch to it: drop and recreate the database before running again.'
    )
  } else {
    console.log(
      `Verified: ${checks.length} tables, ${what}, counts and checksums equal (${timing}). ` +
        `Point DATABASE_URL at ${target} to run on PostgreSQL.`
    )
  }
}
