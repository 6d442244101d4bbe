import path from 'node:path'

/**
 * A path given on the command line, resolved from where the command was typed: pnpm runs package scripts in the
 * package's folder but says where it was started in INIT_CWD.
 */
export function argumentPath(arg: string | undefined): string {
  if (!arg) throw new UsageError()
  return path.resolve(process.env.INIT_CWD ?? process.cwd(), arg)
}

class UsageError extends Error {}

/**
 * Runs a command-line task: what goes wrong is told in one line (exit code 1), not as a stack trace; the expected
 * errors are the operator's to fix (a file that exists, a folder missing, the server still running …).
 */
export async function runCommand(usage: string, task: (args: string[]) => unknown) {
  try {
    await task(process.argv.slice(2))
  } catch (error) {
    if (error instanceof UsageError) console.error(`Usage: pnpm --filter @veterans/bff ${usage}`)
    else console.error(`Failed: ${(error as Error).message}`)
    process.exitCode = error instanceof UsageError ? 2 : 1
  }
}
