import { randomBytes } from 'node:crypto'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { count } from 'drizzle-orm'
import {
  idNumberCheckChar,
  maskIdNumber,
  maskPhone,
  parseIdNumber,
  type CenterLevel,
  type Relation
} from '@veterans/shared'
import type { FastifyInstance } from 'fastify'
import { groupCommit } from '../group-commit'
import { centerServices, centers, districts, familyLinks, services, users, veterans } from '../schema/index'
import { newId } from '../../lib/ids'
import { hashPassword } from '../../lib/passwords'
import { CONFIG_DIR } from '../../paths'
import { seededRandom } from './random'
import { generateVeterans, type GeneratedVeteran } from './veterans'

export const DEMO_DIR = path.join(CONFIG_DIR, 'demo')
const readDemo = <T>(file: string): T => JSON.parse(readFileSync(path.join(DEMO_DIR, file), 'utf8')) as T

interface DemoCenter {
  code: string
  name: string
  level: CenterLevel
  districtCode: string
  address: string
  phone: string
  openingHours: string
  lat: number
  lng: number
  services: 'all' | string[]
}
interface DemoService {
  code: string
  name: string
  category: string
  durationMinutes: number
  description: string
  requiredDocuments: string[]
}
interface DemoPeople {
  veterans: (Omit<GeneratedVeteran, 'idNumber' | 'gender' | 'birthDate'> & { idFirst17: string })[]
  residents: { wechatName: string; displayName: string; bindTo?: string; familyOf?: string; relation?: Relation }[]
}

export const GENERATED_VETERANS = 520

/** Adds a capability's demo data once the base data (districts, centers, services, people) exists. */
export type SeedStep = (app: FastifyInstance) => Promise<void>

/**
 * Fills an empty database with M City's demo data; a database that has data is left alone. The capabilities'
 * own demo data (bookings, policies …) comes from their seed steps, run in order once the base data exists.
 */
export async function seedDemoData(app: FastifyInstance, capabilitySteps: SeedStep[]) {
  const { db, pii, config, log } = app
  const [existing] = await db.select({ n: count() }).from(districts)
  if ((existing?.n ?? 0) > 0) return

  const demoDistricts = readDemo<{ code: string; name: string }[]>('districts.json')
  const demoServices = readDemo<DemoService[]>('services.json')
  const demoCenters = readDemo<DemoCenter[]>('centers.json')
  const people = readDemo<DemoPeople>('people.json')
  const password = demoPassword(config.demoPassword, config.databasePath)
  const now = new Date().toISOString()

  const serviceIds = new Map(demoServices.map((s) => [s.code, newId()]))
  const centerIds = new Map(demoCenters.map((c) => [c.code, newId()]))
  const staffAccounts = [
    { username: 'admin', displayName: '市局管理员', role: 'admin' as const, centerCode: 'city' },
    ...demoCenters.map((c) => ({
      username: c.code,
      displayName: `${c.name}工作人员`,
      role: 'staff' as const,
      centerCode: c.code
    }))
  ]
  const hashes = await Promise.all(staffAccounts.map(() => hashPassword(password)))

  const fixed: GeneratedVeteran[] = people.veterans.map((v) => {
    const idNumber = v.idFirst17 + idNumberCheckChar(v.idFirst17)
    const encoded = parseIdNumber(idNumber)!
    return { ...v, idNumber, gender: encoded.sex, birthDate: encoded.birthDate }
  })
  const taken = new Set(fixed.map((v) => v.idNumber))
  const generated = generateVeterans(
    seededRandom(20261128),
    demoDistricts.map((d) => d.code),
    GENERATED_VETERANS,
    taken
  )
  const veteranIdByName = new Map<string, string>()

  const veteranRows = [...fixed, ...generated].map((v) => {
    const id = newId()
    if (fixed.includes(v)) veteranIdByName.set(v.name, id)
    return {
      id,
      name: v.name,
      idNumberEnc: pii.encrypt(v.idNumber),
      idNumberHash: pii.lookupHash(v.idNumber),
      idNumberMasked: maskIdNumber(v.idNumber),
      gender: v.gender,
      birthDate: v.birthDate,
      districtCode: v.districtCode,
      category: v.category,
      enlistDate: v.enlistDate,
      dischargeDate: v.dischargeDate,
      phoneEnc: v.phone ? pii.encrypt(v.phone) : null,
      phoneMasked: v.phone ? maskPhone(v.phone) : null,
      disabilityLevel: v.disabilityLevel,
      createdBy: null,
      createdAt: now,
      updatedAt: now
    }
  })
  const staffRows = staffAccounts.map((s, i) => ({
    id: newId(),
    kind: 'staff' as const,
    role: s.role,
    username: s.username,
    passwordHash: hashes[i]!,
    displayName: s.displayName,
    centerId: centerIds.get(s.centerCode)!,
    createdAt: now,
    updatedAt: now
  }))
  const residentRows = people.residents.map((r) => {
    const veteranId = r.bindTo ? veteranIdByName.get(r.bindTo)! : null
    return {
      id: newId(),
      kind: 'wechat' as const,
      role: veteranId ? ('veteran' as const) : r.familyOf ? ('family' as const) : ('resident' as const),
      openid: `dev-${r.wechatName}`,
      displayName: r.displayName,
      veteranId,
      createdAt: now,
      updatedAt: now
    }
  })
  const familyRows = people.residents.flatMap((r, i) =>
    r.familyOf
      ? [
          {
            id: newId(),
            veteranId: veteranIdByName.get(r.familyOf)!,
            userId: residentRows[i]!.id,
            relation: r.relation ?? ('other' as const),
            createdAt: now
          }
        ]
      : []
  )

  await groupCommit(db, async (tx) => {
    await tx.insert(districts).values(demoDistricts.map((d, i) => ({ ...d, sortOrder: i })))
    await tx.insert(services).values(demoServices.map((s, i) => ({ ...s, id: serviceIds.get(s.code)!, sortOrder: i })))
    await tx.insert(centers).values(
      demoCenters.map(({ code, services: _offered, ...center }, i) => ({
        ...center,
        id: centerIds.get(code)!,
        sortOrder: i
      }))
    )
    await tx.insert(centerServices).values(
      demoCenters.flatMap((c) =>
        (c.services === 'all' ? demoServices.map((s) => s.code) : c.services).map((serviceCode) => ({
          centerId: centerIds.get(c.code)!,
          serviceId: serviceIds.get(serviceCode)!
        }))
      )
    )
    // In slices: a statement takes a bounded number of values (SQLite's 32,766, PostgreSQL's 65,535).
    for (let i = 0; i < veteranRows.length; i += 200) await tx.insert(veterans).values(veteranRows.slice(i, i + 200))
    await tx.insert(users).values([...staffRows, ...residentRows])
    if (familyRows.length > 0) await tx.insert(familyLinks).values(familyRows)
  })

  for (const step of capabilitySteps) await step(app)
  log.info(
    {
      districts: demoDistricts.length,
      centers: demoCenters.length,
      services: demoServices.length,
      veterans: fixed.length + generated.length
    },
    'demo data seeded'
  )
}

/**
 * DEMO_PASSWORD, or one generated now, printed once and kept beside the database (mode 0600) so it can be
 * looked up again.
 */
function demoPassword(configured: string | null, databasePath: string): string {
  if (configured) return configured
  const file = databasePath === ':memory:' ? null : path.join(path.dirname(databasePath), 'demo-password')
  if (file && existsSync(file)) return readFileSync(file, 'utf8').trim()
  const generated = randomBytes(9).toString('base64url')
  if (file) writeFileSync(file, generated + '\n', { mode: 0o600 })
  console.log(
    `\n  Demo staff password (every demo staff account, admin among them): ${generated}\n` +
      (file ? `  Kept in ${file}. Set DEMO_PASSWORD to choose your own.\n` : '')
  )
  return generated
}
