import { perConnection } from '../../../db/client'
import { postgresClientOf } from '../../../db/dialect'
import { postgresSearchStore } from './postgres-store'
import { sqliteSearchStore } from './sqlite-store'
import type { SearchStore } from './store'

/** The search store of the database the app runs on: one per connection or pool, so that its caches are kept. */
export const searchStoreOf = perConnection((db): SearchStore => {
  const postgres = postgresClientOf(db)
  return postgres ? postgresSearchStore(postgres) : sqliteSearchStore(db)
})
