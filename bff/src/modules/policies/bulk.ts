import type { PolicyInput } from '@veterans/shared'
import type { Ctx } from '../../context'
import { newId } from '../../lib/ids'
import * as repo from './repo'

export interface Publishers {
  authorId: string
  approverId: string
}

/** The row of a policy that arrives already published (demo data, imports, benchmarks). */
export function publishedRow(input: PolicyInput, people: Publishers, now: string): repo.NewPolicyRow {
  return {
    id: newId(),
    title: input.title,
    docNumber: input.docNumber,
    issuer: input.issuer,
    level: input.level,
    category: input.category,
    summary: input.summary,
    body: input.body,
    effectiveFrom: input.effectiveFrom,
    effectiveTo: input.effectiveTo ?? null,
    eligibility: input.eligibility ?? null,
    relatedServiceIds: input.relatedServiceIds ?? [],
    workflow: 'published',
    supersedesId: input.supersedesId ?? null,
    authorId: people.authorId,
    submittedAt: now,
    approverId: people.approverId,
    publishedAt: now,
    createdAt: now,
    updatedAt: now
  }
}

/**
 * Loads already-approved policies in one transaction, without the workflow or audit entries. Returns their ids.
 * After the last batch of a bulk load, call optimizeSearchIndex.
 */
export async function loadPublishedPolicies(ctx: Ctx, inputs: PolicyInput[], people: Publishers): Promise<string[]> {
  const now = new Date().toISOString()
  const rows = inputs.map((input) => publishedRow(input, people, now))
  await repo.insertPublished(ctx.db, rows)
  return rows.map((r) => r.id)
}

/** Compacts the search indexes after a bulk load, so queries read one segment per token. */
export async function optimizeSearchIndex(ctx: Ctx) {
  await repo.optimizeSearchIndex(ctx.db)
}
