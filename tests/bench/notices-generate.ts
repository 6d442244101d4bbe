// Writes many veterans with WeChat accounts straight into a BFF database (for notices.bench.ts): a registry
// record and an active, bound `veteran` account each, spread over the demo districts and categories. ID numbers
// and phones are placeholders (the fan-out never reads them); each row is unique where the schema says so.
import { createRequire } from 'node:module'

interface Statement {
  run(...params: unknown[]): unknown
}
interface Sqlite {
  prepare(sql: string): Statement
  transaction(fn: () => void): () => void
  pragma(text: string): unknown
  close(): void
}

const require = createRequire(import.meta.url)
// better-sqlite3 as the BFF itself resolves it.
const Database = createRequire(require.resolve('@veterans/bff'))('better-sqlite3') as new (file: string) => Sqlite

const DISTRICTS = ['419902', '419903', '419904', '419905', '419971', '419921']
const CATEGORIES = ['soldier', 'officer_transferred', 'cadre_demobilized', 'cadre_retired', 'other']

/** Sortable, unique ids in the shape the BFF uses (26 characters), apart from any it makes itself. */
function benchId(kind: 'V' | 'U', i: number) {
  return `0BENCH${kind}${String(i).padStart(19, '0')}`
}

export function generateVeteranAccounts(dbFile: string, count: number) {
  const sqlite = new Database(dbFile)
  sqlite.pragma('journal_mode = WAL')
  const now = new Date().toISOString()
  const veteran = sqlite.prepare(`INSERT INTO veterans (id, name, id_number_enc, id_number_hash, id_number_masked,
      gender, birth_date, district_code, category, enlist_date, discharge_date, created_at, updated_at)
    VALUES (?, ?, 'bench', ?, '419900********0000', 'male', '1970-01-01', ?, ?, '1990-03-01', '2005-10-01', ?, ?)`)
  const user = sqlite.prepare(`INSERT INTO users (id, kind, role, openid, display_name, veteran_id, status,
      created_at, updated_at) VALUES (?, 'wechat', 'veteran', ?, ?, ?, 'active', ?, ?)`)
  sqlite.transaction(() => {
    for (let i = 0; i < count; i++) {
      const veteranId = benchId('V', i)
      veteran.run(
        veteranId,
        `测试${i}`,
        `bench-hash-${i}`,
        DISTRICTS[i % DISTRICTS.length],
        CATEGORIES[i % CATEGORIES.length],
        now,
        now
      )
      user.run(benchId('U', i), `bench-notices-${i}`, `测试${i}`, veteranId, now, now)
    }
  })()
  sqlite.close()
}
