// Online backup of the server's database (DATABASE_URL), safe while the server runs and takes writes.
// Run: pnpm --filter @veterans/bff backup <file>   (the file must not exist; its folder must)
import { databasePathFrom } from '../src/config'
import { backupDatabase } from '../src/db/backup'
import { argumentPath, runCommand } from './cli'

await runCommand('backup <file>', async (args) => {
  const source = databasePathFrom()
  if (source === ':memory:') throw new Error('DATABASE_URL names an in-memory database: there is nothing to back up')
  const { file, bytes, ms } = await backupDatabase(source, argumentPath(args[0]))
  console.log(`Backed up ${source} to ${file}: ${(bytes / 1024 / 1024).toFixed(1)} MB in ${(ms / 1000).toFixed(1)} s`)
})
