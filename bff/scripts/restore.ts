// Restores the server's database (DATABASE_URL) from a backup, with the server stopped. Run it with the server's
// environment: the backup's personal data must be readable with its PII_KEY.
// Run: pnpm --filter @veterans/bff restore <backup-file>
import { loadConfig } from '../src/config'
import { restoreDatabase } from '../src/db/restore'
import { PiiVault } from '../src/lib/pii'
import { argumentPath, runCommand } from './cli'

await runCommand('restore <backup-file>', (args) => {
  const backup = argumentPath(args[0])
  const config = loadConfig()
  if (config.databasePath === ':memory:')
    throw new Error('DATABASE_URL names an in-memory database: there is nothing to restore into')
  const { keptAside, migrations } = restoreDatabase(backup, config.databasePath, new PiiVault(config.piiKey))
  console.log(`Restored ${config.databasePath} from ${backup} (${migrations} migrations applied in it).`)
  console.log(keptAside ? `The database that was there is kept as ${keptAside}.` : 'There was no database before.')
  console.log('Start the server: it applies any newer migrations.')
})
