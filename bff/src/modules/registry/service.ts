import {
  maskIdNumber,
  maskPhone,
  normalizeIdNumber,
  parseIdNumber,
  type CreateVeteranBody,
  type Veteran
} from '@veterans/shared'
import type { Ctx } from '../../context'
import { AppError, fieldError } from '../../lib/app-error'
import { newId } from '../../lib/ids'
import { canSeeDistrict } from '../../lib/scope'
import type { Principal } from '../../lib/principal'
import { districtExists } from '../reference/service'
import * as repo from './repo'

type VeteranRow = NonNullable<Awaited<ReturnType<typeof repo.insertVeteran>>>

export function toVeteran(row: VeteranRow, bound: boolean): Veteran {
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
  if (body.enlistDate && body.dischargeDate && body.dischargeDate < body.enlistDate) {
    throw fieldError('body.dischargeDate', '退役日期不能早于入伍日期')
  }
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
      birthDate: body.birthDate ?? encoded.birthDate,
      districtCode: body.districtCode,
      category: body.category,
      enlistDate: body.enlistDate ?? null,
      dischargeDate: body.dischargeDate ?? null,
      phoneEnc: body.phone ? ctx.pii.encrypt(body.phone) : null,
      phoneMasked: body.phone ? maskPhone(body.phone) : null,
      disabilityLevel: body.disabilityLevel ?? null,
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
