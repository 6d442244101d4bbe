import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import { POLICY_LEVEL_CODES, POLICY_WORKFLOWS, type PolicyEligibility, type Topic } from '@veterans/shared'
import { users } from './accounts'

/**
 * Policies: drafted by staff, submitted, approved by someone other than the author, then published. A published
 * policy is never edited: it is repealed or superseded by a newer one. Full-text search lives in the FTS5 table
 * `policy_search` (custom migration), whose rowid is `search_rowid`.
 */
export const policies = sqliteTable(
  'policies',
  {
    id: text('id').primaryKey(),
    /** Row of this policy in policy_search; a stable integer because FTS5 rows are keyed by integers. */
    searchRowid: integer('search_rowid').notNull(),
    title: text('title').notNull(),
    docNumber: text('doc_number').notNull(),
    issuer: text('issuer').notNull(),
    level: text('level', { enum: POLICY_LEVEL_CODES }).notNull(),
    category: text('category').$type<Topic>().notNull(),
    summary: text('summary').notNull(),
    body: text('body').notNull(),
    effectiveFrom: text('effective_from').notNull(),
    effectiveTo: text('effective_to'),
    eligibility: text('eligibility', { mode: 'json' }).$type<PolicyEligibility>(),
    relatedServiceIds: text('related_service_ids', { mode: 'json' }).$type<string[]>().notNull().default([]),
    workflow: text('workflow', { enum: POLICY_WORKFLOWS }).notNull(),
    /** The older policy this one replaces once published. */
    supersedesId: text('supersedes_id'),
    /** Set on the older policy when its successor is published; it stops being in force on `supersededFrom`. */
    supersededById: text('superseded_by_id'),
    supersededFrom: text('superseded_from'),
    repealedAt: text('repealed_at'),
    repealedBy: text('repealed_by').references(() => users.id),
    repealReason: text('repeal_reason'),
    authorId: text('author_id')
      .notNull()
      .references(() => users.id),
    submittedAt: text('submitted_at'),
    approverId: text('approver_id').references(() => users.id),
    publishedAt: text('published_at'),
    reviewNote: text('review_note'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull()
  },
  (t) => [
    uniqueIndex('policies_search_rowid_idx').on(t.searchRowid),
    // Covers the search catalog's columns: without it loading them reads past every body (overflow pages).
    index('policies_catalog_idx').on(
      t.searchRowid,
      t.id,
      t.workflow,
      t.category,
      t.level,
      t.effectiveFrom,
      t.effectiveTo,
      t.repealedAt,
      t.supersededFrom,
      t.authorId,
      t.updatedAt
    ),
    index('policies_workflow_idx').on(t.workflow, t.updatedAt),
    index('policies_supersedes_idx').on(t.supersedesId)
  ]
)

/** One row: bumped in every transaction that changes policies, so each process knows when its search catalog is stale. */
export const policySearchState = sqliteTable('policy_search_state', {
  id: integer('id').primaryKey(),
  version: integer('version').notNull()
})
