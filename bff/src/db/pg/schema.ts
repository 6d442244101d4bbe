import { is } from 'drizzle-orm'
import { SQLiteTable } from 'drizzle-orm/sqlite-core'
import * as sqlite from '../schema/index'
import { derivePgTable } from './derive'

// The PostgreSQL schema, derived from the SQLite one (schema/*.ts) so that one description generates the
// migrations of both dialects (drizzle.pg.config.ts reads this module). Export names are the SQLite module's.
// Referenced tables come before the tables that reference them. What the derivation leaves to hand-written
// migrations (migrations-pg/): the audit log's append-only triggers and its two indexes, the stats roll-up
// triggers, the policy_search_state row. SQLite's FTS5 policy search tables have no counterpart here.

export const districts = derivePgTable(sqlite.districts)
export const centers = derivePgTable(sqlite.centers)
export const services = derivePgTable(sqlite.services)
export const centerServices = derivePgTable(sqlite.centerServices)

export const veterans = derivePgTable(sqlite.veterans)
export const importJobs = derivePgTable(sqlite.importJobs)
export const importJobErrors = derivePgTable(sqlite.importJobErrors)

export const users = derivePgTable(sqlite.users)
export const sessions = derivePgTable(sqlite.sessions)
export const refreshTokens = derivePgTable(sqlite.refreshTokens)
export const familyInvites = derivePgTable(sqlite.familyInvites)
export const familyLinks = derivePgTable(sqlite.familyLinks)
export const notifications = derivePgTable(sqlite.notifications)

export const auditLog = derivePgTable(sqlite.auditLog)
export const idempotencyKeys = derivePgTable(sqlite.idempotencyKeys)
export const failedAttempts = derivePgTable(sqlite.failedAttempts)

export const slots = derivePgTable(sqlite.slots)
export const bookings = derivePgTable(sqlite.bookings)
export const bookingRatings = derivePgTable(sqlite.bookingRatings)
export const waitlistEntries = derivePgTable(sqlite.waitlistEntries)

export const policies = derivePgTable(sqlite.policies)
export const policySearchState = derivePgTable(sqlite.policySearchState)

export const uploads = derivePgTable(sqlite.uploads)

export const threads = derivePgTable(sqlite.threads)
export const threadMessages = derivePgTable(sqlite.threadMessages)
export const cannedReplies = derivePgTable(sqlite.cannedReplies)

export const notices = derivePgTable(sqlite.notices)
export const noticeRecipients = derivePgTable(sqlite.noticeRecipients)
export const messagePreferences = derivePgTable(sqlite.messagePreferences)
export const wechatSubscriptions = derivePgTable(sqlite.wechatSubscriptions)
export const pushDeliveries = derivePgTable(sqlite.pushDeliveries)
export const dueJobs = derivePgTable(sqlite.dueJobs)

export const bookingDayTotals = derivePgTable(sqlite.bookingDayTotals)

const derived: Record<string, unknown> = {
  districts,
  centers,
  services,
  centerServices,
  veterans,
  importJobs,
  importJobErrors,
  users,
  sessions,
  refreshTokens,
  familyInvites,
  familyLinks,
  notifications,
  auditLog,
  idempotencyKeys,
  failedAttempts,
  slots,
  bookings,
  bookingRatings,
  waitlistEntries,
  policies,
  policySearchState,
  uploads,
  threads,
  threadMessages,
  cannedReplies,
  notices,
  noticeRecipients,
  messagePreferences,
  wechatSubscriptions,
  pushDeliveries,
  dueJobs,
  bookingDayTotals
}

// A table added to schema/ and not here would be missing on PostgreSQL: refuse to load instead.
const missing = Object.entries(sqlite)
  .filter(([name, value]) => is(value, SQLiteTable) && !(name in derived))
  .map(([name]) => name)
if (missing.length > 0) {
  throw new Error(`db/pg/schema.ts: SQLite tables not derived for PostgreSQL: ${missing.join(', ')}`)
}
