import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import type { FastifyInstance } from 'fastify'
import type { PolicyEligibility, PolicyLevel, Topic } from '@veterans/shared'
import { DEMO_DIR } from '../../db/seed/index'
import { newId } from '../../lib/ids'
import { staffAccountId } from '../auth/service'
import { listServices } from '../reference/service'
import { publishedRow } from './bulk'
import * as repo from './repo'

/** One policy of config/demo/policies/*.json. `body` may be a list of Markdown blocks, joined by blank lines. */
export interface DemoPolicy {
  key: string
  title: string
  docNumber: string
  issuer: string
  level: PolicyLevel
  category: Topic
  summary: string
  body: string | string[]
  effectiveFrom: string
  effectiveTo?: string | null
  eligibility?: PolicyEligibility
  /** Service codes of config/demo/services.json. */
  relatedServices?: string[]
  /** Key of the older policy this one replaced. */
  supersedes?: string
  repealed?: { at: string; reason: string }
}

export const DEMO_POLICY_DIR = path.join(DEMO_DIR, 'policies')

export function readDemoPolicies(dir: string = DEMO_POLICY_DIR): DemoPolicy[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .flatMap((f) => JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as DemoPolicy[])
}

/** The demo corpus, published: drafted by the city center's staff account and approved by the admin. */
export async function seedDemoPolicies(app: FastifyInstance) {
  const [authorId, approverId] = await Promise.all([staffAccountId(app, 'city'), staffAccountId(app, 'admin')])
  if (!authorId || !approverId) throw new Error('demo policies need the demo staff accounts "city" and "admin"')
  const serviceIds = new Map((await listServices(app)).items.map((s) => [s.code, s.id]))
  const demo = readDemoPolicies()
  const ids = new Map(demo.map((p) => [p.key, newId()]))
  const successorOf = new Map(demo.filter((p) => p.supersedes).map((p) => [p.supersedes!, p]))
  const now = new Date().toISOString()

  const people = { authorId, approverId }
  const rows: repo.NewPolicyRow[] = demo.map((p) => {
    const idOf = (key: string) => {
      const id = ids.get(key)
      if (!id) throw new Error(`demo policy ${p.key} refers to unknown policy ${key}`)
      return id
    }
    const relatedServiceIds = (p.relatedServices ?? []).map((code) => {
      const id = serviceIds.get(code)
      if (!id) throw new Error(`demo policy ${p.key} names unknown service ${code}`)
      return id
    })
    const body = Array.isArray(p.body) ? p.body.join('\n\n') : p.body
    const successor = successorOf.get(p.key)
    const { key: _key, relatedServices: _codes, supersedes, repealed, effectiveTo, eligibility, ...input } = p
    return {
      ...publishedRow(
        {
          ...input,
          body,
          ...(effectiveTo ? { effectiveTo } : {}),
          ...(eligibility ? { eligibility } : {}),
          relatedServiceIds
        },
        people,
        now
      ),
      id: ids.get(p.key)!,
      supersedesId: supersedes ? idOf(supersedes) : null,
      supersededById: successor ? idOf(successor.key) : null,
      supersededFrom: successor ? successor.effectiveFrom : null,
      repealedAt: repealed ? `${repealed.at}T02:00:00.000Z` : null,
      repealedBy: repealed ? approverId : null,
      repealReason: repealed?.reason ?? null
    }
  })
  await repo.insertPublished(app.db, rows)
  await repo.optimizeSearchIndex(app.db)
}
