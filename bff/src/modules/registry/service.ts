import {
  maskIdNumber,
  maskPhone,
  normalizeIdNumber,
  parseIdNumber,
  type CreateVeteranBody,
  type UpdateVeteranBody,
  type Veteran,
  type VeteranDetail,
  type VeteranPage,
  type VeteranPii,
  type VeteranQuery
} from '@veterans/shared'
import type { Ctx } from '../../context'
import { AppError, fieldError } from '../../lib/app-error'
import { newId } from '../../lib/ids'
import { canSeeDistrict } from '../../lib/scope'
import type { Principal } from '../../lib/principal'
import { districtExists } from '../reference/service'
import { recordAudit } from '../platform/audit-repo'
import * as repo from './repo'
import * as detailRepo from './detail-repo'
import { countVeterans, searchVeterans } from './search-repo'
import { dateOrderProblems } from './rules'
import { inRegistryScope, registryScopeOf } from './scope'

export function toVeteran(row: repo.VeteranRow, bound: boolean): Veteran {
  return {
    id: row.id,
    name: row.name,
    idNumberMasked: row.idNumberMasked,
    gender: row.gender,
    birthDate: row.birthDate,
    districtCode: row.districtCode,
    category: row.category,
    enlistDate: row.enlistDate,
    dischargeDate: row.dischargeDate,
    phoneMasked: row.phoneMasked,
    disabilityLevel: row.disabilityLevel,
    status: row.status,
    servedUnit: row.servedUnit,
    notes: row.notes,
    bound,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt
  }
}

/** 400 naming every field in `problems` at once, so a form can mark them all. */
function fieldsError(problems: { path: string; message: string }[]) {
  return new AppError('VALIDATION_FAILED', { fields: problems })
}

/** Adds a veteran to the registry. ID number and phone are stored encrypted; gender and birth date default to what the ID number encodes. */
export async function createVeteran(ctx: Ctx, principal: Principal, body: CreateVeteranBody): Promise<Veteran> {
  const idNumber = normalizeIdNumber(body.idNumber)
  const encoded = parseIdNumber(idNumber)
  if (!encoded)
    throw new AppError('ID_NUMBER_INVALID', { fields: [{ path: 'body.idNumber', message: '身份证号码校验不通过' }] })
  if (!(await districtExists(ctx.db, body.districtCode))) throw fieldError('body.districtCode', '没有这个区县')
  if (!canSeeDistrict(principal, body.districtCode)) {
    throw new AppError('FORBIDDEN', {}, '只能登记本服务中心所在区县的退役军人')
  }
  const birthDate = body.birthDate ?? encoded.birthDate
  const dateProblems = dateOrderProblems({
    birthDate,
    enlistDate: body.enlistDate ?? null,
    dischargeDate: body.dischargeDate ?? null
  })
  if (dateProblems.length) throw fieldsError(dateProblems.map((p) => ({ path: `body.${p.field}`, message: p.message })))
  const now = new Date().toISOString()
  const id = newId()
  const row = await repo.insertVeteran(
    ctx.db,
    {
      id,
      name: body.name.trim(),
      idNumberEnc: ctx.pii.encrypt(idNumber),
      idNumberHash: ctx.pii.lookupHash(idNumber),
      idNumberMasked: maskIdNumber(idNumber),
      gender: body.gender ?? encoded.sex,
      birthDate,
      districtCode: body.districtCode,
      category: body.category,
      enlistDate: body.enlistDate ?? null,
      dischargeDate: body.dischargeDate ?? null,
      phoneEnc: body.phone ? ctx.pii.encrypt(body.phone) : null,
      phoneMasked: body.phone ? maskPhone(body.phone) : null,
      disabilityLevel: body.disabilityLevel ?? null,
      status: body.status ?? 'active',
      servedUnit: body.servedUnit?.trim() || null,
      notes: body.notes?.trim() || null,
      createdBy: principal.userId,
      createdAt: now,
      updatedAt: now
    },
    {
      actorId: principal.userId,
      actorRole: principal.role,
      action: 'registry.create',
      entity: 'veteran',
      entityId: id,
      detail: { districtCode: body.districtCode, category: body.category }
    }
  )
  if (!row) throw new AppError('VETERAN_EXISTS')
  return toVeteran(row, false)
}

/** The records in the reader's scope matching the query, newest first, with how many match in all. */
export async function listVeterans(ctx: Ctx, principal: Principal, query: VeteranQuery): Promise<VeteranPage> {
  const filter = { scopeDistrictCode: registryScopeOf(principal), ...query }
  const limit = query.limit ?? 20
  const [rows, total] = await Promise.all([
    searchVeterans(ctx.db, filter, { beforeId: query.cursor ?? null, limit }),
    countVeterans(ctx.db, filter)
  ])
  const page = rows.slice(0, limit)
  return {
    items: page.map((r) => toVeteran(r.veteran, Boolean(r.bound))),
    nextCursor: rows.length > limit ? page[page.length - 1]!.veteran.id : null,
    total
  }
}

/** A record in the reader's scope; another district's is 404, as if it did not exist. */
async function veteranInScope(ctx: Ctx, principal: Principal, id: string) {
  const found = await repo.findVeteran(ctx.db, id)
  if (!found || !inRegistryScope(registryScopeOf(principal), found.veteran.districtCode)) {
    throw new AppError('NOT_FOUND')
  }
  return found
}

export async function getVeteranDetail(ctx: Ctx, principal: Principal, id: string): Promise<VeteranDetail> {
  const { veteran, bound } = await veteranInScope(ctx, principal, id)
  const [districtName, familyCount, bookings, threads] = await Promise.all([
    detailRepo.districtName(ctx.db, veteran.districtCode),
    detailRepo.familyCountOf(ctx.db, id),
    detailRepo.recentBookingsOf(ctx.db, id),
    detailRepo.recentThreadsOf(ctx.db, id)
  ])
  return { veteran: toVeteran(veteran, Boolean(bound)), districtName, familyCount, bookings, threads }
}

/** Changes a record in scope. Dates must stay in order, the district must exist and be one the staff member keeps. */
export async function updateVeteran(
  ctx: Ctx,
  principal: Principal,
  id: string,
  body: UpdateVeteranBody
): Promise<Veteran> {
  const { veteran, bound } = await veteranInScope(ctx, principal, id)
  // Unknown properties (the ID number among them) are dropped by validation: a body left with nothing changes nothing.
  if (Object.keys(body).length === 0) throw fieldError('body', '没有要修改的内容（身份证号不能在这里修改）')
  const problems: { path: string; message: string }[] = []
  if (body.districtCode !== undefined && body.districtCode !== veteran.districtCode) {
    if (!(await districtExists(ctx.db, body.districtCode)))
      problems.push({ path: 'body.districtCode', message: '没有这个区县' })
    else if (!canSeeDistrict(principal, body.districtCode))
      throw new AppError('FORBIDDEN', {}, '只能把记录改到本服务中心所在的区县')
  }
  const dates = {
    birthDate: body.birthDate ?? veteran.birthDate,
    enlistDate: body.enlistDate !== undefined ? body.enlistDate : veteran.enlistDate,
    dischargeDate: body.dischargeDate !== undefined ? body.dischargeDate : veteran.dischargeDate
  }
  for (const p of dateOrderProblems(dates)) problems.push({ path: `body.${p.field}`, message: p.message })
  if (problems.length) throw fieldsError(problems)

  const { phone, name, servedUnit, notes, ...rest } = body
  const changes: Partial<repo.NewVeteranRow> = { ...rest, updatedAt: new Date().toISOString() }
  if (name !== undefined) changes.name = name.trim()
  if (servedUnit !== undefined) changes.servedUnit = servedUnit?.trim() || null
  if (notes !== undefined) changes.notes = notes?.trim() || null
  if (phone !== undefined) {
    changes.phoneEnc = phone ? ctx.pii.encrypt(phone) : null
    changes.phoneMasked = phone ? maskPhone(phone) : null
  }
  const row = await repo.updateVeteran(ctx.db, id, changes, {
    actorId: principal.userId,
    actorRole: principal.role,
    action: 'registry.update',
    entity: 'veteran',
    entityId: id,
    // Which fields changed, never their values (the log must not become a copy of personal data).
    detail: { fields: Object.keys(body) }
  })
  if (!row) throw new AppError('NOT_FOUND')
  return toVeteran(row, Boolean(bound))
}

/** How long the staff workspace shows revealed data before masking it again. */
export const REVEAL_SECONDS = 30

/** The unmasked ID number and phone of a record in scope, for a stated reason; every reveal is audited. */
export async function revealPii(ctx: Ctx, principal: Principal, id: string, reason: string): Promise<VeteranPii> {
  const { veteran } = await veteranInScope(ctx, principal, id)
  await recordAudit(ctx.db, {
    actorId: principal.userId,
    actorRole: principal.role,
    action: 'registry.reveal',
    entity: 'veteran',
    entityId: id,
    detail: { reason: reason.trim() }
  })
  return {
    idNumber: ctx.pii.decrypt(veteran.idNumberEnc),
    phone: veteran.phoneEnc ? ctx.pii.decrypt(veteran.phoneEnc) : null,
    showForSeconds: REVEAL_SECONDS
  }
}
