import { createHash } from 'node:crypto'
import {
  maskName,
  maskPhone,
  normalizeIdNumber,
  parseIdNumber,
  type BindVeteranBody,
  type CreateFamilyLinkBody,
  type FamilyInvite,
  type FamilyLink,
  type Me,
  type MyDataExport,
  type UpdateMeBody,
  type VeteranCategory
} from '@veterans/shared'
import type { Ctx } from '../../context'
import { tableCache } from '../../db/table-cache'
import { AppError } from '../../lib/app-error'
import { newHumanCode } from '../../lib/ids'
import type { Principal } from '../../lib/principal'
import { beginAttempt, forgiveAttempt } from '../platform/attempts-repo'
import * as repo from './repo'

const BIND_SCOPE = 'bind_veteran'
const BIND_MAX_FAILURES = 5
const BIND_WINDOW_MS = 60 * 60 * 1000
const INVITE_TTL_MS = 72 * 60 * 60 * 1000

/** A section of the data export that another capability adds: what it holds about the person. */
export type ExportSection = (ctx: Ctx, userId: string) => Promise<unknown[]>
/** An export section with the name it has under `records`. */
export interface NamedExportSection {
  name: string
  section: ExportSection
}
/** A step another capability adds to closing an account, to release what the account held. */
export type AccountClosingStep = (ctx: Ctx, userId: string) => Promise<void>

/**
 * Who a person is, kept while nothing it is read from (users, veterans, centers, family_links) may have changed:
 * every app start and screen refresh asks, and every token pair carries it. Kept as the same object, the route
 * serializes it once (sendSerializedOnce); nobody may change it.
 */
const meAnswers = tableCache<Me>('me', ['users', 'veterans', 'centers', 'family_links'], 10_000)

export async function getMe(ctx: Ctx, userId: string): Promise<Me> {
  return meAnswers.get(ctx.db, userId, () => describeMe(ctx, userId))
}

async function describeMe(ctx: Ctx, userId: string): Promise<Me> {
  const user = await repo.findMeRow(ctx.db, userId)
  if (!user || user.status !== 'active') throw new AppError('UNAUTHENTICATED')
  const familyOf = await repo.listFamilyOf(ctx.db, userId)
  return {
    id: user.id,
    role: user.role,
    displayName: user.displayName,
    elderMode: Boolean(user.elderMode),
    ...(user.phoneEnc ? { phoneMasked: maskPhone(ctx.pii.decrypt(user.phoneEnc)) } : {}),
    ...(user.veteranId
      ? {
          veteran: {
            id: user.veteranId,
            name: user.veteranName!,
            idNumberMasked: user.idNumberMasked!,
            districtCode: user.districtCode!,
            category: user.veteranCategory!
          }
        }
      : {}),
    familyOf: familyOf.map((link) => ({
      linkId: link.linkId,
      veteranId: link.veteranId,
      veteranNameMasked: maskName(link.veteranName),
      relation: link.relation
    })),
    ...(user.centerId ? { center: { id: user.centerId, name: user.centerName! } } : {}),
    ...(user.kind === 'staff' ? { mustChangePassword: Boolean(user.mustChangePassword) } : {})
  }
}

export async function updateMe(ctx: Ctx, userId: string, body: UpdateMeBody): Promise<Me> {
  await repo.updateProfile(ctx.db, userId, {
    ...(body.displayName !== undefined ? { displayName: body.displayName.trim() } : {}),
    ...(body.elderMode !== undefined ? { elderMode: body.elderMode } : {}),
    ...(body.phone !== undefined ? { phoneEnc: ctx.pii.encrypt(body.phone) } : {})
  })
  return getMe(ctx, userId)
}

/**
 * Binds the account to its registry record. A wrong name and an unknown ID number get the same answer, so the
 * endpoint cannot be used to find out who is in the registry; failures are limited per account per hour.
 */
export async function bindVeteran(ctx: Ctx, principal: Principal, body: BindVeteranBody): Promise<Me> {
  const attempt = await beginAttempt(ctx.db, BIND_SCOPE, principal.userId, BIND_WINDOW_MS, BIND_MAX_FAILURES)
  if ('retryAfterSeconds' in attempt)
    throw new AppError('TOO_MANY_ATTEMPTS', { retryAfterSeconds: attempt.retryAfterSeconds })
  // Only a wrong ID number or a record that does not match counts; anything else forgives the attempt.
  const idNumber = normalizeIdNumber(body.idNumber)
  if (!parseIdNumber(idNumber))
    throw new AppError('ID_NUMBER_INVALID', { fields: [{ path: 'body.idNumber', message: '身份证号码校验不通过' }] })
  const record = await repo.findVeteranByIdNumberHash(ctx.db, ctx.pii.lookupHash(idNumber))
  if (!record || record.name !== body.name.trim()) throw new AppError('REGISTRY_NO_MATCH')
  await forgiveAttempt(ctx.db, attempt.attemptId)
  const result = await repo.bindVeteran(ctx.db, principal.userId, record.id)
  if (result === 'bound_elsewhere') throw new AppError('VETERAN_ALREADY_BOUND')
  if (result === 'account_has_other_record') {
    throw new AppError(
      'INVALID_STATE',
      {},
      '您的账号已绑定其他退役军人身份，如需更换，请带上身份证到退役军人服务中心办理'
    )
  }
  return getMe(ctx, principal.userId)
}

function hashInviteCode(code: string): string {
  return createHash('sha256').update(code.toUpperCase()).digest('base64url')
}

export async function createFamilyInvite(ctx: Ctx, principal: Principal): Promise<FamilyInvite> {
  if (!principal.veteranId) throw new AppError('NOT_ELIGIBLE')
  const code = newHumanCode(8)
  const expiresAt = new Date(Date.now() + INVITE_TTL_MS).toISOString()
  await repo.createFamilyInvite(ctx.db, {
    codeHash: hashInviteCode(code),
    veteranId: principal.veteranId,
    userId: principal.userId,
    expiresAt
  })
  return { code, expiresAt }
}

export async function linkFamily(ctx: Ctx, principal: Principal, body: CreateFamilyLinkBody): Promise<FamilyLink> {
  const code = body.code.replace(/\s+/g, '').toUpperCase()
  const link = await repo.redeemFamilyInvite(ctx.db, hashInviteCode(code), principal.userId, body.relation)
  if (!link) throw new AppError('INVITE_INVALID')
  return link
}

/** What other capabilities may know of a registry record a person acts for: no ID number, no phone. */
export interface VeteranRecordFacts {
  id: string
  name: string
  category: VeteranCategory
  districtCode: string
  enlistDate: string | null
  dischargeDate: string | null
  disabilityLevel: number | null
}

/**
 * The registry records a person acts for: their own when bound, then those of the veterans they are linked to as
 * family, each once. Other capabilities reason on them (which policies apply); they are never sent as they are.
 */
export async function veteranRecordsOf(ctx: Ctx, principal: Principal): Promise<VeteranRecordFacts[]> {
  const linked = await repo.listFamilyOf(ctx.db, principal.userId)
  const ids = [...new Set([...(principal.veteranId ? [principal.veteranId] : []), ...linked.map((l) => l.veteranId)])]
  const records = await Promise.all(ids.map((id) => repo.findVeteran(ctx.db, id)))
  return records
    .filter((v) => v !== null)
    .map(({ id, name, category, districtCode, enlistDate, dischargeDate, disabilityLevel }) => ({
      id,
      name,
      category,
      districtCode,
      enlistDate,
      dischargeDate,
      disabilityLevel
    }))
}

export async function listFamily(ctx: Ctx, principal: Principal) {
  if (!principal.veteranId) return { items: [] }
  return { items: await repo.listFamilyMembers(ctx.db, principal.veteranId) }
}

export async function removeFamilyLink(ctx: Ctx, principal: Principal, linkId: string) {
  const removed = await repo.removeFamilyLink(ctx.db, linkId, principal.userId, principal.veteranId)
  if (!removed) throw new AppError('NOT_FOUND')
}

/**
 * PIPL right of access: everything held about this person; their own ID number and phone unmasked. Other
 * capabilities add their sections (bookings, notifications …), composed in app.ts.
 */
export async function exportMyData(ctx: Ctx, userId: string, sections: NamedExportSection[]): Promise<MyDataExport> {
  const user = await repo.findUser(ctx.db, userId)
  if (!user) throw new AppError('UNAUTHENTICATED')
  const veteran = user.veteranId ? await repo.findVeteran(ctx.db, user.veteranId) : null
  const [familyOf, members, sessions] = await Promise.all([
    repo.listFamilyOf(ctx.db, userId),
    veteran ? repo.listFamilyMembers(ctx.db, veteran.id) : [],
    repo.listSessions(ctx.db, userId)
  ])
  const now = new Date().toISOString()
  const records: Record<string, unknown[]> = {}
  for (const { name, section } of sections) records[name] = await section(ctx, userId)
  return {
    exportedAt: now,
    account: {
      id: user.id,
      role: user.role,
      displayName: user.displayName,
      phone: user.phoneEnc ? ctx.pii.decrypt(user.phoneEnc) : null,
      elderMode: user.elderMode,
      createdAt: user.createdAt
    },
    veteranRecord: veteran
      ? {
          id: veteran.id,
          name: veteran.name,
          idNumber: ctx.pii.decrypt(veteran.idNumberEnc),
          gender: veteran.gender,
          birthDate: veteran.birthDate,
          districtCode: veteran.districtCode,
          category: veteran.category,
          enlistDate: veteran.enlistDate,
          dischargeDate: veteran.dischargeDate,
          phone: veteran.phoneEnc ? ctx.pii.decrypt(veteran.phoneEnc) : null,
          disabilityLevel: veteran.disabilityLevel
        }
      : null,
    familyLinks: familyOf.map((l) => ({
      linkId: l.linkId,
      veteranNameMasked: maskName(l.veteranName),
      relation: l.relation,
      createdAt: l.createdAt
    })),
    familyMembers: members,
    sessions: sessions.map((s) => ({
      createdAt: s.createdAt,
      lastUsedAt: s.lastUsedAt,
      active: !s.revokedAt && s.expiresAt > now
    })),
    records
  }
}

/**
 * Closes the account first (signed out everywhere; writes check that their account is active, so nothing new can
 * start), then lets each capability release what the account held (its steps composed in app.ts).
 */
export async function deleteMyAccount(ctx: Ctx, userId: string, closingSteps: AccountClosingStep[]) {
  await repo.deleteAccount(ctx.db, userId)
  for (const step of closingSteps) await step(ctx, userId)
}
